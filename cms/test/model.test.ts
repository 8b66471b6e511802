import { describe, expect, it } from 'vitest';
import { collections, components, locales, strapiUid } from '@ssc/content-schemas';
import { adminApi } from './support/http.ts';

describe('the CMS model matches content-schemas', () => {
  it('has exactly the platform locales, English by default', async () => {
    const res = await adminApi('GET', '/i18n/locales');
    expect(res.status).toBe(200);
    const codes = res.body.map((l: { code: string }) => l.code).sort();
    expect(codes).toEqual(locales.map((l) => l.code).sort());
    expect(res.body.find((l: { isDefault: boolean }) => l.isDefault).code).toBe('en');
  });

  it('has every collection with its fields, localization and draft & publish', async () => {
    const res = await adminApi('GET', '/content-type-builder/content-types');
    expect(res.status).toBe(200);
    for (const collection of collections) {
      const ct = res.body.data.find((t: { uid: string }) => t.uid === strapiUid(collection));
      expect(ct, `${collection.name} is missing`).toBeDefined();
      expect(ct.schema.draftAndPublish).toBe(collection.draftAndPublish);
      expect(ct.schema.pluginOptions?.i18n?.localized).toBe(true);
      for (const [name, field] of Object.entries(collection.fields)) {
        const attr = ct.schema.attributes[name];
        expect(attr, `${collection.name}.${name} is missing`).toBeDefined();
        if (field.kind !== 'relation') expect(attr.pluginOptions?.i18n?.localized, `${collection.name}.${name} localization`).toBe(field.localized);
      }
    }
  });

  it('has every shared component with its fields', async () => {
    const res = await adminApi('GET', '/content-type-builder/components');
    expect(res.status).toBe(200);
    for (const component of components) {
      const found = res.body.data.find((c: { uid: string }) => c.uid === component.name);
      expect(found, `${component.name} is missing`).toBeDefined();
      expect(Object.keys(found.schema.attributes).sort()).toEqual(expect.arrayContaining(Object.keys(component.fields).sort()));
    }
  });
});
