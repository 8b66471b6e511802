/**
 * A demand's suggestions for the admin: its ranked candidate offers and solutions (published, in any locale),
 * each with its coded reasons, their English wording, and its title in the demand's locale when it has one,
 * else in its first locale.
 */
import type { Core } from '@strapi/strapi';
import { describeSuggestion, rankCandidates, type Reason } from './ranking';
import { loadCandidateProfiles, loadDemandProfile } from './profiles';

/** How many suggestions the admin shows for a demand. */
export const SUGGESTION_LIMIT = 10;

export interface AdminSuggestion {
  documentId: string;
  type: 'offer' | 'solution';
  score: number;
  reasons: Reason[];
  /** The reasons in English: "same theme, neighbouring country, offered in French". */
  description: string;
  title: string;
  /** The locale of `title`. */
  locale: string;
  /** Every locale the candidate is published in. */
  locales: string[];
}

export interface DemandSuggestions {
  demand: { documentId: string; title: string; locale: string };
  suggestions: AdminSuggestion[];
}

/** The title to show and its locale: the demand's locale when the candidate has it, else the candidate's first. */
export function titleFor(titles: Record<string, string>, preferred: readonly string[]): { title: string; locale: string } {
  const locale = preferred.find((l) => l in titles) ?? Object.keys(titles)[0] ?? '';
  return { title: titles[locale] ?? '', locale };
}

export async function suggestionsFor(strapi: Core.Strapi, demandDocumentId: string, today: Date): Promise<DemandSuggestions | null> {
  const demand = await loadDemandProfile(strapi, demandDocumentId);
  if (!demand) return null;
  const candidates = await loadCandidateProfiles(strapi);
  const byId = new Map(candidates.map((c) => [c.profile.documentId, c]));
  const demandLocales = Object.keys(demand.titles);
  const ranked = rankCandidates(
    demand.profile,
    candidates.map((c) => c.profile),
    { today, limit: SUGGESTION_LIMIT },
  );
  return {
    demand: { documentId: demandDocumentId, ...titleFor(demand.titles, demandLocales) },
    suggestions: ranked.map((s) => {
      const titles = byId.get(s.documentId)?.titles ?? {};
      return { ...s, description: describeSuggestion(s), ...titleFor(titles, demandLocales), locales: Object.keys(titles) };
    }),
  };
}
