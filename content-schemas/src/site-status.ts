/**
 * What the rebuild service reports at `GET /status`, and so what the CMS's "Site"
 * page shows: whether a build is running or queued, the last failure, the live
 * release and the last releases with the entries left out of each. The pipeline
 * writes it (scripts/lib/site-status.ts, scripts/lib/rebuild-service.ts); the CMS,
 * which cannot import this package, gets the same shapes as generated TypeScript.
 */
import { z } from 'zod';

/** Where an entry was left out: at the pull (invalid in the CMS), or by the build. */
export const LEFT_OUT_STAGES = ['pull', 'validation', 'render', 'audit'] as const;

export const leftOutSummarySchema = z.object({
  stage: z.enum(LEFT_OUT_STAGES),
  type: z.string(),
  documentId: z.string(),
  locale: z.string(),
  field: z.string().describe('The field at fault, or "(entry)".'),
  message: z.string(),
  page: z.string().optional().describe('The page the problem was found on (render and audit).'),
});

export const releaseSummarySchema = z.object({
  id: z.string(),
  live: z.boolean(),
  trigger: z.string().nullable(),
  snapshotCreatedAt: z.string().nullable().describe('When the content the release was built from was read from the CMS.'),
  seconds: z.number().nullable(),
  pages: z.number().nullable(),
  leftOut: z.array(leftOutSummarySchema),
});

export const rebuildStatusSchema = z.object({
  building: z.boolean(),
  queued: z.boolean(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable().describe('The last rebuild that failed, when the last rebuild did not succeed.'),
  live: z.string().nullable(),
  releases: z.array(releaseSummarySchema),
});

export type LeftOutSummary = z.infer<typeof leftOutSummarySchema>;
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;
export type RebuildStatus = z.infer<typeof rebuildStatusSchema>;

/** The three shapes as JSON Schema, by the names the CMS's generated types use. */
export function siteStatusJsonSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  registry.add(leftOutSummarySchema, { id: 'LeftOutSummary' });
  registry.add(releaseSummarySchema, { id: 'ReleaseSummary' });
  registry.add(rebuildStatusSchema, { id: 'RebuildStatus' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  return schemas;
}
