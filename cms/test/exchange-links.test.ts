/**
 * A match linking records in other languages, on the real CMS. Strapi links a localized entry only to the same
 * locale of a localized target: asking it to connect a French match to the Chinese version of an offer fails.
 * So a match links offers and solutions through its shared `links` (type and document id): the broker's "Create
 * match" links a Chinese-only offer to a French demand's match, the link is in every translation of the match
 * and survives its publication, the content API (what the snapshot pull reads) carries it, and the partner API
 * sends it with the locales the target is published in, never a link to an offer that is not published. The
 * match's Linked records panel (an admin route) names the linked records for brokers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getLocale } from '@ssc/content-schemas';
import { adminApi, contentApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { uniqueSlug } from './support/fixtures.ts';
import { MATCH, OFFER, publishedChineseOffer, submittedFrenchDemand } from './support/exchange-fixtures.ts';
import { partnerGet } from './support/partner-api.ts';

const today = () => new Date().toISOString().slice(0, 10);
type Link = { type: string; targetDocumentId: string };
const linksOf = (data: { links?: Link[] }) => (data.links ?? []).map(({ type, targetDocumentId }) => ({ type, targetDocumentId }));

describe('a match linking records in other languages', () => {
  let broker: string;
  let demandId: string;
  let offer: { documentId: string; title: string };
  let draftOfferId: string;
  let matchId: string;
  const demandSlug = uniqueSlug('xlinks-demand');

  beforeAll(async () => {
    broker = await createEditor('Broker');
    offer = await publishedChineseOffer(uniqueSlug('xlinks-offer'), broker);
    demandId = await submittedFrenchDemand(demandSlug, broker);
    // An offer that exists only as a Chinese draft: never to be shown.
    const slug = uniqueSlug('xlinks-draft-offer');
    const draft = await contentManager.create(
      OFFER,
      'zh',
      {
        slug,
        title: `草稿 ${slug}`,
        summary: '未发布。',
        license: 'CC-BY-4.0',
        attribution: '测试',
        lastVerified: today(),
        providerName: '测试',
        expertise: '未发布。',
        modality: 'training',
        deliveryLanguages: [{ language: 'zh' }],
      },
      broker,
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftOfferId = draft.body.data.documentId;
  });

  it('is not possible through a relation: Strapi looks the Chinese offer up in the match’s locale, French', async () => {
    const res = await contentManager.create(
      MATCH,
      'fr',
      { slug: uniqueSlug('xlinks-relation'), title: 'Relation', offers: { connect: [{ documentId: offer.documentId, locale: 'zh' }] } },
      broker,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Document with id "${offer.documentId}", locale "fr" not found`);
  });

  it('links the Chinese-only offer to the French demand’s match created from the suggestion', async () => {
    const res = await adminApi('POST', '/ssc-exchange/matches', { demand: demandId, candidate: { type: 'offer', documentId: offer.documentId } }, broker);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ locale: 'fr', slug: `${demandSlug}-match`, linked: true, candidateLocale: 'zh' });
    expect(res.body.message).toContain('Match created');
    expect(res.body.message).toContain('(zh,');
    matchId = res.body.documentId;
    const match = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${matchId}?locale=fr`, undefined, broker);
    expect(match.status).toBe(200);
    expect(linksOf(match.body.data)).toEqual([{ type: 'offer', targetDocumentId: offer.documentId }]);
  });

  it('names the linked offer, its languages and its edit view for the match’s Linked records panel, to brokers only', async () => {
    const res = await adminApi('GET', `/ssc-exchange/matches/${matchId}/links?locale=fr`, undefined, broker);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.links).toEqual([
      {
        type: 'offer',
        documentId: offer.documentId,
        exists: true,
        title: offer.title,
        locale: 'zh',
        locales: ['zh'],
        published: ['zh'],
        editPath: `/content-manager/collection-types/${OFFER}/${offer.documentId}?plugins[i18n][locale]=zh`,
      },
    ]);
    expect((await adminApi('GET', `/ssc-exchange/matches/no-such-match/links?locale=fr`, undefined, broker)).status).toBe(404);
    const frenchEditor = await createEditor(`${getLocale('fr').englishName} editor`);
    expect((await adminApi('GET', `/ssc-exchange/matches/${matchId}/links?locale=fr`, undefined, frenchEditor)).status).toBe(403);
  });

  it('keeps the link through publication and in a new translation of the match, and the content API sends it', async () => {
    const saved = await contentManager.saveLocale(
      MATCH,
      matchId,
      'fr',
      { state: 'completed', completedOn: today(), outcome: 'Vingt techniciens formés.' },
      broker,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await contentManager.publish(MATCH, matchId, 'fr', broker)).status).toBe(200);
    // The English translation shares the links: nothing to link again.
    const english = await contentManager.saveLocale(
      MATCH,
      matchId,
      'en',
      { title: 'Cassava storage training', summary: 'A match.', attribution: 'WFP' },
      broker,
    );
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    expect(linksOf(english.body.data)).toEqual([{ type: 'offer', targetDocumentId: offer.documentId }]);
    // The content API with the model's populate: what the snapshot pull reads.
    const published = await contentApi(`/matches?locale=fr&filters[documentId][$eq]=${matchId}`);
    expect(published.status).toBe(200);
    expect(linksOf(published.body.data[0])).toEqual([{ type: 'offer', targetDocumentId: offer.documentId }]);
  });

  it('sends the link on the partner API with the locales the offer is published in', async () => {
    const res = await partnerGet(`/items/${matchId}?locale=fr`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.links).toEqual([{ type: 'offer', documentId: offer.documentId, locales: ['zh'] }]);
    const listed = await partnerGet(`/items?locale=fr&type=match&pageSize=100`);
    expect(listed.body.data.find((i: { documentId: string }) => i.documentId === matchId).links).toEqual(res.body.data.links);
  });

  it('never sends a link to an offer that is not published: a draft, or one unpublished since', async () => {
    const current = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${matchId}?locale=fr`, undefined, broker);
    const links = [...current.body.data.links, { type: 'offer', targetDocumentId: draftOfferId }];
    expect((await contentManager.saveLocale(MATCH, matchId, 'fr', { links }, broker)).status).toBe(200);
    expect((await contentManager.publish(MATCH, matchId, 'fr', broker)).status).toBe(200);
    let item = await partnerGet(`/items/${matchId}?locale=fr`);
    expect(item.body.data.links).toEqual([{ type: 'offer', documentId: offer.documentId, locales: ['zh'] }]);
    expect(JSON.stringify(item.body)).not.toContain(draftOfferId);
    // The broker sees it, off the site.
    const panel = await adminApi('GET', `/ssc-exchange/matches/${matchId}/links?locale=fr`, undefined, broker);
    expect(panel.body.links[1]).toMatchObject({ documentId: draftOfferId, exists: true, locales: ['zh'], published: [] });

    expect((await contentManager.unpublish(OFFER, offer.documentId, 'zh', broker)).status).toBe(200);
    item = await partnerGet(`/items/${matchId}?locale=fr`);
    expect(item.body.data.links).toEqual([]);
    expect((await contentManager.publish(OFFER, offer.documentId, 'zh', broker)).status).toBe(200);
    item = await partnerGet(`/items/${matchId}?locale=fr`);
    expect(item.body.data.links).toEqual([{ type: 'offer', documentId: offer.documentId, locales: ['zh'] }]);
  });

  it('refuses a link to an offer that does not exist, naming it', async () => {
    const res = await contentManager.saveLocale(MATCH, matchId, 'fr', { links: [{ type: 'offer', targetDocumentId: 'nosuchoffer000000000000' }] }, broker);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('match links.0 names offer "nosuchoffer000000000000", which does not exist');
  });
});
