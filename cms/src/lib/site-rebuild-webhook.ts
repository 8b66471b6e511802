/**
 * Publish → live without a developer: when SITE_REBUILD_URL is set, a Strapi
 * webhook named "Site rebuild" calls the pipeline's rebuild service whenever an
 * entry is published, unpublished, deleted or saved (a theme, country or partner
 * has no drafts: saving it is publishing it), or a media file is replaced, edited
 * or deleted. It is an ordinary webhook, so admins
 * see it (and can trigger or disable it) under Settings → Webhooks. It is kept in
 * step with SITE_REBUILD_URL and SITE_REBUILD_SECRET on every boot.
 */
import type { Core } from '@strapi/strapi';

export const SITE_REBUILD_WEBHOOK = 'Site rebuild';
// Media: a replaced file, new alt text or a deleted file changes published pages too.
// Saves (create, update): the taxonomy has no drafts, so a renamed theme is live at once. The rebuild service
// answers the saves that change nothing on the site (drafts, learners' records) without rebuilding.
const EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.create', 'entry.update', 'media.update', 'media.delete'];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
}

interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
}

export async function ensureSiteRebuildWebhook(strapi: Core.Strapi): Promise<void> {
  const url = process.env.SITE_REBUILD_URL;
  if (!url) return;
  const secret = process.env.SITE_REBUILD_SECRET;
  const headers: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
  const wanted = { name: SITE_REBUILD_WEBHOOK, url, headers, events: EVENTS };
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const existing = (await store.findWebhooks()).find((w) => w.name === SITE_REBUILD_WEBHOOK);
  if (!existing) {
    // The runner loaded the stored webhooks before this bootstrap: tell it about the new one.
    runner.add(await store.createWebhook(wanted));
    strapi.log.info(`[site] webhook "${SITE_REBUILD_WEBHOOK}" created: publishing rebuilds the site through ${url}`);
    return;
  }
  const same = existing.url === url && JSON.stringify(existing.headers) === JSON.stringify(wanted.headers) && existing.events.join() === EVENTS.join();
  if (same) return;
  const updated = await store.updateWebhook(existing.id, { ...wanted, isEnabled: existing.isEnabled });
  if (updated) runner.update(updated);
  strapi.log.info(`[site] webhook "${SITE_REBUILD_WEBHOOK}" now calls ${url}`);
}
