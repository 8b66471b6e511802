/**
 * Feeds, independent of their format: what a feed and its entries say. The
 * serializers (rss.ts, atom.ts, json-feed.ts) each write one format from it.
 */
export interface FeedCategory {
  /** Machine value: the type name, a theme slug or an ISO country code. */
  term: string;
  /** Its name in the feed's language. */
  label: string;
  /** The URL of the vocabulary the term belongs to. */
  scheme: string;
}

export interface FeedAttachment {
  url: string;
  mime: string;
  sizeBytes: number;
  title: string | null;
  /** BCP-47 tag of the file's language, where known. */
  language: string | null;
}

export interface FeedEntry {
  /** Stable across builds and formats: made from the document id and the locale. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** ISO date-times. */
  published: string;
  updated: string;
  /** BCP-47 tag of the entry's language. */
  language: string;
  categories: FeedCategory[];
  /** Authors or publishers, where the model names one. */
  authors: string[];
  license: { id: string; name: string; url: string | null };
  attribution: string;
  /** The item's files; the first is its main file (RSS carries only that one). */
  attachments: FeedAttachment[];
}

export interface FeedDocument {
  title: string;
  description: string;
  /** BCP-47 tag of the feed's language. */
  language: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  /** This feed's own URL in the format being written. */
  selfUrl: string;
  /** ISO date-time: the newest entry's update, or the snapshot's time for an empty feed. */
  updated: string;
  /** Who publishes the feed (the site). */
  publisher: string;
  entries: FeedEntry[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: Record<FeedFormat, { extension: string; mime: string; label: string }> = {
  rss: { extension: 'rss.xml', mime: 'application/rss+xml', label: 'RSS 2.0' },
  atom: { extension: 'atom.xml', mime: 'application/atom+xml', label: 'Atom 1.0' },
  json: { extension: 'json', mime: 'application/feed+json', label: 'JSON Feed 1.1' },
};

export const feedFormats = Object.keys(FEED_FORMATS) as FeedFormat[];
