/**
 * The solutions exchange's types on the real CMS: the submitter's details, the
 * moderation and a match's broker notes never leave it (content API, partner API),
 * and a match is published only once completed with an outcome.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getCollection, strapiUid } from '@ssc/content-schemas';
import { contentApi, contentManager } from './support/http.ts';
import { uniqueSlug } from './support/fixtures.ts';
import { allItems } from './support/partner-api.ts';
import { leakPattern } from './support/exchange-fixtures.ts';

const OFFER = strapiUid(getCollection('offer'));
const DEMAND = strapiUid(getCollection('demand'));
const MATCH = strapiUid(getCollection('match'));

/** Values only the CMS may know: none of them may appear in anything it sends out. */
const SECRETS = {
  contactName: 'Secret Submitter Name',
  contactEmail: 'secret.submitter@example.org',
  contactOrganization: 'Secret Submitting Organization',
  moderationNote: 'Secret moderation note',
  brokerNotes: 'Secret broker note about the ministry',
};
const SECRET_PATTERN = leakPattern(SECRETS);

const common = (slug: string) => ({ slug, summary: `Summary of ${slug}`, license: 'CC-BY-4.0', attribution: 'Test attribution', lastVerified: '2026-11-01' });

const offerData = (slug: string) => ({
  ...common(slug),
  title: `Offer ${slug}`,
  expertise: 'Grain storage training.',
  modality: 'training',
  deliveryLanguages: [{ language: 'fr' }, { language: 'zh' }],
  validUntil: '2030-12-31',
  contactName: SECRETS.contactName,
  contactEmail: SECRETS.contactEmail,
  contactOrganization: SECRETS.contactOrganization,
  reference: 'O-2026-00001',
  moderation: 'approved',
  moderationNote: SECRETS.moderationNote,
});

const demandData = (slug: string) => ({
  ...common(slug),
  title: `Demand ${slug}`,
  institution: 'Ministry of Agriculture',
  problem: 'Maize is lost in storage.',
  supportSought: [{ support: 'training' }],
  languages: [{ language: 'fr' }],
  state: 'open',
  contactName: SECRETS.contactName,
  contactEmail: SECRETS.contactEmail,
  contactOrganization: SECRETS.contactOrganization,
  reference: 'D-2026-00001',
  moderation: 'submitted',
  moderationNote: SECRETS.moderationNote,
});

async function created(uid: string, locale: string, data: Record<string, unknown>): Promise<string> {
  const res = await contentManager.create(uid, locale, data);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.documentId;
}

describe('the solutions exchange on the CMS', () => {
  const slugs = { offer: uniqueSlug('exchange-offer'), demand: uniqueSlug('exchange-demand'), match: uniqueSlug('exchange-match') };
  let matchId = '';

  beforeAll(async () => {
    const offerId = await created(OFFER, 'fr', offerData(slugs.offer));
    const demandId = await created(DEMAND, 'fr', demandData(slugs.demand));
    for (const [uid, id] of [
      [OFFER, offerId],
      [DEMAND, demandId],
    ] as const) {
      const res = await contentManager.publish(uid, id, 'fr');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    matchId = await created(MATCH, 'fr', {
      ...common(slugs.match),
      title: `Match ${slugs.match}`,
      state: 'proposed',
      proposedOn: '2026-01-10',
      brokerNotes: SECRETS.brokerNotes,
      demand: { connect: [{ documentId: demandId, locale: 'fr' }] },
      offers: { connect: [{ documentId: offerId, locale: 'fr' }] },
    });
  });

  it('refuses to publish a match that is not completed, naming the entry, the locale and the field', async () => {
    const res = await contentManager.publish(MATCH, matchId, 'fr');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`match "${slugs.match}" [fr] state is "proposed"`);
  });

  it('refuses to publish a completed match without an outcome, then publishes it with one', async () => {
    expect((await contentManager.saveLocale(MATCH, matchId, 'fr', { state: 'completed', completedOn: '2026-06-30' })).status).toBe(200);
    const refused = await contentManager.publish(MATCH, matchId, 'fr');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(`match "${slugs.match}" [fr] outcome is empty`);

    expect((await contentManager.saveLocale(MATCH, matchId, 'fr', { outcome: 'Vingt magasiniers formés.' })).status).toBe(200);
    const published = await contentManager.publish(MATCH, matchId, 'fr');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  });

  it('never sends the private fields of offers, demands and matches on the content API, whatever is populated', async () => {
    for (const plural of ['offers', 'demands', 'matches']) {
      for (const query of ['', '&populate=*', '&fields[0]=title&fields[1]=slug', `&filters[slug][$startsWith]=exchange-`]) {
        const res = await contentApi(`/${plural}?locale=fr${query}`);
        expect(res.status, `${plural} ${query}`).toBe(200);
        expect(res.body.data.length, `${plural} ${query}`).toBeGreaterThan(0);
        expect(JSON.stringify(res.body), `${plural} ${query}`).not.toMatch(SECRET_PATTERN);
      }
      // Asking for a private field by name is refused, like any unknown field.
      expect((await contentApi(`/${plural}?locale=fr&fields[0]=contactEmail&fields[1]=brokerNotes`)).status).toBe(400);
    }
  });

  it('never sends them on the partner API, where the three types are listed', async () => {
    const items = await allItems('&locale=fr&type=offer&type=demand&type=match');
    const ours = items.filter((i) => Object.values(slugs).includes(i.slug));
    expect(ours.map((i) => i.type).sort()).toEqual(['demand', 'match', 'offer']);
    expect(ours.find((i) => i.type === 'match').body).toBe('Vingt magasiniers formés.');
    expect(JSON.stringify(items)).not.toMatch(SECRET_PATTERN);
  });
});
