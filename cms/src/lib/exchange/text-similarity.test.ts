import { describe, expect, it } from 'vitest';
import { primaryLanguage, similarities, similaritiesByLanguage, tokenize } from './text-similarity';

describe('tokenizing a text into words', () => {
  it('splits Chinese, written without spaces, into words and drops its particles', () => {
    expect(tokenize('水稻的种植技术培训。', 'zh')).toEqual(['水稻', '种植', '技术', '培训']);
  });

  it('splits Arabic into words and takes the definite article off longer words', () => {
    expect(tokenize('تدريب المزارعين على الري', 'ar')).toEqual(['تدريب', 'مزارعين', 'الري']);
  });

  it('lowercases, drops punctuation, lone numbers and function words, and splits French elisions', () => {
    expect(tokenize("L'irrigation des rizières : 40 ans d’expérience.", 'fr')).toEqual(['irrigation', 'rizières', 'ans', 'expérience']);
    expect(tokenize('Training for the Storekeepers, in 2027!', 'en')).toEqual(['training', 'storekeepers']);
  });

  it('takes the primary subtag of a language tag', () => {
    expect(primaryLanguage('zh-Hans')).toBe('zh');
    expect(primaryLanguage('FR')).toBe('fr');
  });
});

describe('TF-IDF cosine similarity within one language', () => {
  it('is 1 for the same words, 0 for no shared word', () => {
    const [same, other] = similarities('grain storage training', ['training grain storage', 'cassava processing'], 'en');
    expect(same).toBeCloseTo(1, 10);
    expect(other).toBe(0);
  });

  it('weighs a word that few texts of the pool use above one that many use', () => {
    const [rare, common] = similarities('rural cassava', ['cassava mills', 'rural mills', 'rural schools', 'rural roads'], 'en');
    expect(rare).toBeGreaterThan(common);
  });

  it('compares texts only in the languages both records have', () => {
    const scores = similaritiesByLanguage({ fr: 'transformation du manioc enrichi', en: 'fortified cassava processing' }, [
      { documentId: 'zh-only', texts: { zh: '木薯加工与营养强化技术' } },
      { documentId: 'fr-and-zh', texts: { fr: 'manioc enrichi pour les cantines', zh: '木薯' } },
    ]);
    expect(scores.get('zh-only')).toEqual({});
    expect(Object.keys(scores.get('fr-and-zh') ?? {})).toEqual(['fr']);
    expect(scores.get('fr-and-zh')?.fr).toBeGreaterThan(0);
  });
});
