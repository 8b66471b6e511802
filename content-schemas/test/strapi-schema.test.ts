import { describe, expect, it } from 'vitest';
import { collections, components, componentSchema, contentTypeSchema, getComponent, STRING_COLUMN_LIMIT, taxonomies } from '../src/index.ts';

/** The parts of a generated Strapi schema these tests read. */
interface Attribute {
  type: string;
  maxLength?: number;
  unique?: boolean;
  regex?: string;
  private?: boolean;
  pluginOptions?: { i18n: { localized: boolean } };
}
interface StrapiSchema {
  options: { draftAndPublish: boolean };
  pluginOptions: { i18n: { localized: boolean } };
  attributes: Record<string, Attribute>;
}
const read = (schema: unknown) => schema as StrapiSchema;

describe('Strapi schemas generated from the content model', () => {
  it('give every collection but the taxonomy draft & publish, and every collection localization', () => {
    for (const c of collections) {
      const schema = read(contentTypeSchema(c));
      expect(schema.pluginOptions.i18n.localized).toBe(true);
      expect(schema.options.draftAndPublish, c.name).toBe(!taxonomies.some((t) => t.name === c.name));
    }
  });

  it("make a quiz choice's answer and feedback private, so that Strapi's content API never returns them", () => {
    const choice = read(componentSchema(getComponent('learning.choice'))).attributes;
    expect(choice.correct.private).toBe(true);
    expect(choice.feedback.private).toBe(true);
    expect(choice.text.private).toBeUndefined();
  });

  it('store strings longer than a varchar(255) column as text', () => {
    const all = [...collections.map((c) => read(contentTypeSchema(c))), ...components.map((c) => read(componentSchema(c)))];
    for (const schema of all) {
      for (const [name, attr] of Object.entries(schema.attributes)) {
        if (attr.type === 'string') expect(attr.maxLength, name).toBeLessThanOrEqual(STRING_COLUMN_LIMIT);
      }
    }
    expect(read(contentTypeSchema(collections.find((c) => c.name === 'news')!)).attributes.attribution.type).toBe('text');
  });

  it('keep plural and singular API names distinct (Strapi rejects equal ones)', () => {
    for (const c of collections) expect(c.pluralName).not.toBe(c.singularName);
  });

  it('share the slug across translations and validate it as lowercase ASCII', () => {
    for (const c of collections) {
      const slug = read(contentTypeSchema(c)).attributes.slug;
      expect(slug.pluginOptions?.i18n.localized).toBe(false);
      expect(slug.unique).toBe(true);
      const re = new RegExp(slug.regex!);
      expect(re.test('rice-value-chain-2022')).toBe(true);
      for (const bad of ['Rice', 'riz-é', 'a--b', '-a', 'a b', '稻米']) expect(re.test(bad), bad).toBe(false);
    }
  });
});
