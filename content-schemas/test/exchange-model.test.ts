import { describe, expect, it } from 'vitest';
import { contentTypeSchema, entrySchema, getCollection, getComponent, itemDateField, partnerApiOpenApi, staticApiJsonSchemas } from '../src/index.ts';

const PRIVATE = {
  offer: ['contactName', 'contactEmail', 'contactOrganization', 'reference', 'moderation', 'moderationNote'],
  demand: ['contactName', 'contactEmail', 'contactOrganization', 'reference', 'moderation', 'moderationNote'],
  match: ['brokerNotes'],
} as const;

describe('the solutions exchange in the content model', () => {
  it("marks a submitter's details, the moderation and a match's broker notes private and shared in Strapi's schema", () => {
    for (const [type, fields] of Object.entries(PRIVATE)) {
      const attributes = contentTypeSchema(getCollection(type)).attributes as Record<
        string,
        { private?: boolean; pluginOptions?: { i18n: { localized: boolean } } }
      >;
      for (const field of fields) {
        expect(attributes[field]?.private, `${type}.${field}`).toBe(true);
        expect(attributes[field]?.pluginOptions?.i18n.localized, `${type}.${field}`).toBe(false);
      }
    }
  });

  it('leaves them out of the snapshot validators, the static API and the partner API', () => {
    for (const [type, fields] of Object.entries(PRIVATE)) {
      const shape = Object.keys(entrySchema(type as keyof typeof PRIVATE).shape);
      for (const field of fields) expect(shape, `${type}.${field}`).not.toContain(field);
    }
    const documents = JSON.stringify([staticApiJsonSchemas(), partnerApiOpenApi()]);
    expect(documents).not.toMatch(/"(contactEmail|contactName|moderationNote|brokerNotes)"/);
  });

  it("keeps the matching's facts language-independent and dates solutions, offers and demands by their last verification", () => {
    for (const type of ['solution', 'offer', 'demand']) expect(itemDateField(getCollection(type)), type).toBe('lastVerified');
    expect(getCollection('offer').fields.modality.localized).toBe(false);
    expect(getCollection('offer').fields.deliveryLanguages.localized).toBe(false);
    expect(getCollection('demand').fields.supportSought.localized).toBe(false);
    expect(getCollection('demand').fields.state.localized).toBe(false);
    expect(getCollection('match').fields.state.localized).toBe(false);
    expect(getCollection('country').fields.subregion.localized).toBe(false);
    expect(getComponent('exchange.support').fields.support.kind).toBe('enum');
  });
});
