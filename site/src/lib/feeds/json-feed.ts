/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); licence, type and taxonomy in the `_ssc` extension. */
import type { FeedDocument } from './feed-model.ts';

export function jsonFeed(feed: FeedDocument): string {
  const body = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_text: entry.summary,
      date_published: entry.published,
      date_modified: entry.updated,
      language: entry.language,
      tags: entry.categories.map((c) => c.label),
      ...(entry.authors.length ? { authors: entry.authors.map((name) => ({ name })) } : {}),
      ...(entry.attachments.length
        ? {
            attachments: entry.attachments.map((a) => ({
              url: a.url,
              mime_type: a.mime,
              size_in_bytes: a.sizeBytes,
              ...(a.title ? { title: a.title } : {}),
            })),
          }
        : {}),
      _ssc: {
        categories: entry.categories,
        license: entry.license.id,
        license_url: entry.license.url,
        attribution: entry.attribution,
      },
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
