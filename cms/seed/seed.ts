/**
 * Writes the demo content into a running (loaded) Strapi through the Document
 * Service. Idempotent: a document is found by its slug and a translation by its
 * locale; whatever exists is left as it is, so a second run creates nothing.
 * Every translation is created as a draft, then published explicitly, except
 * the locales a document keeps as drafts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { contentTypes, defaultLocale, getLocale, learningCollections, localeCodes, strapiUid, taxonomies, type LocaleCode } from '@ssc/content-schemas';
import type { DemoContent } from './load-content.ts';
import type { PdfSeed } from './format.ts';
import { seedExchange } from './seed-exchange.ts';
import { mediaDir, mediaName, pdfPageCount } from './media.ts';

type Data = Record<string, unknown>;
type Uid = Parameters<Core.Strapi['documents']>[0];

export interface SeedReport {
  created: Record<string, number>;
  skipped: Record<string, number>;
  published: number;
  uploads: number;
  seconds: number;
}

const uidOf = (name: string): Uid => {
  const c = [...taxonomies, ...contentTypes, ...learningCollections].find((t) => t.name === name);
  if (!c) throw new Error(`unknown collection ${name}`);
  return strapiUid(c) as Uid;
};

/** English first: a document is created in the default locale, then translated. */
const orderedLocales = [defaultLocale, ...localeCodes.filter((l) => l !== defaultLocale)];

export async function seedDemoContent(strapi: Core.Strapi, content: DemoContent, log: (line: string) => void = console.log): Promise<SeedReport> {
  const started = Date.now();
  const report: SeedReport = { created: {}, skipped: {}, published: 0, uploads: 0, seconds: 0 };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-seed-'));
  const ids = new Map<string, string>(); // `${type}:${slug}` -> documentId
  const localesOf = new Map<string, Set<string>>(); // `${type}:${slug}` -> locales that exist
  const createdNow = new Set<string>(); // `${type}:${slug}` of documents this run created

  // ------------------------------------------------------------ media
  /** Uploads a file of cms/seed/media/ (a copy, so Strapi never touches the committed file) unless one of that name exists. */
  async function upload(name: string, mime: string, alt?: string): Promise<number> {
    const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
    if (existing) return existing.id;
    const filepath = path.join(tmp, name);
    fs.copyFileSync(path.join(mediaDir, name), filepath);
    const size = fs.statSync(filepath).size;
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: alt ?? null, caption: null } },
        files: { filepath, originalFilename: name, mimetype: mime, size },
      });
    report.uploads++;
    return file.id;
  }

  /**
   * Uploads a document's PDFs; returns a function that turns one translation's
   * attachment list into file-attachment components.
   */
  async function pdfAttachments(owner: string, seeds: readonly PdfSeed[]) {
    const files = new Map<string, { id: number; language: string; sizeBytes: number; pageCount: number }>();
    for (const seed of seeds) {
      const name = mediaName.pdf(owner, seed.key);
      const bytes = fs.readFileSync(path.join(mediaDir, name));
      const id = await upload(name, 'application/pdf');
      // PDFs are stored byte for byte (no optimization), so the committed file's size and pages are the stored ones.
      files.set(seed.key, { id, language: seed.language, sizeBytes: bytes.length, pageCount: pdfPageCount(bytes) });
    }
    return (attachments: readonly { file: string; title: string }[]) =>
      attachments.map((a) => {
        const file = files.get(a.file)!;
        return { file: file.id, title: a.title, language: file.language, sizeBytes: file.sizeBytes, pageCount: file.pageCount };
      });
  }

  // ------------------------------------------------------------ documents
  /** The documentId of a linked document, if it exists in `locale` (relations are per locale). */
  const ref = (type: string, slug: string | undefined, locale: string): string | undefined =>
    slug && localesOf.get(`${type}:${slug}`)?.has(locale) ? ids.get(`${type}:${slug}`) : undefined;
  const refs = (type: string, slugs: readonly string[] | undefined, locale: string): string[] =>
    (slugs ?? []).map((s) => ref(type, s, locale)).filter((x): x is string => !!x);

  /**
   * Creates the missing translations of one document. `build` returns the data of
   * a locale, or undefined when the document has no such translation.
   */
  async function ensureDocument(
    type: string,
    slug: string,
    build: (locale: LocaleCode) => Data | undefined,
    draftLocales: readonly string[] = [],
    /** Publish later (after linking), not now. */
    deferPublish = false,
  ): Promise<string> {
    const uid = uidOf(type);
    const docs = strapi.documents(uid);
    const found = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] });
    let documentId: string | undefined = found?.documentId;
    const created: LocaleCode[] = [];
    const present = new Set<string>();
    localesOf.set(`${type}:${slug}`, present);
    for (const locale of orderedLocales) {
      const data = build(locale);
      if (!data) continue;
      present.add(locale);
      if (documentId && (await strapi.db.query(uid).findOne({ where: { documentId, locale }, select: ['id'] }))) {
        report.skipped[type] = (report.skipped[type] ?? 0) + 1;
        continue;
      }
      if (documentId) {
        await docs.update({ documentId, locale, data } as never);
      } else {
        const doc = await docs.create({ locale, data } as never);
        documentId = (doc as { documentId: string }).documentId;
      }
      created.push(locale);
      report.created[type] = (report.created[type] ?? 0) + 1;
    }
    if (!documentId) throw new Error(`${type} "${slug}": no translation to create`);
    const hasDrafts = [...contentTypes, ...learningCollections].some((t) => t.name === type);
    const toPublish = hasDrafts && !deferPublish ? created.filter((l) => !draftLocales.includes(l)) : [];
    for (const locale of toPublish) {
      await docs.publish({ documentId, locale } as never);
      report.published++;
    }
    if (created.includes(defaultLocale)) createdNow.add(`${type}:${slug}`);
    if (created.length) {
      const drafts = created.filter((l) => hasDrafts && draftLocales.includes(l));
      log(`[seed] ${type} ${slug}: ${created.join(' ')}${drafts.length ? ` (kept as draft: ${drafts.join(' ')})` : ''}`);
    }
    ids.set(`${type}:${slug}`, documentId);
    return documentId;
  }

  const imageComponent = (fileId: number, text: { alt: string; caption?: string; credit?: string }) => ({
    image: fileId,
    alt: text.alt,
    caption: text.caption ?? null,
    credit: text.credit ?? null,
  });

  try {
    // ---------------------------------------------------------- taxonomy
    const { taxonomy } = content;
    log(`[seed] taxonomy: ${taxonomy.themes.length} themes, ${taxonomy.countries.length} countries, ${taxonomy.partners.length} partners`);
    for (const t of taxonomy.themes) {
      await ensureDocument('theme', t.slug, (l) => t.locales[l] && { slug: t.slug, order: t.order, ...t.locales[l] });
    }
    for (const c of taxonomy.countries) {
      await ensureDocument('country', c.slug, (l) => c.locales[l] && { slug: c.slug, isoCode: c.isoCode, subregion: c.subregion, ...c.locales[l] });
    }
    for (const p of taxonomy.partners) {
      const logo = await upload(mediaName.partnerLogo(p.slug), 'image/png', p.locales.en?.name);
      await ensureDocument('partner', p.slug, (l) => p.locales[l] && { slug: p.slug, kind: p.kind, website: p.website ?? null, logo, ...p.locales[l] });
    }

    // ---------------------------------------------------------- videos
    log(`[seed] videos: ${content.videos.length}`);
    for (const v of content.videos) {
      const poster = await upload(mediaName.videoPoster(v.slug), 'image/jpeg', v.locales.en?.poster.alt);
      const captions = new Map<string, number>();
      for (const [locale, text] of Object.entries(v.locales)) {
        if (!text) continue;
        captions.set(locale, await upload(mediaName.videoCaptions(v.slug, locale), 'text/vtt'));
      }
      await ensureDocument(
        'video',
        v.slug,
        (l) => {
          const text = v.locales[l];
          if (!text) return undefined;
          const { poster: posterText, ...rest } = text;
          return {
            ...rest,
            slug: v.slug,
            date: v.shared.date,
            durationSeconds: v.shared.durationSeconds,
            spokenLanguage: v.shared.spokenLanguage,
            externalUrl: v.shared.externalUrl ?? null,
            license: v.shared.license,
            themes: refs('theme', v.shared.themes, l),
            countries: refs('country', v.shared.countries, l),
            partners: refs('partner', v.shared.partners, l),
            poster: imageComponent(poster, posterText),
            captions: [{ file: captions.get(l), language: l, label: localeLabel(l) }],
          };
        },
        v.draftLocales,
      );
    }

    // ---------------------------------------------------------- reports
    log(`[seed] reports: ${content.reports.length}`);
    for (const r of content.reports) {
      const cover = await upload(mediaName.reportCover(r.slug), 'image/jpeg', r.locales.en?.cover.alt);
      const toAttachments = await pdfAttachments(`report-${r.slug}`, r.shared.files);
      await ensureDocument(
        'report',
        r.slug,
        (l) => {
          const text = r.locales[l];
          if (!text) return undefined;
          const { cover: coverText, attachments, ...rest } = text;
          return {
            ...rest,
            slug: r.slug,
            publicationDate: r.shared.publicationDate,
            license: r.shared.license,
            themes: refs('theme', r.shared.themes, l),
            countries: refs('country', r.shared.countries, l),
            publisher: ref('partner', r.shared.publisher, l) ?? null,
            partners: refs('partner', r.shared.partners, l),
            cover: imageComponent(cover, coverText),
            attachments: toAttachments(attachments),
          };
        },
        r.draftLocales,
      );
    }

    // ---------------------------------------------------------- policies
    log(`[seed] policies: ${content.policies.length}`);
    for (const p of content.policies) {
      const toAttachments = await pdfAttachments(`policy-${p.slug}`, p.shared.files);
      await ensureDocument(
        'policy',
        p.slug,
        (l) => {
          const text = p.locales[l];
          if (!text) return undefined;
          const { attachments, ...rest } = text;
          return {
            ...rest,
            body: rest.body ?? null,
            slug: p.slug,
            license: p.shared.license,
            themes: refs('theme', p.shared.themes, l),
            country: ref('country', p.shared.country, l) ?? null,
            dateIssued: p.shared.dateIssued,
            documentType: p.shared.documentType,
            officialLink: p.shared.officialLink ?? null,
            attachments: toAttachments(attachments),
          };
        },
        p.draftLocales,
      );
    }

    // ---------------------------------------------------------- quizzes
    log(`[seed] quizzes: ${content.quizzes.length}`);
    for (const q of content.quizzes) {
      await ensureDocument(
        'quiz',
        q.slug,
        (l) => {
          const text = q.locales[l];
          if (!text) return undefined;
          const questions = text.questions.map((question) => ({
            ...question,
            choices: question.choices.map((choice) => ({ ...choice, feedback: choice.feedback ?? null })),
          }));
          return { slug: q.slug, title: text.title, passMark: q.shared.passMark, maxAttempts: q.shared.maxAttempts ?? null, questions };
        },
        q.draftLocales,
      );
    }

    // ---------------------------------------------------------- courses
    log(`[seed] courses: ${content.courses.length}`);
    for (const c of content.courses) {
      const cover = await upload(mediaName.courseCover(c.slug), 'image/jpeg', c.locales.en?.cover.alt);
      await ensureDocument(
        'course',
        c.slug,
        (l) => {
          const text = c.locales[l];
          if (!text) return undefined;
          const { cover: coverText, learningOutcomes, modules, ...rest } = text;
          return {
            ...rest,
            certificateNote: rest.certificateNote ?? null,
            slug: c.slug,
            level: c.shared.level,
            estimatedHours: c.shared.estimatedHours,
            certificateOffered: c.shared.certificateOffered,
            license: c.shared.license,
            themes: refs('theme', c.shared.themes, l),
            countries: refs('country', c.shared.countries, l),
            partnerInstitution: ref('partner', c.shared.partnerInstitution, l) ?? null,
            cover: imageComponent(cover, coverText),
            learningOutcomes: learningOutcomes.map((t) => ({ text: t })),
            modules: modules.map((m) => ({
              title: m.title,
              summary: m.summary ?? null,
              lessons: m.lessons.map((lesson) => ({
                title: lesson.title,
                slug: lesson.slug,
                kind: lesson.kind,
                required: lesson.required ?? true,
                durationMinutes: lesson.durationMinutes,
                video: ref('video', lesson.video, l) ?? null,
                reading: lesson.reading ?? null,
                quiz: ref('quiz', lesson.quiz, l) ?? null,
              })),
            })),
          };
        },
        c.draftLocales,
      );
    }

    // ---------------------------------------------------------- the solutions exchange
    await seedExchange(content, { ensureDocument, ref, refs, log });

    // ---------------------------------------------------------- news
    log(`[seed] news: ${content.news.length}`);
    const newsBuilders: { slug: string; build: (l: LocaleCode) => Data | undefined; drafts: readonly string[] }[] = [];
    for (const n of content.news) {
      const hero = await upload(mediaName.newsHero(n.slug), 'image/jpeg', n.locales.en?.image.alt);
      const build = (l: LocaleCode) => {
        const text = n.locales[l];
        if (!text) return undefined;
        const { image, ...rest } = text;
        return {
          ...rest,
          slug: n.slug,
          date: n.shared.date,
          license: n.shared.license,
          themes: refs('theme', n.shared.themes, l),
          countries: refs('country', n.shared.countries, l),
          partners: refs('partner', n.shared.partners, l),
          heroImage: imageComponent(hero, image),
          relatedNews: refs('news', n.shared.related?.news, l),
          relatedReports: refs('report', n.shared.related?.reports, l),
          relatedVideos: refs('video', n.shared.related?.videos, l),
          relatedCourses: refs('course', n.shared.related?.courses, l),
        };
      };
      newsBuilders.push({ slug: n.slug, build, drafts: n.draftLocales ?? [] });
    }
    // News link to each other: create them all first, then link and publish.
    const linkLater = new Set(content.news.filter((n) => n.shared.related?.news?.length).map((n) => n.slug));
    const newlyCreated = new Set<string>();
    for (const { slug, build, drafts } of newsBuilders) {
      const before = report.created.news ?? 0;
      await ensureDocument('news', slug, (l) => build(l) && { ...build(l), relatedNews: [] }, drafts, linkLater.has(slug));
      if ((report.created.news ?? 0) > before) newlyCreated.add(slug);
    }
    const docs = strapi.documents(uidOf('news'));
    const toLink = newsBuilders.filter((n) => linkLater.has(n.slug) && newlyCreated.has(n.slug));
    for (const { slug, build } of toLink) {
      const documentId = ids.get(`news:${slug}`)!;
      for (const locale of orderedLocales) {
        const data = build(locale);
        if (data) await docs.update({ documentId, locale, data: { relatedNews: data.relatedNews } } as never);
      }
    }
    // Publishing links to the published versions of targets that exist at that moment,
    // so items that link to each other are published twice.
    for (const round of [1, 2]) {
      for (const { slug, build, drafts } of toLink) {
        const documentId = ids.get(`news:${slug}`)!;
        for (const locale of orderedLocales) {
          if (!build(locale) || drafts.includes(locale)) continue;
          await docs.publish({ documentId, locale } as never);
          if (round === 1) report.published++;
        }
      }
    }

    // ---------------------------------------------------------- later English edits
    // Saved after the translations, on documents made by this run: their translations show as outdated.
    const revised = [
      ...content.news.map((d) => ['news', d] as const),
      ...content.videos.map((d) => ['video', d] as const),
      ...content.reports.map((d) => ['report', d] as const),
      ...content.policies.map((d) => ['policy', d] as const),
      ...content.courses.map((d) => ['course', d] as const),
    ].filter(([type, d]) => d.sourceRevision && createdNow.has(`${type}:${d.slug}`));
    for (const [type, d] of revised) {
      await strapi.documents(uidOf(type)).update({ documentId: ids.get(`${type}:${d.slug}`)!, locale: defaultLocale, data: d.sourceRevision } as never);
      log(`[seed] ${type} ${d.slug}: later ${defaultLocale} edit (${Object.keys(d.sourceRevision!).join(', ')}), saved as a draft`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** How many content entries (every type, locale and status) the database holds. */
export async function countContentEntries(strapi: Core.Strapi): Promise<number> {
  let total = 0;
  for (const type of contentTypes) total += await strapi.db.query(strapiUid(type) as never).count();
  return total;
}

export function summarizeSeed(report: SeedReport): string {
  const created =
    Object.entries(report.created)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'nothing';
  return `[seed] done in ${report.seconds.toFixed(1)} s: created ${created} translations; published ${report.published}; uploaded ${report.uploads} files`;
}

function localeLabel(locale: LocaleCode): string {
  return getLocale(locale).nativeName;
}
