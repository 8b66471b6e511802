/**
 * The submission rules without Strapi: the form's fields follow the model (lengths,
 * choices, private contact fields), every locale has words, each problem is found, and
 * slugs and references have the model's formats.
 */
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, getCollection, locales } from '@ssc/content-schemas';
import { SUBMISSION_FIELDS, SUBMISSION_KINDS } from './spec';
import { checkSubmission, type Known } from './validate';
import { draftData, fakeReference, formatReference, referenceNumber, referencePrefix, submissionSlug } from './record';
import { say, submissionMessageLocales } from './messages';

const known: Known = { countries: new Set(['kenya']), themes: new Set(['food-security']), languages: ['en', 'fr'], today: '2026-12-02' };

describe('the submission forms follow the model', () => {
  it('offers only fields of the model, with its lengths and coded choices', () => {
    for (const kind of SUBMISSION_KINDS) {
      const fields = getCollection(kind).fields as Record<string, { maxLength?: number; private?: boolean }>;
      for (const spec of SUBMISSION_FIELDS[kind]) {
        const field = fields[spec.name];
        expect(field, `${kind}.${spec.name}`).toBeDefined();
        if ('max' in spec && field.maxLength) expect(spec.max, `${kind}.${spec.name}`).toBe(field.maxLength);
      }
      // A visitor never sets the moderation, the reference or the note.
      const names = SUBMISSION_FIELDS[kind].map((f) => f.name);
      for (const broker of ['reference', 'moderation', 'moderationNote', 'slug', 'state', 'license', 'lastVerified']) expect(names).not.toContain(broker);
      for (const contact of ['contactName', 'contactEmail', 'contactOrganization']) expect(fields[contact].private, contact).toBe(true);
    }
  });

  it('has words for every locale of the model', () => {
    expect([...submissionMessageLocales].sort()).toEqual(locales.map((l) => l.code).sort());
    expect(say('xx', 'error.required')).toBe('This field is required.');
    expect(say('ar', 'error.too-long', { max: 200 })).toContain('200');
  });
});

describe('checkSubmission', () => {
  const demand = {
    title: ' Maize storage ',
    summary: 'Losses',
    institution: 'Ministry',
    country: 'kenya',
    problem: 'Weevils',
    supportSought: ['training', 'training'],
    themes: 'food-security',
    languages: ['en'],
    contactName: 'Awa',
    contactEmail: 'awa@example.org',
  };

  it('accepts a complete demand, trimmed, a single checkbox as a list, duplicates once', () => {
    const { values, problems } = checkSubmission('demand', demand, known);
    expect(problems).toEqual({});
    expect(values.title).toBe('Maize storage');
    expect(values.themes).toEqual(['food-security']);
    expect(values.supportSought).toEqual(['training']);
  });

  it('names one problem per field', () => {
    const { problems } = checkSubmission(
      'demand',
      {
        ...demand,
        title: '',
        summary: 'x'.repeat(601),
        country: 'atlantis',
        themes: ['food-security', 'nope'],
        contactEmail: 'awa@',
        problem: 'a <script>',
        timeframe: ['2027'],
      },
      known,
    );
    expect(problems).toEqual({
      title: { code: 'required' },
      summary: { code: 'too-long', max: 600 },
      country: { code: 'invalid-choice' },
      themes: { code: 'invalid-choice' },
      contactEmail: { code: 'invalid-email' },
      problem: { code: 'html' },
    });
  });

  it('refuses every kind of tag but keeps a lone "<"', () => {
    for (const text of ['<b>x</b>', '</p>', '<!-- x -->', '<?php', '< img src=x>', 'a<br/>b'])
      expect(checkSubmission('demand', { ...demand, summary: text }, known).problems.summary, text).toEqual({ code: 'html' });
    expect(checkSubmission('demand', { ...demand, summary: '2 < 3 and 5 > 4' }, known).problems.summary).toBeUndefined();
  });

  it('checks an offer’s dates and choices', () => {
    const offer = {
      title: 'T',
      summary: 'S',
      providerName: 'P',
      expertise: 'E',
      modality: 'training',
      deliveryLanguages: ['fr'],
      contactName: 'N',
      contactEmail: 'n@example.org',
    };
    expect(checkSubmission('offer', { ...offer, validUntil: '2026-12-02' }, known).problems).toEqual({});
    expect(checkSubmission('offer', { ...offer, validUntil: '2026-02-30' }, known).problems.validUntil).toEqual({ code: 'invalid-date' });
    expect(checkSubmission('offer', { ...offer, validUntil: '2026-12-01' }, known).problems.validUntil).toEqual({ code: 'past-date' });
    expect(checkSubmission('offer', { ...offer, modality: 'magic', deliveryLanguages: ['tlh'] }, known).problems).toEqual({
      modality: { code: 'invalid-choice' },
      deliveryLanguages: { code: 'invalid-choice' },
    });
  });
});

describe('records', () => {
  it('makes slugs of the model’s pattern from any title', () => {
    const slug = new RegExp(SLUG_PATTERN);
    expect(submissionSlug('Réduire les pertes de maïs !', 'demand', 'abc123')).toBe('reduire-les-pertes-de-mais-abc123');
    expect(submissionSlug('玉米储存损失', 'demand', 'abc123')).toBe('demand-abc123');
    expect(submissionSlug('تقليل خسائر الذرة', 'offer')).toMatch(/^offer-[0-9a-f]{8}$/);
    for (const title of ['--x--', 'A'.repeat(300), '  ', 'É-é']) expect(submissionSlug(title, 'offer'), title).toMatch(slug);
    expect(submissionSlug('A'.repeat(300), 'offer').length).toBeLessThanOrEqual(120);
  });

  it('formats references as the model wants them', () => {
    const prefix = referencePrefix('demand', 2026);
    expect(formatReference(prefix, 42)).toBe('D-2026-00042');
    expect(referenceNumber('D-2026-00042', prefix)).toBe(42);
    expect(referenceNumber('O-2026-00042', prefix)).toBe(0);
    expect(fakeReference('offer', 2026)).toMatch(new RegExp(getCollection('offer').fields.reference.pattern!));
  });

  it('stores a demand as submitted, open, verified today, credited to its institution', () => {
    const values = checkSubmission('demand', { title: 'T', supportSought: ['finance'], languages: ['fr'], institution: 'Ministry' }, known).values;
    const data = draftData('demand', values, { country: 'doc-kenya', themes: ['doc-theme'] }, { slug: 't-1', reference: 'D-2026-00001', today: '2026-12-02' });
    expect(data).toMatchObject({
      moderation: 'submitted',
      state: 'open',
      lastVerified: '2026-12-02',
      attribution: 'Ministry',
      country: 'doc-kenya',
      themes: ['doc-theme'],
      supportSought: [{ support: 'finance' }],
      languages: [{ language: 'fr' }],
    });
  });
});
