/**
 * The ranking's evaluation on the labelled set (evaluation-set.json): builds the profiles, ranks every demand's
 * candidates and measures precision at 3 (precision.ts). Used by its test and by `npm run exchange:evaluate`.
 */
import { type ExchangeProfile, isExpired, rankCandidates, type Suggestion } from '../ranking';
import { similaritiesByLanguage } from '../text-similarity';
import { precisionAtK, type PrecisionReport } from './precision';

/** A record of the set as stored: a profile without its sub-regions (they come from the set's country map). */
export type StoredProfile = Omit<ExchangeProfile, 'subregions' | 'modalities' | 'support'> &
  Partial<Pick<ExchangeProfile, 'modalities' | 'support'>> & {
    /** Where in the source documents the record comes from. */
    source: string;
  };

export interface EvaluationSet {
  description: string;
  /** The day the ranking is evaluated for (offer validity). */
  today: string;
  /** ISO 3166 code → UN M49 sub-region. */
  subregions: Record<string, string>;
  demands: StoredProfile[];
  candidates: StoredProfile[];
  /** The labelled relevant (demand, candidate) pairs. */
  relevant: { demand: string; candidate: string }[];
}

/** A stored record as the ranking takes it: sub-regions from the set's map, missing lists empty. */
export function profileOf(record: StoredProfile, subregions: Readonly<Record<string, string>>): ExchangeProfile {
  const { source: _source, ...profile } = record;
  const regions = record.countries.map((code) => {
    const region = subregions[code];
    if (!region) throw new Error(`${record.documentId}: no sub-region for country ${code}`);
    return region;
  });
  return { modalities: [], support: [], ...profile, subregions: [...new Set(regions)] };
}

export interface EvaluationResult {
  report: PrecisionReport;
  /** Each demand's ranking, best first. */
  suggestions: Map<string, Suggestion[]>;
}

export const EVALUATION_K = 3;

/** How a ranking to evaluate orders a demand's candidates: their ids, best first. */
type Ranker = (demand: ExchangeProfile, candidates: ExchangeProfile[], today: string) => Suggestion[];

const fullRanking: Ranker = (demand, candidates, today) => rankCandidates(demand, candidates, { today });

/** A baseline: the same ranking with every text removed, so that only the codes decide. */
const taxonomyOnly: Ranker = (demand, candidates, today) =>
  rankCandidates(
    { ...demand, texts: {} },
    candidates.map((c) => ({ ...c, texts: {} })),
    { today },
  );

/**
 * A baseline: text similarity alone (the best cosine over the languages both have), valid candidates with any
 * similarity, ties by documentId. It cannot see across languages, which is what the codes are for.
 */
const textOnly: Ranker = (demand, candidates, today) => {
  const valid = candidates.filter((c) => (c.type === 'offer' || c.type === 'solution') && !isExpired(c, today));
  const scores = similaritiesByLanguage(demand.texts, valid);
  return valid
    .map((c) => ({
      documentId: c.documentId,
      type: c.type as Suggestion['type'],
      score: Math.max(0, ...Object.values(scores.get(c.documentId) ?? {})),
      reasons: [],
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.documentId < b.documentId ? -1 : 1));
};

export const RANKERS = { 'taxonomy and text': fullRanking, 'taxonomy only': taxonomyOnly, 'text only': textOnly } as const;
export type RankerName = keyof typeof RANKERS;

/** Ranks every demand of the set (with the named ranking, by default the real one) and measures precision at 3. */
export function evaluateRanking(set: EvaluationSet, rankerName: RankerName = 'taxonomy and text'): EvaluationResult {
  const ranker = RANKERS[rankerName];
  const candidates = set.candidates.map((record) => profileOf(record, set.subregions));
  const suggestions = new Map<string, Suggestion[]>();
  for (const record of set.demands) suggestions.set(record.documentId, ranker(profileOf(record, set.subregions), candidates, set.today));
  const relevant = new Map<string, Set<string>>(set.demands.map((d) => [d.documentId, new Set<string>()]));
  for (const pair of set.relevant) relevant.get(pair.demand)?.add(pair.candidate);
  const rankings = new Map([...suggestions].map(([demand, list]) => [demand, list.map((s) => s.documentId)]));
  return { report: precisionAtK(rankings, relevant, EVALUATION_K), suggestions };
}
