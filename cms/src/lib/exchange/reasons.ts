/**
 * Why a candidate was suggested for a demand: coded reasons with their data (so that the admin can render them
 * its own way), and their English wording for the admin ("same theme, neighbouring country, offered in French").
 */

/** The reason codes, in the order a suggestion lists them (the order of the taxonomy first, text last). */
export const REASON_CODES = ['same-theme', 'same-country', 'neighbouring-country', 'fits-support', 'offered-in', 'similar-text'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type Reason =
  /** Theme slugs both records have. */
  | { code: 'same-theme'; themes: string[] }
  /** Country codes both records have. */
  | { code: 'same-country'; countries: string[] }
  /** Sub-regions both records have, when they share no country. */
  | { code: 'neighbouring-country'; subregions: string[] }
  /** The kinds of support sought that the candidate answers, and the offer's modalities (empty for a solution). */
  | { code: 'fits-support'; support: string[]; modalities: string[] }
  /** Languages of the demand the candidate is delivered (an offer) or documented (a solution) in. */
  | { code: 'offered-in'; languages: string[] }
  /** Locales in which both records' texts are similar, and the highest similarity (0 to 1). */
  | { code: 'similar-text'; locales: string[]; similarity: number };

export interface DescribedSuggestion {
  type: 'offer' | 'solution';
  reasons: readonly Reason[];
}

const englishLanguages = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language's English name from its BCP 47 tag ("fr" → "French"), or the tag when Intl does not know it. */
export function englishLanguageName(tag: string): string {
  try {
    return englishLanguages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

function describeReason(reason: Reason, type: DescribedSuggestion['type'], languageName: (tag: string) => string): string {
  switch (reason.code) {
    case 'same-theme':
      return reason.themes.length > 1 ? 'same themes' : 'same theme';
    case 'same-country':
      return 'same country';
    case 'neighbouring-country':
      return 'neighbouring country';
    case 'fits-support':
      return `fits the ${listOf(reason.support)} sought`;
    case 'offered-in':
      return `${type === 'offer' ? 'offered' : 'documented'} in ${listOf(reason.languages.map(languageName))}`;
    case 'similar-text':
      return `similar text in ${listOf(reason.locales.map(languageName))}`;
  }
}

/**
 * A suggestion's reasons in English, comma-separated: "same theme, neighbouring country, offered in French".
 * `languageName` turns a language tag into its name (default: Intl.DisplayNames in English; the admin is English).
 */
export function describeSuggestion(suggestion: DescribedSuggestion, options: { languageName?: (tag: string) => string } = {}): string {
  const languageName = options.languageName ?? englishLanguageName;
  return suggestion.reasons.map((reason) => describeReason(reason, suggestion.type, languageName)).join(', ');
}
