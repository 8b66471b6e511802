/**
 * "Create match" from a suggestion: a match draft in the demand's locale, state `proposed`, proposed today,
 * titled and summarized like the demand, with its themes and countries, linking the demand and the suggested
 * offer or solution. The candidate goes into the match's `links` (shared `exchange.link` components: type and
 * document id), not into its `offers`/`solutions` relations: Strapi links a localized entry only to the same
 * locale of a localized target, and a French demand's best answer may be a Chinese-only offer. The site and
 * the partner API follow a link to the target in the reader's language when it has it, else in one it has.
 */
import type { Core } from '@strapi/strapi';
import { SLUG } from '../model';
import { editPath } from '../translations/report';
import { exchangeDocuments, exchangeUid, loadVersions, type ExchangeRecord } from './profiles';

export interface MatchRequest {
  demand: string;
  candidate: { type: 'offer' | 'solution'; documentId: string };
  /** The demand's locale to create the match in (default: the demand's first). */
  locale?: string;
}

export interface CreatedMatch {
  documentId: string;
  locale: string;
  slug: string;
  /** The match in the content manager, where the broker advances it. */
  editPath: string;
  /** Whether the candidate is linked (always, now that links are not tied to a locale; kept for callers). */
  linked: boolean;
  /** The locale of the candidate's version the response names: the match's when it has one, else its first. */
  candidateLocale: string;
  message: string;
}

export class MatchRequestError extends Error {}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** A free slug for the demand's match: `<demand>-match`, then `-2`, `-3`… */
async function freeSlug(strapi: Core.Strapi, demandSlug: string): Promise<string> {
  const base = `${demandSlug}-match`.slice(0, 90).replace(/-+$/, '');
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await strapi.db.query(exchangeUid('match')).findOne({ where: { slug }, select: ['id'] }))) return slug;
  }
}

const documentIdsOf = (links: unknown): string[] =>
  Array.isArray(links) ? links.map((l) => (l as { documentId?: string }).documentId).filter((id): id is string => !!id) : [];

export async function createMatch(strapi: Core.Strapi, request: MatchRequest, today: Date): Promise<CreatedMatch> {
  const demandVersions = (await loadVersions(strapi, 'demand', 'draft', [request.demand])).get(request.demand);
  if (!demandVersions?.length) throw new MatchRequestError('No such demand');
  const demand: ExchangeRecord | undefined = request.locale ? demandVersions.find((v) => v.locale === request.locale) : demandVersions[0];
  if (!demand) throw new MatchRequestError(`The demand has no version in ${request.locale}`);
  const candidateVersions = (await loadVersions(strapi, request.candidate.type, 'published', [request.candidate.documentId])).get(request.candidate.documentId);
  if (!candidateVersions?.length) throw new MatchRequestError(`No published ${request.candidate.type} ${request.candidate.documentId}`);
  const sameLocale = candidateVersions.find((v) => v.locale === demand.locale);
  const shown = sameLocale ?? candidateVersions[0]!;
  const named = `${request.candidate.type} "${shown.title ?? shown.documentId}" (${shown.locale}, ${shown.documentId})`;
  const demandSlug = typeof demand.slug === 'string' && SLUG.test(demand.slug) ? demand.slug : 'demand';
  const slug = await freeSlug(strapi, demandSlug);
  const created = (await exchangeDocuments(strapi, 'match').create({
    locale: demand.locale,
    data: {
      slug,
      title: demand.title,
      summary: demand.summary,
      license: demand.license,
      attribution: demand.attribution,
      themes: documentIdsOf(demand.themes),
      countries: documentIdsOf(demand.countries),
      demand: request.demand,
      links: [{ type: request.candidate.type, targetDocumentId: request.candidate.documentId }],
      state: 'proposed',
      proposedOn: isoDay(today),
      brokerNotes: `Created from a suggestion on the Exchange page on ${isoDay(today)}: ${named}.`,
    },
  })) as { documentId: string };
  return {
    documentId: created.documentId,
    locale: demand.locale,
    slug,
    editPath: editPath(exchangeUid('match'), created.documentId, demand.locale),
    linked: true,
    candidateLocale: shown.locale,
    message: sameLocale
      ? `Match created with the ${named}.`
      : `Match created with the ${named}: it has no ${demand.locale} version, so the story links its ${shown.locale} page.`,
  };
}
