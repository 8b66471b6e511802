/** RSS 2.0, with Atom's self link and Dublin Core for authors, rights and modification times. */
import { create } from 'xmlbuilder2';
import type { FeedDocument } from './feed-model.ts';

const rfc822 = (iso: string) => new Date(iso).toUTCString();

export function rssFeed(feed: FeedDocument): string {
  const rss = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:dcterms': 'http://purl.org/dc/terms/',
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(feed.homeUrl);
  channel.ele('description').txt(feed.description);
  channel.ele('language').txt(feed.language);
  channel.ele('lastBuildDate').txt(rfc822(feed.updated));
  channel.ele('atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' });
  for (const entry of feed.entries) {
    const item = channel.ele('item');
    item.ele('title').txt(entry.title);
    item.ele('link').txt(entry.url);
    item.ele('guid', { isPermaLink: 'false' }).txt(entry.id);
    item.ele('pubDate').txt(rfc822(entry.published));
    item.ele('dcterms:modified').txt(entry.updated);
    item.ele('description').txt(entry.summary);
    for (const c of entry.categories) item.ele('category', { domain: c.scheme }).txt(c.label);
    for (const author of entry.authors) item.ele('dc:creator').txt(author);
    item.ele('dc:language').txt(entry.language);
    item.ele('dc:rights').txt(`${entry.license.name} · ${entry.attribution}`);
    // RSS readers take one enclosure per item: the main file.
    const main = entry.attachments[0];
    if (main) item.ele('enclosure', { url: main.url, length: String(main.sizeBytes), type: main.mime });
  }
  return rss.end({ prettyPrint: true });
}
