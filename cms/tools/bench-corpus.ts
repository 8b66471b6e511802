/**
 * Benchmarks only: loads the reference corpus (scripts/bench/reference-corpus.ts: entries with
 * slug, locale, type, themes, countries, date, title, summary, body) into an empty
 * CMS database, in bulk. Taxonomy goes through the document service; entries go in
 * as draft and published rows through the database layer, 200 documents per
 * transaction (the document service would take many minutes for 10,000 entries).
 * The partner API's item set is then built the way the CMS catches up at boot
 * (reconcileAll). Also makes a Strapi read-only API token and a partner token.
 * With --complete, every entry also gets what the site needs to render it (the
 * required images, attachments, learning outcomes and a course module), so that a
 * pull of this database gives a full 10,000-entry site (the publish benchmark).
 * Last line printed: JSON { entries, documents, seconds, apiToken, partnerToken, sample }.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { CorpusEntry } from '../../scripts/bench/corpus-snapshot.ts';
import { cmsDir, runWithStrapi } from './strapi-app.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, complete: { type: 'boolean', default: false } } });
if (!values.corpus) throw new Error('usage: bench-corpus.ts --corpus <corpus.json>');
const corpus = JSON.parse(fs.readFileSync(values.corpus, 'utf8')) as CorpusEntry[];

const require = createRequire(import.meta.url);
const dist = (p: string) => require(path.join(cmsDir, 'dist', 'src', 'lib', p));
const { model, collectionByName } = dist('model.js') as typeof import('../src/lib/model');
const { reconcileAll } = dist('syndication/recorder.js') as typeof import('../src/lib/syndication/recorder');
const { createPartnerToken } = dist('syndication/tokens.js') as typeof import('../src/lib/syndication/tokens');

const locales = model.locales.map((l) => l.code);
/** Values for the required fields the corpus does not have, by field name. */
const FILLERS: Record<string, unknown> = {
  license: 'CC-BY-4.0',
  attribution: 'Reference benchmark corpus',
  durationSeconds: 600,
  spokenLanguage: 'en',
  issuingBody: 'Ministry of Agriculture',
  documentType: 'policy',
  level: 'beginner',
  estimatedHours: 2,
};
/**
 * What the solutions exchange's types require besides the corpus' own fields (their
 * first rich-text field gets the body like every type's): a documented solution, a
 * training offer, an open demand and a completed match with its outcome. Their
 * language and support lists are components (see `exchangeComponents`).
 */
const EXCHANGE_FILLERS: Record<string, (e: CorpusEntry) => Record<string, unknown>> = {
  solution: (e) => ({ approach: e.body, results: e.body, evidenceLevel: 'documented' }),
  offer: () => ({ modality: 'training' }),
  demand: () => ({ institution: 'Ministry of Agriculture', state: 'open' }),
  match: (e) => ({ state: 'completed', completedOn: e.date, outcome: e.body }),
};

/** A component row made through the database layer, ready to link from its owner (as the document service does). */
async function component(strapi: any, uid: string, field: string, data: Record<string, unknown>) {
  const row = await strapi.db.query(uid).create({ data });
  return { id: row.id, __pivot: { field, component_type: uid } };
}

/** Uploads the few media files every completed entry shares: one illustration per theme and one PDF. */
async function uploadSharedMedia(strapi: any, themeCount: number): Promise<{ images: number[]; pdf: { id: number; sizeBytes: number; pageCount: number } }> {
  const { BENCH_MEDIA, readBenchMedia } = await import('../../scripts/bench/corpus-snapshot.ts');
  const { pdfPageCount } = await import('../seed/media.ts');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-bench-media-'));
  const upload = async (name: string, mime: string, bytes: Buffer) => {
    const filepath = path.join(tmp, name);
    fs.writeFileSync(filepath, bytes);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: null, caption: null } },
        files: { filepath, originalFilename: name, mimetype: mime, size: bytes.length },
      });
    return file.id as number;
  };
  const images: number[] = [];
  for (let i = 0; i < Math.max(1, themeCount); i++)
    images.push(await upload(`bench-illustration-${i + 1}.jpg`, 'image/jpeg', readBenchMedia(BENCH_MEDIA.pictures[i % BENCH_MEDIA.pictures.length])));
  const pdfBytes = readBenchMedia(BENCH_MEDIA.pdf);
  const pdf = { id: await upload('bench-report.pdf', 'application/pdf', pdfBytes), sizeBytes: pdfBytes.length, pageCount: pdfPageCount(pdfBytes) };
  fs.rmSync(tmp, { recursive: true, force: true });
  return { images, pdf };
}

const documentId = () =>
  crypto
    .randomBytes(18)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 24);

await runWithStrapi('bench-corpus', async (strapi) => {
  const started = Date.now();
  if ((await strapi.db.query(collectionByName.get('news')!.uid as any).count({})) > 0) throw new Error('the database already holds content');

  // Taxonomy: one document per slug, a translation in every locale; row ids by locale.
  const taxonomyIds = async (name: 'theme' | 'country', slugs: string[]) => {
    const uid = collectionByName.get(name)!.uid as any;
    const ids = new Map<string, Map<string, number>>(); // slug → locale → row id
    for (const slug of slugs) {
      const data = (locale: string) =>
        name === 'theme'
          ? { slug, name: `${slug} (${locale})`, description: `Theme ${slug}` }
          : { slug, isoCode: slug.toUpperCase().slice(0, 2), name: `${slug} (${locale})` };
      const doc = await strapi.documents(uid).create({ locale: locales[0], data: data(locales[0]) as any });
      for (const locale of locales.slice(1)) await strapi.documents(uid).update({ documentId: doc.documentId, locale, data: data(locale) as any });
      const rows = await strapi.db.query(uid).findMany({ where: { documentId: doc.documentId }, select: ['id', 'locale'] });
      ids.set(slug, new Map(rows.map((r: { id: number; locale: string }) => [r.locale, r.id])));
    }
    return ids;
  };
  const themes = await taxonomyIds('theme', [...new Set(corpus.flatMap((e) => e.themes))].sort());
  const countries = await taxonomyIds('country', [...new Set(corpus.flatMap((e) => e.countries))].sort());

  const themeOrder = [...themes.keys()];
  const media = values.complete ? await uploadSharedMedia(strapi, themeOrder.length) : null;
  /** The components (and their media) an entry of `collection` needs to render, made anew for each row. */
  const completion = async (collection: { name: string; fields: Record<string, unknown> }, e: CorpusEntry): Promise<Record<string, unknown>> => {
    if (!media) return {};
    const image = media.images[Math.max(0, themeOrder.indexOf(e.themes[0])) % media.images.length];
    const picture = (field: string) => component(strapi, 'shared.captioned-image', field, { image, alt: `Illustration: ${e.title}`.slice(0, 250) });
    const out: Record<string, unknown> = {};
    if ('heroImage' in collection.fields) out.heroImage = await picture('heroImage');
    if ('poster' in collection.fields) out.poster = await picture('poster');
    if ('cover' in collection.fields) out.cover = await picture('cover');
    if (collection.name === 'report')
      out.attachments = [
        await component(strapi, 'shared.file-attachment', 'attachments', {
          file: media.pdf.id,
          title: 'Full report (PDF)',
          language: 'en',
          sizeBytes: media.pdf.sizeBytes,
          pageCount: media.pdf.pageCount,
        }),
      ];
    if (collection.name === 'course') {
      out.learningOutcomes = [await component(strapi, 'course.learning-outcome', 'learningOutcomes', { text: e.summary.slice(0, 300) })];
      const lesson = await component(strapi, 'course.lesson', 'lessons', { title: e.title.slice(0, 200), slug: 'lesson-1', kind: 'reading', reading: e.body });
      out.modules = [await component(strapi, 'course.module', 'modules', { title: e.title.slice(0, 200), lessons: [lesson] })];
    }
    return out;
  };

  /** The exchange types' required lists, made anew for each row: the entry's language, and the support a demand seeks. */
  const exchangeComponents = async (collection: { name: string }, e: CorpusEntry): Promise<Record<string, unknown>> => {
    const tag = model.locales.find((l) => l.code === e.locale)!.tag;
    const language = (field: string) => component(strapi, 'exchange.language', field, { language: tag });
    if (collection.name === 'offer') return { deliveryLanguages: [await language('deliveryLanguages')] };
    if (collection.name === 'demand')
      return {
        languages: [await language('languages')],
        supportSought: [await component(strapi, 'exchange.support', 'supportSought', { support: 'training' })],
      };
    return {};
  };

  const bySlug = new Map<string, CorpusEntry[]>();
  for (const e of corpus) bySlug.set(e.slug, [...(bySlug.get(e.slug) ?? []), e]);
  const documents = [...bySlug.values()];
  const publishedAt = new Date();
  let sample = '';
  for (let i = 0; i < documents.length; i += 200) {
    await strapi.db.transaction(async () => {
      for (const translations of documents.slice(i, i + 200)) {
        const collection = collectionByName.get(translations[0].type)!;
        const fields = collection.fields;
        const dateField = Object.keys(fields).find((f) => fields[f].kind === 'date');
        const bodyField = Object.keys(fields).find((f) => fields[f].kind === 'richtext');
        const id = documentId();
        if (collection.name === 'news') sample ||= id;
        for (const e of translations) {
          const data: Record<string, unknown> = { documentId: id, locale: e.locale, slug: e.slug, title: e.title, summary: e.summary };
          for (const [name, value] of Object.entries(FILLERS)) if (name in fields) data[name] = value;
          Object.assign(data, EXCHANGE_FILLERS[collection.name]?.(e));
          if (dateField) data[dateField] = e.date;
          if (bodyField) data[bodyField] = e.body;
          const themeIds = e.themes.map((t) => themes.get(t)!.get(e.locale)!);
          const countryIds = e.countries.map((c) => countries.get(c)!.get(e.locale)!);
          if ('themes' in fields) data.themes = themeIds;
          if ('countries' in fields) data.countries = countryIds;
          if ('country' in fields) data.country = countryIds[0];
          for (const at of [null, publishedAt]) {
            const parts = { ...(await completion(collection as never, e)), ...(await exchangeComponents(collection, e)) };
            await strapi.db
              .query(collection.uid as any)
              .create({ data: { ...data, ...parts, publishedAt: at, createdAt: publishedAt, updatedAt: publishedAt } });
          }
        }
      }
    });
  }
  // A match links a demand: the first demand document in the match's locale, a draft row to a draft row and a published one to a published one.
  const matchUid = collectionByName.get('match')?.uid;
  const demandUid = collectionByName.get('demand')?.uid;
  if (matchUid && demandUid) {
    const demands = (await strapi.db.query(demandUid).findMany({ select: ['id', 'locale', 'publishedAt'], orderBy: { documentId: 'asc' } })) as {
      id: number;
      locale: string;
      publishedAt: Date | null;
    }[];
    const firstDemand = new Map<string, number>();
    for (const d of demands) if (!firstDemand.has(`${d.locale}:${Boolean(d.publishedAt)}`)) firstDemand.set(`${d.locale}:${Boolean(d.publishedAt)}`, d.id);
    const matches = (await strapi.db.query(matchUid).findMany({ select: ['id', 'locale', 'publishedAt'] })) as typeof demands;
    await strapi.db.transaction(async () => {
      for (const m of matches) {
        const demand = firstDemand.get(`${m.locale}:${Boolean(m.publishedAt)}`);
        if (demand) await strapi.db.query(matchUid).update({ where: { id: m.id }, data: { demand } });
      }
    });
  }
  const recorded = await reconcileAll(strapi);
  const apiToken = await (strapi.service('admin::api-token-content-api') as any).create({
    name: 'bench',
    description: 'benchmark',
    type: 'read-only',
    lifespan: null,
  });
  const partner = await createPartnerToken(strapi, { name: 'bench', rateLimit: 100_000_000 });
  console.log(
    JSON.stringify({
      entries: corpus.length,
      documents: documents.length,
      recorded,
      seconds: (Date.now() - started) / 1000,
      apiToken: apiToken.accessKey,
      partnerToken: partner.key,
      sample,
    }),
  );
});
