/** Atom 1.0 (RFC 4287): every attachment is an enclosure link; the licence is a rights line and a license link (RFC 4946). */
import { create } from 'xmlbuilder2';
import type { FeedDocument } from './feed-model.ts';
import { xmlAttributes, xmlText } from './xml-text.ts';

export function atomFeed(feed: FeedDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language });
  root.ele('id').txt(xmlText(feed.selfUrl));
  root.ele('title').txt(xmlText(feed.title));
  root.ele('subtitle').txt(xmlText(feed.description));
  root.ele('updated').txt(xmlText(feed.updated));
  root.ele('link', xmlAttributes({ rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }));
  root.ele('link', xmlAttributes({ rel: 'alternate', type: 'text/html', href: feed.homeUrl, hreflang: feed.language }));
  root.ele('author').ele('name').txt(xmlText(feed.publisher));
  for (const entry of feed.entries) {
    const e = root.ele('entry', { 'xml:lang': entry.language });
    e.ele('id').txt(xmlText(entry.id));
    e.ele('title').txt(xmlText(entry.title));
    e.ele('link', xmlAttributes({ rel: 'alternate', type: 'text/html', href: entry.url, hreflang: entry.language }));
    e.ele('published').txt(xmlText(entry.published));
    e.ele('updated').txt(xmlText(entry.updated));
    e.ele('summary').txt(xmlText(entry.summary));
    for (const c of entry.categories) e.ele('category', xmlAttributes({ term: c.term, label: c.label, scheme: c.scheme }));
    for (const author of entry.authors) e.ele('author').ele('name').txt(xmlText(author));
    e.ele('rights').txt(xmlText(`${entry.license.name} · ${entry.attribution}`));
    if (entry.license.url) e.ele('link', xmlAttributes({ rel: 'license', href: entry.license.url }));
    for (const a of entry.attachments) {
      const attributes: Record<string, string> = { rel: 'enclosure', href: a.url, type: a.mime, length: String(a.sizeBytes) };
      if (a.title) attributes.title = a.title;
      if (a.language) attributes.hreflang = a.language;
      e.ele('link', xmlAttributes(attributes));
    }
  }
  return root.end({ prettyPrint: true });
}
