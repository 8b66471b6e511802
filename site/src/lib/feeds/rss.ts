/** RSS 2.0, with Atom's self link and Dublin Core for authors, rights and modification times. */
import { create } from 'xmlbuilder2';
import type { FeedDocument } from './feed-model.ts';
import { htmlText, xmlAttributes, xmlText } from './xml-text.ts';

const rfc822 = (iso: string) => new Date(iso).toUTCString();

export function rssFeed(feed: FeedDocument): string {
  const rss = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:dcterms': 'http://purl.org/dc/terms/',
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt(xmlText(feed.title));
  channel.ele('link').txt(xmlText(feed.homeUrl));
  channel.ele('description').txt(xmlText(htmlText(feed.description)));
  channel.ele('language').txt(xmlText(feed.language));
  channel.ele('lastBuildDate').txt(xmlText(rfc822(feed.updated)));
  channel.ele('atom:link', xmlAttributes({ href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }));
  for (const entry of feed.entries) {
    const item = channel.ele('item');
    item.ele('title').txt(xmlText(entry.title));
    item.ele('link').txt(xmlText(entry.url));
    item.ele('guid', { isPermaLink: 'false' }).txt(xmlText(entry.id));
    item.ele('pubDate').txt(xmlText(rfc822(entry.published)));
    item.ele('dcterms:modified').txt(xmlText(entry.updated));
    item.ele('description').txt(xmlText(htmlText(entry.summary)));
    for (const c of entry.categories) item.ele('category', xmlAttributes({ domain: c.scheme })).txt(xmlText(c.label));
    for (const author of entry.authors) item.ele('dc:creator').txt(xmlText(author));
    item.ele('dc:language').txt(xmlText(entry.language));
    item.ele('dc:rights').txt(xmlText(`${entry.license.name} · ${entry.attribution}`));
    // RSS readers take one enclosure per item: the main file.
    const main = entry.attachments[0];
    if (main) item.ele('enclosure', xmlAttributes({ url: main.url, length: String(main.sizeBytes), type: main.mime }));
  }
  return rss.end({ prettyPrint: true });
}
