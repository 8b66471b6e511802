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

/** A document of an exchange content file: its slug, drafts, shared values and text per locale. */
interface ExchangeDocument<Shared> {
  slug: string;
  draftLocales?: readonly string[];
  shared: Shared;
  locales: Partial<Record<LocaleCode, Data>>;
}

export async function seedExchange(content: DemoContent, { ensureDocument, ref, refs, log }: SeedTools): Promise<void> {
  /**
   * Creates the missing translations of each document of one type: its text in that locale (optional texts left
   * out are empty), its slug, taxonomy and licence, and the values `shared` gives for that locale.
   */
  async function seed<S extends { themes: string[]; countries: string[]; license: string }>(
    type: string,
    documents: readonly ExchangeDocument<S>[],
    shared: (d: ExchangeDocument<S>, locale: LocaleCode) => Data,
  ): Promise<void> {
    for (const d of documents) {
      const build = (l: LocaleCode) => {
        const text = d.locales[l];
        if (!text) return undefined;
        const taxonomy = { license: d.shared.license, themes: refs('theme', d.shared.themes, l), countries: refs('country', d.shared.countries, l) };
        return { ...text, slug: d.slug, ...taxonomy, ...shared(d, l) };
      };
      await ensureDocument(type, d.slug, build, d.draftLocales);
    }
  }

  log(
    `[seed] solutions: ${content.solutions.length}, offers: ${content.offers.length}, demands: ${content.demands.length}, matches: ${content.matches.length}`,
  );
  await seed('solution', content.solutions, ({ shared }, l) => ({
    lastVerified: shared.lastVerified,
    evidenceLevel: shared.evidenceLevel,
    partners: refs('partner', shared.partners, l),
    contactOrganization: ref('partner', shared.contactOrganization, l) ?? null,
  }));
  await seed('offer', content.offers, ({ shared }, l) => ({
    lastVerified: shared.lastVerified,
    provider: ref('partner', shared.provider, l) ?? null,
    modality: shared.modality,
    deliveryLanguages: languages(shared.deliveryLanguages),
    validUntil: shared.validUntil ?? null,
    ...submissionFields(shared.submission),
  }));
  await seed('demand', content.demands, ({ shared }, l) => ({
    lastVerified: shared.lastVerified,
    country: ref('country', shared.country, l) ?? null,
    supportSought: shared.supportSought.map((support) => ({ support })),
    languages: languages(shared.languages),
    state: shared.state,
    ...submissionFields(shared.submission),
  }));
  await seed('match', content.matches, ({ shared }, l) => {
    const { demand, offers, solutions, brokerNotes, themes: _themes, countries: _countries, license: _license, ...steps } = shared;
    return {
      ...steps,
      demand: ref('demand', demand, l) ?? null,
      offers: refs('offer', offers, l),
      solutions: refs('solution', solutions, l),
      brokerNotes: brokerNotes ?? null,
    };
  });
}
