/**
 * The solutions exchange's brokers on the real CMS: the Broker role (every action on the exchange's types, and
 * language editors without offers, demands or matches), the suggestions for a French demand that bring a
 * Chinese-only offer to the top through the taxonomy, creating a match from a suggestion, and moderation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getLocale } from '@ssc/content-schemas';
import { adminApi, cms, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { uniqueSlug } from './support/fixtures.ts';
import { DEMAND, MATCH, OFFER, publishedChineseOffer, submittedFrenchDemand, SUBMITTER } from './support/exchange-fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe('brokers of the solutions exchange', () => {
  let broker: string;
  let frenchEditor: string;
  let demandId: string;
  let offer: { documentId: string; title: string };
  const demandSlug = uniqueSlug('broker-demand');

  beforeAll(async () => {
    broker = await createEditor('Broker');
    frenchEditor = await createEditor(`${getLocale('fr').englishName} editor`);
    offer = await publishedChineseOffer(uniqueSlug('broker-offer'), broker);
    demandId = await submittedFrenchDemand(demandSlug, broker);
  });

  describe('roles', () => {
    it('has a Broker role', async () => {
      const roles = await adminApi('GET', '/admin/roles');
      expect(roles.body.data.map((r: { name: string }) => r.name)).toContain('Broker');
    });

    it('lets a broker create and publish offers and demands in any locale, and read a demand with its contact details', async () => {
      // The offer above was created and published in Chinese by the broker; the demand in French.
      const read = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`, undefined, broker);
      expect(read.status).toBe(200);
      expect(read.body.data.contactEmail).toContain('@example.org');
    });

    it('gives a language editor no offer, demand or match: neither to read, nor to create, nor to publish', async () => {
      expect((await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`, undefined, frenchEditor)).status).toBe(403);
      expect((await adminApi('GET', `/content-manager/collection-types/${MATCH}?locale=fr`, undefined, frenchEditor)).status).toBe(403);
      expect((await contentManager.create(OFFER, 'fr', { slug: uniqueSlug('denied-offer'), title: 'Refusée' }, frenchEditor)).status).toBe(403);
      expect((await contentManager.publish(DEMAND, demandId, 'fr', frenchEditor)).status).toBe(403);
    });

    it('refuses the exchange routes to a language editor', async () => {
      expect((await adminApi('GET', '/ssc-exchange/demands', undefined, frenchEditor)).status).toBe(403);
      expect((await adminApi('GET', '/ssc-exchange/submissions', undefined, frenchEditor)).status).toBe(403);
      expect((await adminApi('GET', `/ssc-exchange/demands/${demandId}/suggestions`, undefined, frenchEditor)).status).toBe(403);
      const match = await adminApi(
        'POST',
        '/ssc-exchange/matches',
        { demand: demandId, candidate: { type: 'offer', documentId: offer.documentId } },
        frenchEditor,
      );
      expect(match.status).toBe(403);
      const moderate = await adminApi('POST', `/ssc-exchange/submissions/demand/${demandId}/moderate`, { action: 'reject', note: 'Non.' }, frenchEditor);
      expect(moderate.status).toBe(403);
    });

    it('refuses the exchange routes to a caller without an admin login', async () => {
      const routes: [string, string][] = [
        ['GET', '/ssc-exchange/demands'],
        ['GET', '/ssc-exchange/submissions'],
        ['GET', `/ssc-exchange/demands/${demandId}/suggestions`],
        ['POST', '/ssc-exchange/matches'],
        ['POST', `/ssc-exchange/submissions/demand/${demandId}/moderate`],
      ];
      for (const [method, path] of routes) {
        const res = await fetch(`${cms().url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    });
  });

  describe('the open demands and their suggestions', () => {
    it('lists the submitted draft among the open demands with its moderation state', async () => {
      const res = await adminApi('GET', '/ssc-exchange/demands', undefined, broker);
      expect(res.status).toBe(200);
      const ours = res.body.demands.find((d: { documentId: string }) => d.documentId === demandId);
      expect(ours).toMatchObject({ locale: 'fr', locales: ['fr'], published: [], state: 'open', moderation: 'submitted' });
      expect(ours.editPath).toBe(`/content-manager/collection-types/${DEMAND}/${demandId}?plugins[i18n][locale]=fr`);
      expect(JSON.stringify(res.body)).not.toContain(SUBMITTER.contactEmail);
    });

    it('lists the submission among those awaiting moderation, without the contact details', async () => {
      const res = await adminApi('GET', '/ssc-exchange/submissions', undefined, broker);
      expect(res.status).toBe(200);
      const ours = res.body.submissions.find((d: { documentId: string }) => d.documentId === demandId);
      expect(ours).toMatchObject({ type: 'demand', organization: 'Coopérative agricole de Brazzaville', moderation: 'submitted', published: [] });
      expect(ours.reference).toMatch(/^D-2026-\d{5}$/);
      expect(JSON.stringify(res.body)).not.toContain(SUBMITTER.contactEmail);
      // The published offer, written by a broker, has no moderation: it waits for nothing.
      expect(res.body.submissions.map((d: { documentId: string }) => d.documentId)).not.toContain(offer.documentId);
    });

    it('puts the Chinese-only offer in the top 3 for the French demand, with its reasons through the taxonomy', async () => {
      const res = await adminApi('GET', `/ssc-exchange/demands/${demandId}/suggestions`, undefined, broker);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const top3 = res.body.suggestions.slice(0, 3);
      const found = top3.find((s: { documentId: string }) => s.documentId === offer.documentId);
      expect(found, JSON.stringify(top3)).toBeDefined();
      expect(found).toMatchObject({ type: 'offer', title: offer.title, locale: 'zh', locales: ['zh'] });
      expect(found.reasons.map((r: { code: string }) => r.code)).toEqual(['same-theme', 'same-country', 'fits-support', 'offered-in']);
      expect(found.reasons.find((r: { code: string }) => r.code === 'offered-in').languages).toEqual(['fr']);
      expect(found.description).toBe('same theme, same country, fits the training sought, offered in French');
    });

    it('answers 404 for a demand that does not exist', async () => {
      expect((await adminApi('GET', '/ssc-exchange/demands/no-such-demand/suggestions', undefined, broker)).status).toBe(404);
    });
  });

  describe('creating a match from a suggestion', () => {
    it('makes a proposed match draft in the demand’s locale, linking a candidate that has no version in it', async () => {
      const res = await adminApi('POST', '/ssc-exchange/matches', { demand: demandId, candidate: { type: 'offer', documentId: offer.documentId } }, broker);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ locale: 'fr', slug: `${demandSlug}-match`, linked: true, candidateLocale: 'zh' });
      const match = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${res.body.documentId}?locale=fr`, undefined, broker);
      expect(match.status).toBe(200);
      expect(match.body.data).toMatchObject({ state: 'proposed', proposedOn: today(), publishedAt: null });
      expect(match.body.data.title).toContain('Réduire les pertes de manioc');
      expect(match.body.data.brokerNotes).toContain(offer.documentId);
      expect(match.body.data.links.map(({ type, targetDocumentId }: { type: string; targetDocumentId: string }) => ({ type, targetDocumentId }))).toEqual([
        { type: 'offer', targetDocumentId: offer.documentId },
      ]);
      const relations = await adminApi('GET', `/content-manager/relations/${MATCH}/${res.body.documentId}/demand?locale=fr`, undefined, broker);
      expect(relations.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([demandId]);
    });

    it('links a candidate that has a version in the demand’s locale, with a new slug for a second match', async () => {
      const suggestions = await adminApi('GET', `/ssc-exchange/demands/${demandId}/suggestions`, undefined, broker);
      const french = suggestions.body.suggestions.find((s: { locales: string[]; documentId: string }) => s.locales.includes('fr'));
      expect(french, JSON.stringify(suggestions.body.suggestions.map((s: { title: string }) => s.title))).toBeDefined();
      const res = await adminApi(
        'POST',
        '/ssc-exchange/matches',
        { demand: demandId, candidate: { type: french.type, documentId: french.documentId } },
        broker,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ slug: `${demandSlug}-match-2`, linked: true, candidateLocale: 'fr' });
      const match = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${res.body.documentId}?locale=fr`, undefined, broker);
      expect(match.body.data.links).toMatchObject([{ type: french.type, targetDocumentId: french.documentId }]);
    });

    it('lets the broker advance the match to completed with an outcome and publish it', async () => {
      const res = await adminApi('POST', '/ssc-exchange/matches', { demand: demandId, candidate: { type: 'offer', documentId: offer.documentId } }, broker);
      expect(res.status).toBe(201);
      const outcome = 'Vingt techniciens formés au stockage.';
      const saved = await contentManager.saveLocale(MATCH, res.body.documentId, 'fr', { state: 'completed', completedOn: today(), outcome }, broker);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.data).toMatchObject({ state: 'completed', outcome });
      const published = await contentManager.publish(MATCH, res.body.documentId, 'fr', broker);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    });

    it('refuses a request without a candidate (400) or for an unknown demand (404)', async () => {
      expect((await adminApi('POST', '/ssc-exchange/matches', { demand: demandId }, broker)).status).toBe(400);
      const unknown = await adminApi('POST', '/ssc-exchange/matches', { demand: 'nope', candidate: { type: 'offer', documentId: offer.documentId } }, broker);
      expect(unknown.status).toBe(404);
    });
  });

  describe('moderation', () => {
    it('asks for changes with a note, then rejects with a reason, on the draft', async () => {
      const id = await submittedFrenchDemand(uniqueSlug('broker-moderated'), broker);
      const changes = await adminApi(
        'POST',
        `/ssc-exchange/submissions/demand/${id}/moderate`,
        { action: 'request-changes', note: 'Précisez le nombre de bénéficiaires.' },
        broker,
      );
      expect(changes.status, JSON.stringify(changes.body)).toBe(200);
      // The test CMS has no SMTP server: nothing is sent.
      expect(changes.body).toEqual({ documentId: id, moderation: 'changes-requested', emailed: false });
      let draft = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${id}?locale=fr`, undefined, broker);
      expect(draft.body.data).toMatchObject({ moderation: 'changes-requested', moderationNote: 'Précisez le nombre de bénéficiaires.', publishedAt: null });

      const rejected = await adminApi(
        'POST',
        `/ssc-exchange/submissions/demand/${id}/moderate`,
        { action: 'reject', note: 'Hors du champ de l’échange.' },
        broker,
      );
      expect(rejected.body.moderation).toBe('rejected');
      draft = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${id}?locale=fr`, undefined, broker);
      expect(draft.body.data).toMatchObject({ moderation: 'rejected', moderationNote: 'Hors du champ de l’échange.' });
    });

    it('refuses an unknown action, an empty note, another type and an unknown submission', async () => {
      const at = (type: string, id: string, body: unknown) => adminApi('POST', `/ssc-exchange/submissions/${type}/${id}/moderate`, body, broker);
      expect((await at('demand', demandId, { action: 'approve', note: 'ok' })).status).toBe(400);
      expect((await at('demand', demandId, { action: 'reject', note: '  ' })).status).toBe(400);
      expect((await at('match', demandId, { action: 'reject', note: 'x' })).status).toBe(404);
      expect((await at('offer', 'no-such-offer', { action: 'reject', note: 'x' })).status).toBe(404);
    });

    it('approves a submission by publishing it: a broker may, and its moderation becomes approved', async () => {
      const published = await contentManager.publish(DEMAND, demandId, 'fr', broker);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const res = await adminApi('GET', '/ssc-exchange/demands', undefined, broker);
      expect(res.body.demands.find((d: { documentId: string }) => d.documentId === demandId)).toMatchObject({ published: ['fr'], moderation: 'approved' });
      const awaiting = await adminApi('GET', '/ssc-exchange/submissions', undefined, broker);
      expect(awaiting.body.submissions.map((d: { documentId: string }) => d.documentId)).not.toContain(demandId);
      const draft = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`, undefined, broker);
      expect(draft.body.data.status).toBe('published');
    });
  });
});
