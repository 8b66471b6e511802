/**
 * `api`: the partner API on the reference corpus (10,000 published entries; SSC_BENCH_DOCUMENTS
 * changes the document count), list and single item, next to the same queries on Strapi's REST
 * endpoint, with autocannon against 127.0.0.1, and the CMS process's peak RSS in each stage (see ../partner-api.ts).
 */
import type { Benchmark } from '../benchmark.ts';
import { benchPartnerApi } from '../partner-api.ts';

const benchmark: Benchmark = {
  description: 'partner API vs Strapi REST: list and single item on 10,000 published entries (autocannon)',
  async run({ log }) {
    const documents = Number(process.env.SSC_BENCH_DOCUMENTS || 2000);
    if (!Number.isInteger(documents) || documents < 1) throw new Error('SSC_BENCH_DOCUMENTS must be a positive integer');
    const results = await benchPartnerApi({ documents, log });
    const summary = [
      ...results.runs.map(
        (r) =>
          `${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}, CMS peak RSS ${r.cmsPeakRssMb} MB`,
      ),
      `budget (list: ≥ ${results.budget.minRequestsPerSecond} req/s, p99 ≤ ${results.budget.maxP99Ms} ms): ${results.budget.listQueryMeets ? 'met' : 'NOT met'} (${results.cpus} CPUs, ${results.entries} entries)`,
      `budget (CMS peak RSS while serving partners: ≤ ${results.budget.maxPeakRssMb} MB): ${results.budget.partnerStagesMeetRss ? 'met' : 'NOT met'}`,
    ];
    return { results: results as unknown as Record<string, unknown>, summary };
  },
};

export default benchmark;
