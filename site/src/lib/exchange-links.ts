/**
 * Where a match story's links lead. A match links offers and solutions two ways: its `offers` and `solutions`
 * relations (Strapi's, same locale only) and its shared `links` (by document, any language: a French match can
 * link a Chinese-only offer). A link leads to the target in the page's language when it is published there,
 * else in the first language of the model it is published in; the loader has already dropped links to records
 * that are published nowhere (src/loaders/exchange-links.ts).
 */
import { localeCodes, type LocaleCode } from '@ssc/content-schemas';
import { findEntry, localesOf, resolve, type Item, type SiteEntry } from './content.ts';

type LinkType = 'offer' | 'solution';

export interface LinkTarget {
  type: LinkType;
  documentId: string;
  /** The locale the link leads to. */
  locale: LocaleCode;
}

/** The locale a link from a page in `locale` leads to, or undefined when the target is published nowhere. */
async function targetLocale(type: LinkType, documentId: string, locale: LocaleCode): Promise<LocaleCode | undefined> {
  const where = await localesOf(type, documentId);
  return where.includes(locale) ? locale : localeCodes.find((l) => where.includes(l));
}

/** The targets of a match's shared links, each in the locale its link leads to (what the page shows of them). */
export async function linkTargets(match: SiteEntry<'match'>): Promise<LinkTarget[]> {
  const targets = await Promise.all(
    match.links.map(async (link) => {
      const locale = await targetLocale(link.type, link.targetDocumentId, match.locale);
      return locale ? { type: link.type, documentId: link.targetDocumentId, locale } : undefined;
    }),
  );
  return targets.filter((t): t is LinkTarget => t !== undefined);
}

/**
 * The offers or solutions a match story links, each once: those of its relation (in the page's language), then
 * those of its shared links, each in the language its link leads to (an item of another locale than the page).
 */
export async function storyItems(match: SiteEntry<'match'>, type: LinkType): Promise<Item[]> {
  const related = (await resolve(type, match.locale, type === 'offer' ? match.offers : match.solutions)) as Item[];
  const seen = new Set(related.map((i) => i.documentId));
  const linked: Item[] = [];
  for (const target of await linkTargets(match)) {
    if (target.type !== type || seen.has(target.documentId)) continue;
    seen.add(target.documentId);
    const entry = await findEntry(type, target.locale, target.documentId);
    if (entry) linked.push(entry as Item);
  }
  return [...related, ...linked];
}
