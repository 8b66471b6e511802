import { describe, expect, it } from 'vitest';
import { typeDeclarations } from '../src/json-schema-types.ts';

describe('typeDeclarations', () => {
  it('prints required and optional properties, enums, arrays, references and nullable values', () => {
    const printed = typeDeclarations({
      Thing: {
        type: 'object',
        required: ['kind', 'tags', 'child'],
        properties: {
          kind: { type: 'string', enum: ['a', 'b'], description: 'What it is.' },
          tags: { type: 'array', items: { type: 'string' } },
          child: { oneOf: [{ $ref: '#/components/schemas/Child' }, { type: 'null' }] },
          count: { type: 'integer' },
          codes: { type: 'array', items: { enum: [1, 2] } },
        },
      },
    });
    expect(printed).toBe(
      [
        'export interface Thing {',
        '  /** What it is. */',
        '  kind: "a" | "b";',
        '  tags: string[];',
        '  child: Child | null;',
        '  count?: number;',
        '  codes?: (1 | 2)[];',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('typeDeclarations of zod-made schemas', () => {
  it('prints type lists, anyOf and nested objects', () => {
    const printed = typeDeclarations({
      Status: {
        type: 'object',
        required: ['when', 'failure'],
        properties: {
          when: { type: ['string', 'null'] },
          failure: { anyOf: [{ type: 'object', required: ['at'], properties: { at: { type: 'string' } } }, { type: 'null' }] },
        },
      },
    });
    expect(printed).toBe(['export interface Status {', '  when: string | null;', '  failure: {', '    at: string;', '  } | null;', '}', ''].join('\n'));
  });
});
