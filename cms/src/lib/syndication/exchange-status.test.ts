import { describe, expect, it } from 'vitest';
import { collectionByName } from '../model';
import { changesQueryKey, parseChangesQuery } from './changes';
import { itemsQueryKey, parseItemsQuery } from './items';
import { publicItem, serializeEntry, type Entry } from './serialize';
import type { SyndicationSettings } from './settings';

const settings = {
  siteUrl: 'https://site.example',
  cmsUrl: 'https://cms.example',
  defaultPageSize: 25,
  maxPageSize: 100,
  maxChanges: 500,
} as SyndicationSettings;
const origins = { siteUrl: settings.siteUrl, cmsUrl: settings.cmsUrl };
const evening = new Date('2027-03-04T23:59:00Z');
const nextMorning = new Date('2027-03-05T00:01:00Z');

const entry = (extra: Record<string, unknown>): Entry => ({
  id: 1,
  documentId: 'doc1',
  locale: 'fr',
  slug: 'an-offer',
  title: 'Offre',
  summary: 'Résumé',
  publishedAt: '2027-01-01T00:00:00.000Z',
  license: 'CC-BY-4.0',
  attribution: 'Test',
  lastVerified: '2027-01-01',
  contactEmail: 'private@example.org',
  ...extra,
});

describe("the partner API's exchange status", () => {
  it('stores a demand its state and an offer its validUntil, never a private field, and no open flag', () => {
    const offer = serializeEntry(collectionByName.get('offer')!, entry({ validUntil: '2027-03-04', expertise: 'Formation.' }));
    expect(offer).toMatchObject({ type: 'offer', validUntil: '2027-03-04', body: 'Formation.' });
    expect(offer).not.toHaveProperty('open');
    expect(offer).not.toHaveProperty('state');
    const demand = serializeEntry(collectionByName.get('demand')!, entry({ state: 'in-discussion' }));
    expect(demand).toMatchObject({ type: 'demand', state: 'in-discussion' });
    expect(demand).not.toHaveProperty('validUntil');
    const solution = serializeEntry(collectionByName.get('solution')!, entry({ state: 'open', validUntil: '2000-01-01' }));
    expect(solution).not.toHaveProperty('state');
    expect(solution).not.toHaveProperty('validUntil');
    expect(JSON.stringify([offer, demand, solution])).not.toContain('private@example.org');
  });

  it('computes open for the day an item is sent: an offer valid until a day is open that day and closed the next', () => {
    const offer = serializeEntry(collectionByName.get('offer')!, entry({ validUntil: '2027-03-04' }));
    expect(publicItem(offer, origins, '2027-03-04').open).toBe(true);
    expect(publicItem(offer, origins, '2027-03-05').open).toBe(false);
    const news = serializeEntry(collectionByName.get('news')!, entry({ date: '2027-01-01' }));
    expect(publicItem(news, origins, '2027-03-05')).not.toHaveProperty('open');
  });

  it('keys cached answers by the day (UTC), so that no answer outlives the day its open flags were computed for', () => {
    const a = parseItemsQuery({ type: 'offer' }, settings, evening);
    const b = parseItemsQuery({ type: 'offer' }, settings, nextMorning);
    expect([a.today, b.today]).toEqual(['2027-03-04', '2027-03-05']);
    expect(itemsQueryKey(a)).not.toBe(itemsQueryKey(b));
    expect(changesQueryKey(parseChangesQuery({}, settings, evening))).not.toBe(changesQueryKey(parseChangesQuery({}, settings, nextMorning)));
  });

  it('reads open=true and open=false, treats an empty value as absent, and refuses anything else', () => {
    expect(parseItemsQuery({ open: 'true' }, settings).open).toBe(true);
    expect(parseItemsQuery({ open: 'false' }, settings).open).toBe(false);
    expect(parseItemsQuery({ open: '' }, settings).open).toBeNull();
    expect(parseItemsQuery({}, settings).open).toBeNull();
    for (const value of ['yes', '1', 'TRUE', ['true', 'false']]) expect(() => parseItemsQuery({ open: value }, settings), String(value)).toThrow(/^open: /);
  });
});
