/**
 * Which calls of the CMS's "Site rebuild" webhook can change the site. Publishing,
 * unpublishing and deleting an entry can, and so can replacing or deleting a media
 * file. Saving an entry changes the site only when its type has no drafts (the
 * taxonomy: themes, countries, partners), because what is saved is what is live.
 * Saving a draft changes nothing until it is published. Writes to records the site
 * never shows (learners' progress, the partner change log, schedules) change nothing
 * either. Those calls are answered without a rebuild.
 */
import { collections } from '@ssc/content-schemas';

/** The collections a snapshot holds, by the name Strapi's webhooks give them (`model`). */
const SITE_MODELS = new Set<string>(collections.map((c) => c.singularName));
/** Those without drafts: a save is a publish. */
const WITHOUT_DRAFTS = new Set<string>(collections.filter((c) => !c.draftAndPublish).map((c) => c.singularName));

export interface WebhookCall {
  event?: string;
  model?: string;
}

/** Whether the call can change what the site shows. A bare call (no event: "Trigger", "Rebuild now") always can. */
export function changesTheSite(call: WebhookCall): boolean {
  const { event, model } = call;
  if (!event?.startsWith('entry.') || model === undefined) return true;
  if (!SITE_MODELS.has(model)) return false;
  if (event === 'entry.create' || event === 'entry.update') return WITHOUT_DRAFTS.has(model);
  return true;
}
