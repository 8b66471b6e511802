/**
 * Precision at k of a ranking against labelled relevant items, as the exchange's evaluation reports it.
 *
 * For one demand: the number of its relevant candidates among its top k suggestions, divided by min(k, number of
 * relevant candidates), so a demand with only one right answer scores 1 when that answer is in its top k (a plain
 * hits / k would cap it at 1/3). For the set: the mean of that over the demands that have at least one relevant
 * candidate (a demand with none has nothing to find and is left out).
 */

export interface DemandPrecision {
  demand: string;
  /** The first k suggested candidate ids, best first. */
  top: string[];
  /** Relevant candidates among `top`. */
  hits: string[];
  /** min(k, relevant count). */
  attainable: number;
  /** hits / attainable, 0 to 1. */
  precision: number;
}

export interface PrecisionReport {
  k: number;
  /** Mean of the per-demand precisions, 0 to 1. */
  mean: number;
  perDemand: DemandPrecision[];
}

/**
 * `rankings`: each demand's suggested candidate ids, best first. `relevant`: each demand's relevant candidate ids.
 * Demands are reported in the order of `relevant`.
 */
export function precisionAtK(rankings: ReadonlyMap<string, readonly string[]>, relevant: ReadonlyMap<string, ReadonlySet<string>>, k: number): PrecisionReport {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const perDemand: DemandPrecision[] = [];
  for (const [demand, relevantIds] of relevant) {
    if (!relevantIds.size) continue;
    const top = (rankings.get(demand) ?? []).slice(0, k);
    const hits = top.filter((id) => relevantIds.has(id));
    const attainable = Math.min(k, relevantIds.size);
    perDemand.push({ demand, top, hits, attainable, precision: hits.length / attainable });
  }
  const mean = perDemand.length ? perDemand.reduce((sum, d) => sum + d.precision, 0) / perDemand.length : 0;
  return { k, mean, perDemand };
}
