/**
 * The solutions exchange in the partner API, on the real CMS: demands carry their `state`, offers their
 * `validUntil`, both `open` as the shared rule (content-schemas' exchange-status.ts) says on the day of the request;
 * `open=true|false` filters on it, bad values are a 400; closed records stay in the default listing and the change
 * feed (a partner sees a demand become met); drafts and the private fields never appear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOpenOn } from '@ssc/content-schemas';
import { DEMAND, OFFER, leakPattern } from './support/exchange-fixtures.ts';
import { contentManager } from './support/http.ts';
import { uniqueSlug } from './support/fixtures.ts';
import { SyncingPartner, allItems, itemKeyOf, partnerGet } from './support/partner-api.ts';
import { cmsDir } from './support/paths.ts';

const DAY_MS = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);

/** Values only the CMS may know. */
const SECRETS = {
  contactName: 'Syndication Secret Contact',
  contactEmail: 'syndication.secret@example.org',
  contactOrganization: 'Syndication Secret Organisation',
  moderationNote: 'Syndication secret moderation note',
};
const SECRET_PATTERN = leakPattern(SECRETS);

const common = (slug: string) => ({
  slug,
  title: `Exchange status ${slug}`,
  summary: `Summary of ${slug}`,
  license: 'CC-BY-4.0',
  attribution: 'Test attribution',
  lastVerified: '2026-11-01',
  ...SECRETS,
  moderation: 'approved',
});
const demand = (slug: string, state: string) => ({
  ...common(slug),
  institution: 'Ministry of Agriculture',
  problem: 'Maize is lost in storage.',
  supportSought: [{ support: 'training' }],
  languages: [{ language: 'fr' }],
  state,
  reference: `D-2026-${String(Math.floor(Math.random() * 90000) + 10000)}`,
});
const offer = (slug: string, validUntil: string | null) => ({
  ...common(slug),
  providerName: 'Training centre',
  expertise: 'Grain storage training.',
  modality: 'training',
  deliveryLanguages: [{ language: 'fr' }],
  validUntil,
  reference: `O-2026-${String(Math.floor(Math.random() * 90000) + 10000)}`,
});

async function make(uid: string, data: Record<string, unknown>, publish = true): Promise<string> {
  const created = await contentManager.create(uid, 'fr', data);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = created.body.data.documentId as string;
  if (publish) expect((await contentManager.publish(uid, documentId, 'fr')).status).toBe(200);
  return documentId;
}

const records = {
  openDemand: { slug: uniqueSlug('status-open-demand'), open: true },
  talkingDemand: { slug: uniqueSlug('status-talking-demand'), open: true },
  metDemand: { slug: uniqueSlug('status-met-demand'), open: false },
  closedDemand: { slug: uniqueSlug('status-closed-demand'), open: false },
  offerUntilToday: { slug: uniqueSlug('status-offer-today'), open: true },
  offerWithoutEnd: { slug: uniqueSlug('status-offer-no-end'), open: true },
  expiredOffer: { slug: uniqueSlug('status-offer-expired'), open: false },
};
type Name = keyof typeof records;
const ids = {} as Record<Name, string>;
const draftSlug = uniqueSlug('status-draft-demand');
const ourSlugs = new Set(Object.values(records).map((r) => r.slug));
const ours = (items: any[]) => items.filter((i) => ourSlugs.has(i.slug));
const slugsOf = (items: any[]) =>
  ours(items)
    .map((i) => i.slug)
    .sort();
const slugsWhere = (open: boolean) =>
  Object.values(records)
    .filter((r) => r.open === open)
    .map((r) => r.slug)
    .sort();

beforeAll(async () => {
  ids.openDemand = await make(DEMAND, demand(records.openDemand.slug, 'open'));
  ids.talkingDemand = await make(DEMAND, demand(records.talkingDemand.slug, 'in-discussion'));
  ids.metDemand = await make(DEMAND, demand(records.metDemand.slug, 'met'));
  ids.closedDemand = await make(DEMAND, demand(records.closedDemand.slug, 'closed'));
  ids.offerUntilToday = await make(OFFER, offer(records.offerUntilToday.slug, today));
  ids.offerWithoutEnd = await make(OFFER, offer(records.offerWithoutEnd.slug, null));
  ids.expiredOffer = await make(OFFER, offer(records.expiredOffer.slug, yesterday));
  await make(DEMAND, demand(draftSlug, 'open'), false);
});

describe('the solutions exchange in the partner API', () => {
  it('sends a demand its state, an offer its validUntil, and both whether they are open today', async () => {
    const items = ours(await allItems('&locale=fr&type=demand,offer'));
    expect(items).toHaveLength(Object.keys(records).length);
    const bySlug = new Map(items.map((i) => [i.slug, i]));
    for (const [name, record] of Object.entries(records)) {
      const item = bySlug.get(record.slug);
      expect(item.open, name).toBe(record.open);
      // The same rule the site's lists and feeds follow.
      expect(isOpenOn(item, today), name).toBe(record.open);
    }
    expect(bySlug.get(records.metDemand.slug)).toMatchObject({ type: 'demand', state: 'met', open: false });
    expect(bySlug.get(records.talkingDemand.slug)).toMatchObject({ type: 'demand', state: 'in-discussion', open: true });
    expect(bySlug.get(records.expiredOffer.slug)).toMatchObject({ type: 'offer', validUntil: yesterday, open: false });
    expect(bySlug.get(records.offerUntilToday.slug)).toMatchObject({ type: 'offer', validUntil: today, open: true });
    expect(bySlug.get(records.offerWithoutEnd.slug)).toMatchObject({ type: 'offer', validUntil: null, open: true });
    // A demand has no validUntil, an offer no state.
    expect('validUntil' in bySlug.get(records.openDemand.slug)).toBe(false);
    expect('state' in bySlug.get(records.expiredOffer.slug)).toBe(false);
    // One item and the change feed say the same.
    const one = await partnerGet(`/items/${ids.expiredOffer}?locale=fr`);
    expect(one.body.data).toMatchObject({ validUntil: yesterday, open: false });
  });

  it('gives the other types none of these fields, and every field sent is in the OpenAPI document', async () => {
    const openapi = JSON.parse(fs.readFileSync(path.join(cmsDir, 'src', 'generated', 'partner-api.openapi.json'), 'utf8'));
    const { properties } = openapi.components.schemas.Item;
    const page = await partnerGet('/items?locale=en&pageSize=100');
    expect(new Set(page.body.data.map((i: any) => i.type)).size).toBeGreaterThan(3);
    for (const item of page.body.data) {
      for (const key of Object.keys(item)) expect(properties, `${item.type}.${key}`).toHaveProperty(key);
      if (item.type !== 'demand' && item.type !== 'offer')
        for (const key of ['state', 'validUntil', 'open']) expect(item, `${item.type}.${key}`).not.toHaveProperty(key);
    }
    expect(properties.state.enum).toEqual(['open', 'in-discussion', 'met', 'closed']);
    const param = openapi.paths['/items'].get.parameters.find((p: any) => p.name === 'open');
    expect(param.schema.enum).toEqual(['true', 'false']);
  });

  it('filters on open=true and open=false, leaving out the types that do not close', async () => {
    const openOnes = await allItems('&locale=fr&open=true');
    expect(slugsOf(openOnes)).toEqual(slugsWhere(true));
    expect(new Set(openOnes.map((i) => i.type))).toEqual(new Set(['demand', 'offer']));
    expect(openOnes.every((i) => i.open === true)).toBe(true);
    const closed = await allItems('&locale=fr&open=false');
    expect(slugsOf(closed)).toEqual(slugsWhere(false));
    expect(closed.every((i) => i.open === false)).toBe(true);
    // With the other filters, in offset pages too.
    expect(slugsOf(await allItems('&locale=fr&type=offer&open=true'))).toEqual([records.offerUntilToday.slug, records.offerWithoutEnd.slug].sort());
    const paged = await partnerGet('/items?locale=fr&type=demand&open=false&page=1&pageSize=100');
    expect(paged.body.meta.total).toBe(paged.body.data.length);
    expect(slugsOf(paged.body.data)).toEqual([records.closedDemand.slug, records.metDemand.slug].sort());
    expect(slugsOf(await allItems('&locale=fr&type=solution&open=true'))).toEqual([]);
    // Without the filter, closed records stay listed (a syncing partner must see them close).
    expect(slugsOf(await allItems('&locale=fr&type=demand,offer'))).toEqual([...ourSlugs].sort());
  });

  it('refuses a bad open value with a 400 that names the parameter', async () => {
    for (const q of ['open=yes', 'open=1', 'open=TRUE', 'open=true&open=false', 'open[]=true']) {
      const res = await partnerGet(`/items?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toMatch(/^open: /);
    }
    expect((await partnerGet('/items?open=true&locale=fr&pageSize=1')).status).toBe(200);
  });

  it('tells a syncing partner when a demand is met: an update with state met and open false, still in the default listing', async () => {
    const partner = new SyncingPartner();
    await partner.sync(500);
    const key = itemKeyOf({ type: 'demand', documentId: ids.openDemand, locale: 'fr' });
    expect(partner.items.get(key)).toMatchObject({ state: 'open', open: true });

    const before = partner.seen.length;
    expect((await contentManager.saveLocale(DEMAND, ids.openDemand, 'fr', { state: 'met' })).status).toBe(200);
    expect((await contentManager.publish(DEMAND, ids.openDemand, 'fr')).status).toBe(200);
    await partner.sync(500);
    const change = partner.seen.slice(before).find((c) => c.documentId === ids.openDemand);
    expect(change).toMatchObject({ kind: 'update', item: { state: 'met', open: false } });
    expect(partner.items.get(key)).toMatchObject({ state: 'met', open: false });
    expect(slugsOf(await allItems('&locale=fr&type=demand&open=true'))).not.toContain(records.openDemand.slug);
    expect(slugsOf(await allItems('&locale=fr&type=demand'))).toContain(records.openDemand.slug);
  });

  it('never sends a draft demand, nor a private field, in any listing, item or change', async () => {
    const everything = [
      ...(await allItems('&locale=fr&type=demand,offer')),
      ...(await allItems('&locale=fr&open=true')),
      ...(await allItems('&locale=fr&open=false')),
    ];
    expect(everything.some((i) => i.slug === draftSlug)).toBe(false);
    const partner = new SyncingPartner();
    await partner.sync(500);
    expect(partner.seen.some((c) => c.item?.slug === draftSlug)).toBe(false);
    const sent = JSON.stringify([everything, partner.seen, (await partnerGet(`/items/${ids.metDemand}?locale=fr`)).body]);
    expect(sent).toContain(records.metDemand.slug);
    expect(sent).not.toMatch(SECRET_PATTERN);
  });
});
