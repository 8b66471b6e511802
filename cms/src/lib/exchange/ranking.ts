/**
 * The solutions exchange's matching (docs/solutions-exchange.md, "Matching"): ranks candidate offers and
 * solutions for a demand. Pure: profiles in, suggestions out; the CMS builds the profiles from its records.
 *
 * The language-independent codes decide (theme, country and sub-region, support sought against modality,
 * language of delivery, validity); text similarity within each language both records have only adds to them,
 * capped so that it never outweighs any one taxonomy reason. A French demand meets a Chinese offer by its codes.
 */
import { isExpired as isOfferExpired } from '../../generated/exchange-status';
import { type Reason, REASON_CODES } from './reasons';
import { supportAnswered } from './support-fit';
import { primaryLanguage, similaritiesByLanguage } from './text-similarity';

export { describeSuggestion, englishLanguageName, REASON_CODES, type Reason, type ReasonCode } from './reasons';
export { MODALITIES_FOR_SUPPORT, OFFER_MODALITIES, SUPPORT_FROM_SOLUTIONS, SUPPORT_KINDS } from './support-fit';

export interface ExchangeProfile {
  type: 'demand' | 'offer' | 'solution';
  documentId: string;
  /** Theme slugs. */
  themes: string[];
  /** ISO 3166 codes (a demand: its country and countries). */
  countries: string[];
  /** The countries' sub-regions (UN M49). */
  subregions: string[];
  /** An offer's modality; empty for others. */
  modalities: string[];
  /** A demand's support sought. */
  support: string[];
  /** Delivery languages (an offer), languages of the people (a demand), languages documented in (a solution). */
  languages: string[];
  /** An offer's last valid day (YYYY-MM-DD). */
  validUntil?: string;
  /** A demand's state. */
  state?: string;
  /** Locale → title, summary and long text, for the locales the record has. */
  texts: Record<string, string>;
}

export interface Suggestion {
  documentId: string;
  type: 'offer' | 'solution';
  /** The weighted score, rounded to 3 decimals; higher is better. */
  score: number;
  /** In the order of REASON_CODES. */
  reasons: Reason[];
}

export interface RankOptions {
  /** The day the ranking is for (offers valid until before it are left out); a Date or YYYY-MM-DD. */
  today: Date | string;
  /** At most this many suggestions (default: all). */
  limit?: number;
}

/*
 * The weights. A broker's question is "could this help with this problem?", so what the candidate is about comes
 * first, then whether it is the kind of help sought, then whether the people can take it in their language, then
 * how close its context is. Each is a whole reason a broker can read; their sum orders candidates.
 */
/** The topic: the one thing a suggestion cannot do without. Scaled by the share of the demand's themes covered. */
export const THEME_WEIGHT = 4;
/** The kind of help sought (training, technology, …) is what the offer delivers: a match a broker can act on. */
export const SUPPORT_WEIGHT = 3;
/** Delivered in a language of the demand: no interpretation needed. Costly to lack, but it can be bought. */
export const LANGUAGE_WEIGHT = 2;
/** Experience in the requesting country itself: the context is known. */
export const SAME_COUNTRY_WEIGHT = 1.5;
/** Experience in the same sub-region: similar farming systems, climate and markets. */
export const NEIGHBOURING_COUNTRY_WEIGHT = 1;
/**
 * Text similarity adds at most this much (its best cosine over the shared languages, 0 to 1, times this weight,
 * when it reaches SIMILAR_TEXT_THRESHOLD): no more than the smallest taxonomy weight, so words reorder candidates
 * that the codes rank alike, and at best tie with a candidate that has one more theme (up to four demand themes),
 * support fit, shared language, country or neighbouring country, which then comes first (ties go to the taxonomy).
 */
export const TEXT_WEIGHT = 1;
/**
 * The similarity from which shared wording counts, both in the score and as a reason ("similar text in English").
 * Below it, two texts share only a few common words of the domain ("smallholders", "rural"): counting that noise
 * would put every candidate with a text in the demand's language ahead of an equal one without, which is exactly
 * the cross-language candidate (a Chinese-only offer for a French demand) the codes are there to bring forward.
 */
export const SIMILAR_TEXT_THRESHOLD = 0.15;

/** Offers come before solutions at an equal score: an offer is help that can start now. */
const TYPE_ORDER: Record<Suggestion['type'], number> = { offer: 0, solution: 1 };

function isoDay(day: Date | string): string {
  return typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);
}

/** An offer whose last valid day is before today: left out of suggestions (the public lists hide it too; the rule is the shared one). */
export function isExpired(candidate: Pick<ExchangeProfile, 'type' | 'validUntil'>, today: Date | string): boolean {
  return isOfferExpired(candidate, isoDay(today));
}

function shared(ours: readonly string[], theirs: readonly string[]): string[] {
  const other = new Set(theirs);
  return [...new Set(ours)].filter((value) => other.has(value));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

interface Scored extends Suggestion {
  taxonomyScore: number;
}

function taxonomyReasons(demand: ExchangeProfile, candidate: ExchangeProfile): { reasons: Reason[]; score: number } {
  const reasons: Reason[] = [];
  let score = 0;
  const themes = shared(demand.themes, candidate.themes);
  if (themes.length) {
    reasons.push({ code: 'same-theme', themes });
    score += (THEME_WEIGHT * themes.length) / new Set(demand.themes).size;
  }
  const countries = shared(demand.countries, candidate.countries);
  const subregions = shared(demand.subregions, candidate.subregions);
  if (countries.length) {
    reasons.push({ code: 'same-country', countries });
    score += SAME_COUNTRY_WEIGHT;
  } else if (subregions.length) {
    reasons.push({ code: 'neighbouring-country', subregions });
    score += NEIGHBOURING_COUNTRY_WEIGHT;
  }
  const support = supportAnswered(demand.support, candidate);
  if (support.length) {
    reasons.push({ code: 'fits-support', support, modalities: candidate.type === 'offer' ? [...candidate.modalities] : [] });
    score += SUPPORT_WEIGHT;
  }
  const languages = shared(demand.languages.map(primaryLanguage), candidate.languages.map(primaryLanguage));
  if (languages.length) {
    reasons.push({ code: 'offered-in', languages });
    score += LANGUAGE_WEIGHT;
  }
  return { reasons, score };
}

/** Best first: score, then the taxonomy's part of it, then offers before solutions, then documentId (code points). */
function bestFirst(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    b.taxonomyScore - a.taxonomyScore ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0)
  );
}

/**
 * The offers and solutions worth suggesting for a demand, best first. A candidate is suggested only when it shares
 * a theme with the demand or answers a kind of support it seeks; place, language and text only rank those.
 * Expired offers are left out; demands among the candidates and the demand itself are ignored.
 */
export function rankCandidates(demand: ExchangeProfile, candidates: readonly ExchangeProfile[], options: RankOptions): Suggestion[] {
  const pool = candidates.filter((c) => (c.type === 'offer' || c.type === 'solution') && c.documentId !== demand.documentId && !isExpired(c, options.today));
  const textScores = similaritiesByLanguage(demand.texts, pool);
  const scored: Scored[] = [];
  for (const candidate of pool) {
    const { reasons, score: taxonomyScore } = taxonomyReasons(demand, candidate);
    if (!reasons.some((r) => r.code === 'same-theme' || r.code === 'fits-support')) continue;
    const similar = Object.entries(textScores.get(candidate.documentId) ?? {}).filter(([, similarity]) => similarity >= SIMILAR_TEXT_THRESHOLD);
    const best = Math.max(0, ...similar.map(([, similarity]) => similarity));
    if (similar.length) reasons.push({ code: 'similar-text', locales: similar.map(([locale]) => locale), similarity: Math.round(best * 100) / 100 });
    reasons.sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
    scored.push({
      documentId: candidate.documentId,
      type: candidate.type as Suggestion['type'],
      score: round(taxonomyScore + TEXT_WEIGHT * best),
      taxonomyScore: round(taxonomyScore),
      reasons,
    });
  }
  scored.sort(bestFirst);
  const chosen = options.limit === undefined ? scored : scored.slice(0, Math.max(0, options.limit));
  return chosen.map(({ documentId, type, score, reasons }) => ({ documentId, type, score, reasons }));
}
