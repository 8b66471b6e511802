/**
 * Text similarity within one language: words from Intl.Segmenter (word granularity, so Chinese, which has no
 * spaces, and Arabic are split into words too), lowercased, with a minimal list of function words left out;
 * TF-IDF weights over the pool of texts in that language; cosine of the two weight vectors.
 * Texts in different languages are never compared: a French and a Chinese record meet through their codes.
 */

/**
 * Function words that carry no topic, per language (deliberately short: a longer list would start to drop words
 * that matter in this domain). Chinese and Arabic get the commonest particles and prepositions.
 */
const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('a an and are as at be by for from has have in into is it its of on or our that the their this to was we were which with will'.split(' ')),
  fr: new Set(
    'a au aux avec c ce ces d dans de des du en est et il ils j l la le les leur leurs n nos notre ou par pour qu que qui s sa se ses son sur un une'.split(
      ' ',
    ),
  ),
  es: new Set('a al con de del el en es la las lo los para por que se su sus un una y o'.split(' ')),
  ar: new Set(['في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'هذا', 'هذه', 'التي', 'الذي', 'و', 'أو', 'ما', 'لا', 'كما']),
  zh: new Set(['的', '了', '和', '与', '及', '在', '是', '为', '对', '等', '中', '也', '并', '将', '由', '以', '其']),
};

/** The primary language subtag of a locale or BCP 47 tag (`zh-Hans` → `zh`). */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Arabic's definite article is written joined to its noun (الري, "the irrigation"): it is taken off longer words. */
function withoutArabicArticle(word: string): string {
  return word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
}

/**
 * The words of a text in a locale: word-like segments, lowercased in that locale, split at apostrophes (French
 * elision: "l'eau" → "l", "eau"), without punctuation, digits alone or the language's function words.
 */
export function tokenize(text: string, locale: string): string[] {
  const language = primaryLanguage(locale);
  const stopWords = STOP_WORDS[language];
  const words: string[] = [];
  for (const segment of segmenterFor(locale).segment(text)) {
    if (!segment.isWordLike) continue;
    for (const part of segment.segment.toLocaleLowerCase(locale).split(/['’]/)) {
      const word = language === 'ar' ? withoutArabicArticle(part) : part;
      if (!word || /^\d+$/.test(word) || stopWords?.has(word)) continue;
      words.push(word);
    }
  }
  return words;
}

type WeightVector = Map<string, number>;

function termCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function cosine(a: WeightVector, b: WeightVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

/**
 * The cosine similarity between a query text and each text of a pool, all in one locale, with TF-IDF weights
 * computed over the pool and the query together: term frequency 1 + ln(count), smoothed inverse document
 * frequency ln((1 + n) / (1 + df)) + 1. Returns one number in [0, 1] per pool text, in the pool's order.
 */
export function similarities(query: string, pool: readonly string[], locale: string): number[] {
  const documents = [query, ...pool].map((text) => termCounts(tokenize(text, locale)));
  const documentFrequency = new Map<string, number>();
  for (const counts of documents) for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = documents.length;
  const vectors = documents.map((counts) => {
    const vector: WeightVector = new Map();
    for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * (Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1));
    return vector;
  });
  const [queryVector, ...poolVectors] = vectors;
  return poolVectors.map((vector) => cosine(queryVector, vector));
}

/**
 * For each candidate, its similarity to the demand in every language both have a text in (the locale keys of
 * `texts`); the pool of each language is the candidates that have a text in it.
 */
export function similaritiesByLanguage(
  demandTexts: Readonly<Record<string, string>>,
  candidates: readonly { documentId: string; texts: Readonly<Record<string, string>> }[],
): Map<string, Record<string, number>> {
  const result = new Map<string, Record<string, number>>(candidates.map((c) => [c.documentId, {}]));
  for (const [locale, demandText] of Object.entries(demandTexts)) {
    if (!demandText.trim()) continue;
    const inLocale = candidates.filter((c) => c.texts[locale]?.trim());
    if (!inLocale.length) continue;
    const scores = similarities(
      demandText,
      inLocale.map((c) => c.texts[locale]),
      locale,
    );
    inLocale.forEach((candidate, index) => {
      const byLanguage = result.get(candidate.documentId);
      if (byLanguage) byLanguage[locale] = scores[index];
    });
  }
  return result;
}
