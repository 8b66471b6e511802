/**
 * Prints TypeScript declarations for JSON Schema objects, so that code which cannot
 * import content-schemas (the CMS) still gets its types from the one schema: the
 * generator writes them next to the JSON it generates. Covers the subset the
 * schemas here use: objects, arrays, strings, numbers, booleans, enums, `$ref` to a
 * sibling schema, and unions (`oneOf`, `anyOf`, a list of types: nullable values).
 */
type Schema = { [key: string]: unknown };

function typeOf(schema: Schema, indent: string): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop()!;
  const union = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(union)) return (union as Schema[]).map((member) => typeOf(member, indent)).join(' | ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(schema.type)) return (schema.type as string[]).map((type) => typeOf({ ...schema, type }, indent)).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${wrap(typeOf(schema.items as Schema, indent))}[]`;
    case 'object':
      return objectBody(schema, indent);
    default:
      return 'unknown';
  }
}

const wrap = (type: string) => (type.includes(' ') ? `(${type})` : type);

function objectBody(schema: Schema, indent: string): string {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const lines = Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {}).map(([name, property]) => {
    const doc = typeof property.description === 'string' ? `${indent}  /** ${property.description} */\n` : '';
    return `${doc}${indent}  ${name}${required.has(name) ? '' : '?'}: ${typeOf(property, `${indent}  `)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** `export interface <name> {…}` for each named object schema. */
export function typeDeclarations(schemas: Record<string, Schema>): string {
  return Object.entries(schemas)
    .map(([name, schema]) => `export interface ${name} ${objectBody(schema, '')}\n`)
    .join('\n');
}
