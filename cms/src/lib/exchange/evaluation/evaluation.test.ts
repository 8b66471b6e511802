import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSuggestion } from '../reasons';
import { evaluateRanking, type EvaluationSet, profileOf } from './evaluate';
import { precisionAtK } from './precision';

const set = JSON.parse(fs.readFileSync(new URL('./evaluation-set.json', import.meta.url), 'utf8')) as EvaluationSet;

/**
 * The floor for the ranking's precision at 3 on the labelled set: on average three in four of the right answers a
 * demand can have in its top 3 are there. The ranking measures 0.775 on this set; the codes alone measure 0.745 and
 * words alone 0.706 (`npm run exchange:evaluate`). The floor sits between the codes alone and the ranking, so a
 * change that drops a right answer from the top 3 of a demand with one or two of them fails here, to be weighed
 * (and the set re-labelled or the floor re-justified in docs/solutions-exchange.md) rather than slip through.
 */
const PRECISION_AT_3_FLOOR = 0.75;

describe('the labelled evaluation set', () => {
  const candidateIds = new Set(set.candidates.map((c) => c.documentId));
  const demandIds = new Set(set.demands.map((d) => d.documentId));

  it('has at least 12 demands, 15 offers and solutions and 20 labelled relevant pairs, all naming records of the set', () => {
    expect(set.demands.length).toBeGreaterThanOrEqual(12);
    expect(set.candidates.length).toBeGreaterThanOrEqual(15);
    expect(new Set(set.candidates.map((c) => c.type))).toEqual(new Set(['offer', 'solution']));
    expect(new Set(set.relevant.map((p) => `${p.demand} ${p.candidate}`)).size).toBe(set.relevant.length);
    expect(set.relevant.length).toBeGreaterThanOrEqual(20);
    for (const pair of set.relevant) {
      expect(demandIds.has(pair.demand), pair.demand).toBe(true);
      expect(candidateIds.has(pair.candidate), pair.candidate).toBe(true);
    }
    for (const demand of demandIds)
      expect(
        set.relevant.some((p) => p.demand === demand),
        demand,
      ).toBe(true);
  });

  it('writes each record in one or two of the five languages, and uses all five', () => {
    const records = [...set.demands, ...set.candidates];
    for (const record of records) {
      expect(Object.keys(record.texts).length, record.documentId).toBeGreaterThanOrEqual(1);
      expect(Object.keys(record.texts).length, record.documentId).toBeLessThanOrEqual(2);
      expect(record.source, record.documentId).toBeTruthy();
    }
    expect(new Set(records.flatMap((r) => Object.keys(r.texts)))).toEqual(new Set(['en', 'fr', 'zh', 'es', 'ar']));
  });

  it('has right answers written in no language their demand is written in', () => {
    const byId = new Map([...set.demands, ...set.candidates].map((r) => [r.documentId, r]));
    const crossLanguage = set.relevant.filter((p) => {
      const demandLocales = Object.keys(byId.get(p.demand)?.texts ?? {});
      return !Object.keys(byId.get(p.candidate)?.texts ?? {}).some((l) => demandLocales.includes(l));
    });
    expect(crossLanguage.length).toBeGreaterThanOrEqual(5);
    expect(crossLanguage).toContainEqual({ demand: 'demand-congo-cassava', candidate: 'offer-cassava-processing' });
  });
});

describe('precision at k', () => {
  it('divides the hits in the top k by min(k, relevant count) and averages over demands with a relevant candidate', () => {
    const rankings = new Map([
      ['one-right', ['x', 'right', 'y', 'z']],
      ['five-right', ['a', 'miss', 'b', 'c']],
      ['none-found', ['p', 'q']],
      ['nothing-relevant', ['a']],
    ]);
    const relevant = new Map([
      ['one-right', new Set(['right'])],
      ['five-right', new Set(['a', 'b', 'c', 'd', 'e'])],
      ['none-found', new Set(['r'])],
      ['nothing-relevant', new Set<string>()],
    ]);
    const report = precisionAtK(rankings, relevant, 3);
    expect(report.perDemand.map((d) => [d.demand, d.hits.length, d.attainable, d.precision])).toEqual([
      ['one-right', 1, 1, 1],
      ['five-right', 2, 3, 2 / 3],
      ['none-found', 0, 1, 0],
    ]);
    expect(report.mean).toBeCloseTo((1 + 2 / 3 + 0) / 3, 12);
    expect(() => precisionAtK(rankings, relevant, 0)).toThrow(/positive integer/);
  });
});

describe('the ranking on the labelled set', () => {
  it(`reaches a precision at 3 of at least ${PRECISION_AT_3_FLOOR}, above the codes alone and words alone`, () => {
    const ranking = evaluateRanking(set).report.mean;
    expect(ranking).toBeGreaterThanOrEqual(PRECISION_AT_3_FLOOR);
    expect(ranking).toBeGreaterThan(evaluateRanking(set, 'taxonomy only').report.mean);
    expect(ranking).toBeGreaterThan(evaluateRanking(set, 'text only').report.mean);
  });

  it('puts the Chinese-only cassava offer first for the French cassava demand, through the codes alone', () => {
    const [first] = evaluateRanking(set).suggestions.get('demand-congo-cassava') ?? [];
    expect(first.documentId).toBe('offer-cassava-processing');
    expect(first.reasons.map((r) => r.code)).not.toContain('similar-text');
    expect(describeSuggestion(first)).toBe('same themes, fits the technology sought, offered in French');
  });

  it('never suggests the offers that expired before the set’s day', () => {
    const expired = set.candidates.filter((c) => c.validUntil && c.validUntil < set.today).map((c) => c.documentId);
    expect(expired.length).toBeGreaterThan(0);
    for (const suggestions of evaluateRanking(set).suggestions.values()) {
      expect(suggestions.map((s) => s.documentId).filter((id) => expired.includes(id))).toEqual([]);
    }
  });

  it('derives each record’s sub-regions from its countries', () => {
    const kenya = set.demands.find((d) => d.documentId === 'demand-kenya-grain-storage');
    expect(kenya && profileOf(kenya, set.subregions).subregions).toEqual(['eastern-africa']);
    expect(() => profileOf({ ...set.demands[0], countries: ['XX'] }, set.subregions)).toThrow(/no sub-region for country XX/);
  });
});
