/**
 * The solutions exchange's demo content: solutions, offers and demands, then the
 * matches that link them (a match is published only when completed with an outcome,
 * which format.ts checks). A submission's details and moderation are private fields:
 * they stay in the CMS.
 */
import type { LocaleCode } from '@ssc/content-schemas';
import type { DemoContent } from './load-content.ts';
import type { OfferSeed } from './format.ts';

type Data = Record<string, unknown>;

/** What seed.ts lends the exchange's seeding: how it creates documents and resolves links. */
export interface SeedTools {
  ensureDocument(type: string, slug: string, build: (locale: LocaleCode) => Data | undefined, draftLocales?: readonly string[]): Promise<string>;
  ref(type: string, slug: string | undefined, locale: string): string | undefined;
  refs(type: string, slugs: readonly string[] | undefined, locale: string): string[];
  log(line: string): void;
}

const languages = (tags: readonly string[]) => tags.map((language) => ({ language }));

/** The private submission fields of an offer or a demand, empty when a broker wrote it. */
const submissionFields = (submission: OfferSeed['shared']['submission']) => ({
  contactName: submission?.contactName ?? null,
  contactEmail: submission?.contactEmail ?? null,
  contactOrganization: submission?.contactOrganization ?? null,
  reference: submission?.reference ?? null,
  moderation: submission?.moderation ?? null,
  moderationNote: submission?.moderationNote ?? null,
});

export async function seedExchange(content: DemoContent, { ensureDocument, ref, refs, log }: SeedTools): Promise<void> {
  const taxonomy = (shared: { themes: string[]; countries: string[]; license: string }, l: LocaleCode) => ({
    license: shared.license,
    themes: refs('theme', shared.themes, l),
    countries: refs('country', shared.countries, l),
  });

  log(
    `[seed] solutions: ${content.solutions.length}, offers: ${content.offers.length}, demands: ${content.demands.length}, matches: ${content.matches.length}`,
  );
  for (const d of content.solutions) {
    await ensureDocument(
      'solution',
      d.slug,
      (l) => {
        const text = d.locales[l];
        if (!text) return undefined;
        return {
          ...text,
          evidence: text.evidence ?? null,
          replicationConditions: text.replicationConditions ?? null,
          slug: d.slug,
          ...taxonomy(d.shared, l),
          lastVerified: d.shared.lastVerified,
          evidenceLevel: d.shared.evidenceLevel,
          partners: refs('partner', d.shared.partners, l),
          contactOrganization: ref('partner', d.shared.contactOrganization, l) ?? null,
        };
      },
      d.draftLocales,
    );
  }
  for (const d of content.offers) {
    await ensureDocument(
      'offer',
      d.slug,
      (l) => {
        const text = d.locales[l];
        if (!text) return undefined;
        return {
          ...text,
          providerName: text.providerName ?? null,
          capacity: text.capacity ?? null,
          costSharing: text.costSharing ?? null,
          slug: d.slug,
          ...taxonomy(d.shared, l),
          lastVerified: d.shared.lastVerified,
          provider: ref('partner', d.shared.provider, l) ?? null,
          modality: d.shared.modality,
          deliveryLanguages: languages(d.shared.deliveryLanguages),
          validUntil: d.shared.validUntil ?? null,
          ...submissionFields(d.shared.submission),
        };
      },
      d.draftLocales,
    );
  }
  for (const d of content.demands) {
    await ensureDocument(
      'demand',
      d.slug,
      (l) => {
        const text = d.locales[l];
        if (!text) return undefined;
        return {
          ...text,
          beneficiaries: text.beneficiaries ?? null,
          timeframe: text.timeframe ?? null,
          slug: d.slug,
          ...taxonomy(d.shared, l),
          lastVerified: d.shared.lastVerified,
          country: ref('country', d.shared.country, l) ?? null,
          supportSought: d.shared.supportSought.map((support) => ({ support })),
          languages: languages(d.shared.languages),
          state: d.shared.state,
          ...submissionFields(d.shared.submission),
        };
      },
      d.draftLocales,
    );
  }
  for (const d of content.matches) {
    const { demand, offers, solutions, brokerNotes, themes: _themes, countries: _countries, license: _license, ...steps } = d.shared;
    await ensureDocument(
      'match',
      d.slug,
      (l) => {
        const text = d.locales[l];
        if (!text) return undefined;
        return {
          ...text,
          outcome: text.outcome ?? null,
          slug: d.slug,
          ...taxonomy(d.shared, l),
          ...steps,
          demand: ref('demand', demand, l) ?? null,
          offers: refs('offer', offers, l),
          solutions: refs('solution', solutions, l),
          brokerNotes: brokerNotes ?? null,
        };
      },
      d.draftLocales,
    );
  }
}
