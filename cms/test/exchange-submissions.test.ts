/**
 * Public submissions to the solutions exchange on the real CMS (docs/solutions-exchange.md,
 * "Submissions"): a valid French demand becomes a draft awaiting a broker, with a
 * reference, and is nowhere public until a broker publishes it; its contact details stay
 * private even then. A bad submission gets each field's problem in French and stores
 * nothing; HTML, a filled honeypot, a large body and too many posts from one address are
 * refused. Each client posts from its own 127.0.0.x address (per-IP limits stay per test).
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCollection, strapiUid } from '@ssc/content-schemas';
import { adminApi, cms, contentApi, contentManager } from './support/http.ts';
import { allItems } from './support/partner-api.ts';
import { LearnerClient } from './support/learner-client.ts';

const DEMAND = strapiUid(getCollection('demand'));
const OFFER = strapiUid(getCollection('offer'));
const PATH = '/api/exchange/submissions';

/** The demand's entries in the content manager (drafts included) whose title is `title`. */
async function storedWithTitle(uid: string, title: string, locale = 'fr'): Promise<any[]> {
  const res = await adminApi('GET', `/content-manager/collection-types/${uid}?locale=${locale}&filters[title][$eq]=${encodeURIComponent(title)}&pageSize=10`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.results;
}

let country = '';
let theme = '';

beforeAll(async () => {
  const countries = await contentApi('/countries?locale=fr&pagination[pageSize]=5');
  const themes = await contentApi('/themes?locale=fr&pagination[pageSize]=5');
  country = countries.body.data[0].slug;
  theme = themes.body.data[0].slug;
  expect(country && theme).toBeTruthy();
});

/** A valid French demand, as the site's form sends it (repeated names for the checkboxes). */
function frenchDemand(title: string, marker: string, extra: [string, string][] = []): [string, string][] {
  return [
    ['kind', 'demand'],
    ['locale', 'fr'],
    ['website', ''],
    ['title', title],
    ['summary', 'Les pertes de maïs après récolte dépassent 20 % dans nos districts.'],
    ['institution', 'Ministère de l’Agriculture'],
    ['country', country],
    ['problem', 'Les greniers ne protègent pas le maïs des insectes ; il nous faut des méthodes de stockage hermétique.'],
    ['beneficiaries', 'Petits exploitants'],
    ['supportSought', 'training'],
    ['supportSought', 'technology'],
    ['themes', theme],
    ['languages', 'fr'],
    ['timeframe', '2027'],
    ['contactName', `Awa Diop ${marker}`],
    ['contactEmail', `awa.${marker}@ministere.example.org`],
    ['contactOrganization', `Direction des semences ${marker}`],
    ...extra,
  ];
}

describe('a valid submission', () => {
  const marker = crypto.randomBytes(5).toString('hex');
  const title = `Réduire les pertes de maïs ${marker}`;
  let page: { status: number; text: string; headers: Record<string, unknown> };
  let reference = '';
  let documentId = '';

  beforeAll(async () => {
    page = await new LearnerClient().request('POST', PATH, { form: frenchDemand(title, marker) });
    reference = page.text.match(/id="reference">([^<]+)</)?.[1] ?? '';
  });

  it('answers with a page in French giving the reference and what happens next', () => {
    expect(page.status, page.text).toBe(201);
    expect(page.text).toContain('<html lang="fr" dir="ltr">');
    expect(page.text).toContain('Merci : votre demande a bien été reçue');
    expect(page.text).toContain('Rien n’est publié sans l’approbation d’un courtier');
    expect(reference).toMatch(new RegExp(`^D-${new Date().getUTCFullYear()}-\\d{5}$`));
  });

  it('stores a draft with moderation "submitted", the reference and the contact details, and publishes nothing', async () => {
    const [entry] = await storedWithTitle(DEMAND, title);
    expect(entry).toBeTruthy();
    documentId = entry.documentId;
    const full = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${documentId}?locale=fr`);
    const data = full.body.data;
    expect(data).toMatchObject({
      status: 'draft',
      publishedAt: null,
      moderation: 'submitted',
      reference,
      contactEmail: `awa.${marker}@ministere.example.org`,
      contactName: `Awa Diop ${marker}`,
      institution: 'Ministère de l’Agriculture',
      state: 'open',
      locale: 'fr',
    });
    expect(data.slug).toMatch(new RegExp(`^reduire-les-pertes-de-mais-${marker}-[0-9a-f]{8}$`));
    expect(data.supportSought.map((s: any) => s.support)).toEqual(['training', 'technology']);
    expect(data.languages.map((l: any) => l.language)).toEqual(['fr']);
    expect(data.country?.slug ?? data.country).toBeTruthy();
    expect(full.body.meta.availableStatus).toEqual([]);
  });

  it('counts references up in the database, one per submission', async () => {
    const next = await new LearnerClient().request('POST', PATH, { json: Object.fromEntries(frenchDemand(`${title} bis`, `${marker}b`)) });
    expect(next.status, next.text).toBe(201);
    const n = (ref: string) => Number(ref.split('-')[2]);
    expect(n(next.json.data.reference)).toBeGreaterThan(n(reference));
    expect(next.json.data).toMatchObject({ kind: 'demand', moderation: 'submitted' });
  });

  it('is nowhere public while unmoderated: content API, partner API', async () => {
    const listed = await contentApi(`/demands?locale=fr&filters[title][$eq]=${encodeURIComponent(title)}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([]);
    const items = JSON.stringify(await allItems());
    expect(items).not.toContain(marker);
  });

  it('once a broker publishes it, is public without the contact details, the reference or the moderation', async () => {
    const published = await contentManager.publish(DEMAND, documentId, 'fr');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const listed = await contentApi(`/demands?locale=fr&filters[title][$eq]=${encodeURIComponent(title)}&populate=*`);
    expect(listed.body.data).toHaveLength(1);
    const items = (await allItems()).filter((i) => i.title === title);
    expect(items).toHaveLength(1);
    for (const text of [JSON.stringify(listed.body), JSON.stringify(items)]) {
      expect(text).toContain('Ministère de l’Agriculture');
      expect(text).not.toContain(`awa.${marker}`);
      expect(text).not.toContain(`Awa Diop ${marker}`);
      expect(text).not.toContain(`Direction des semences ${marker}`);
      expect(text).not.toContain(reference);
      expect(text).not.toMatch(/"(contactName|contactEmail|contactOrganization|reference|moderation|moderationNote)"/);
    }
  });
});

describe('a submission with problems', () => {
  it('renders the form again in French with each field’s problem, the values kept, and stores nothing', async () => {
    const marker = crypto.randomBytes(5).toString('hex');
    const title = `Demande incomplète ${marker}`;
    const form = frenchDemand(title, marker).filter(([name]) => !['institution', 'supportSought'].includes(name));
    const bad = form.map(([k, v]): [string, string] => (k === 'contactEmail' ? [k, 'pas-une-adresse'] : k === 'country' ? [k, 'atlantis'] : [k, v]));
    const res = await new LearnerClient().request('POST', PATH, { form: bad });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="fr" dir="ltr">');
    expect(res.text).toContain('La demande n’a pas été envoyée');
    const problemOf = (field: string) => res.text.match(new RegExp(`<p class="problem" id="f-${field}-problem">([^<]+)</p>`))?.[1];
    expect(problemOf('institution')).toBe('Ce champ est obligatoire.');
    expect(problemOf('supportSought')).toBe('Ce champ est obligatoire.');
    expect(problemOf('contactEmail')).toBe('Indiquez une adresse e-mail valide.');
    expect(problemOf('country')).toBe('Choisissez dans la liste.');
    expect(problemOf('title')).toBeUndefined();
    expect(res.text).toContain(`value="${title}"`);
    expect(res.text).toContain('value="pas-une-adresse"');
    expect(res.text).toMatch(new RegExp(`<input type="checkbox" name="themes" value="${theme}" checked>`));
    expect(res.text).toContain('name="website"');
    expect(await storedWithTitle(DEMAND, title)).toEqual([]);
  });

  it('answers a script with JSON: each field’s code and message in its language', async () => {
    const res = await new LearnerClient().request('POST', PATH, {
      json: { kind: 'offer', locale: 'es', title: 'x'.repeat(201), validUntil: '2001-01-01', modality: 'magic', deliveryLanguages: ['fr', 'tlh'] },
    });
    expect(res.status).toBe(422);
    const byField = Object.fromEntries(res.json.error.details.errors.map((e: any) => [e.path[0], e]));
    expect(byField.title).toMatchObject({ code: 'too-long', message: 'Demasiado largo: 200 caracteres como máximo.' });
    expect(byField.validUntil.code).toBe('past-date');
    expect(byField.modality.code).toBe('invalid-choice');
    expect(byField.deliveryLanguages.code).toBe('invalid-choice');
    expect(byField.expertise.code).toBe('required');
    expect(byField.contactEmail.code).toBe('required');
  });

  it('falls back to English for an unknown locale', async () => {
    const res = await new LearnerClient().request('POST', PATH, { json: { kind: 'demand', locale: 'xx' } });
    expect(res.status).toBe(422);
    expect(res.json.error.details.errors[0].message).toBe('This field is required.');
  });

  it('refuses HTML in any text field, and stores nothing', async () => {
    const marker = crypto.randomBytes(5).toString('hex');
    const title = `Avec balise ${marker}`;
    const form = frenchDemand(title, marker).map(([k, v]): [string, string] => (k === 'problem' ? [k, 'Voir <a href="https://spam.example">ici</a>'] : [k, v]));
    const res = await new LearnerClient().request('POST', PATH, { form });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Écrivez du texte simple : les balises HTML ne sont pas acceptées.');
    expect(res.text).toContain('Voir &lt;a href=&quot;https://spam.example&quot;&gt;ici&lt;/a&gt;');
    expect(await storedWithTitle(DEMAND, title)).toEqual([]);
    // A lone "<" is text.
    const ok = await new LearnerClient().request('POST', PATH, { form: frenchDemand(`Moins de 2 < 3 ${marker}`, marker) });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('abuse controls', () => {
  it('answers a filled honeypot like a success, with a reference, and stores nothing', async () => {
    const marker = crypto.randomBytes(5).toString('hex');
    const title = `Robot ${marker}`;
    const form = frenchDemand(title, marker).map(([k, v]): [string, string] => (k === 'website' ? [k, 'https://spam.example'] : [k, v]));
    const res = await new LearnerClient().request('POST', PATH, { form });
    expect(res.status).toBe(201);
    expect(res.text).toContain('Merci : votre demande a bien été reçue');
    expect(res.text).toMatch(/id="reference">D-\d{4}-\d{5}</);
    expect(await storedWithTitle(DEMAND, title)).toEqual([]);
    expect(await storedWithTitle(OFFER, title)).toEqual([]);
  });

  it('refuses a body over the size limit, and files', async () => {
    const client = new LearnerClient();
    const big = await client.request('POST', PATH, {
      form: [
        ['kind', 'offer'],
        ['locale', 'fr'],
        ['expertise', 'a'.repeat(40_000)],
      ],
    });
    expect(big.status).toBe(413);
    expect(big.text).toContain('Cet envoi est trop volumineux.');
    const upload = new FormData();
    upload.set('kind', 'offer');
    upload.set('locale', 'fr');
    upload.set('attachment', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'offer.pdf');
    const multipart = await fetch(`${cms().url}${PATH}`, { method: 'POST', body: upload, headers: { accept: 'application/json' } });
    expect(multipart.status).toBe(415);
    expect((await multipart.json()).error.message).toBe('Ce formulaire n’accepte pas de fichiers.');
  });

  it('limits submissions per address (EXCHANGE_SUBMIT_PER_IP, 10 by default) with 429 and Retry-After', async () => {
    const client = new LearnerClient();
    for (let i = 0; i < 10; i++) expect((await client.request('POST', PATH, { json: { kind: 'offer', locale: 'ar' } })).status).toBe(422);
    const refused = await client.request('POST', PATH, { form: { kind: 'offer', locale: 'ar' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.text).toContain('<html lang="ar" dir="rtl">');
    // Another address is not limited.
    expect((await new LearnerClient().request('POST', PATH, { json: { kind: 'offer', locale: 'ar' } })).status).toBe(422);
  });
});
