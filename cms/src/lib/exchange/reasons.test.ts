import { describe, expect, it } from 'vitest';
import { describeSuggestion, englishLanguageName, REASON_CODES, type Reason } from './reasons';

describe('describing a suggestion in English for the admin', () => {
  it('writes the reasons out, comma-separated', () => {
    const reasons: Reason[] = [
      { code: 'same-theme', themes: ['value-chain-development'] },
      { code: 'neighbouring-country', subregions: ['eastern-africa'] },
      { code: 'offered-in', languages: ['fr'] },
    ];
    expect(describeSuggestion({ type: 'offer', reasons })).toBe('same theme, neighbouring country, offered in French');
  });

  it('has a wording for every reason code', () => {
    const oneOfEach: Reason[] = [
      { code: 'same-theme', themes: ['a', 'b'] },
      { code: 'same-country', countries: ['KE'] },
      { code: 'neighbouring-country', subregions: ['eastern-africa'] },
      { code: 'fits-support', support: ['know-how', 'training'], modalities: ['study-tour'] },
      { code: 'offered-in', languages: ['zh', 'ar', 'es'] },
      { code: 'similar-text', locales: ['en'], similarity: 0.4 },
    ];
    expect(oneOfEach.map((r) => r.code)).toEqual([...REASON_CODES]);
    expect(describeSuggestion({ type: 'offer', reasons: oneOfEach })).toBe(
      'same themes, same country, neighbouring country, fits the know-how and training sought, offered in Chinese, Arabic and Spanish, similar text in English',
    );
  });

  it('says a solution is documented, not offered, in a language', () => {
    expect(describeSuggestion({ type: 'solution', reasons: [{ code: 'offered-in', languages: ['fr', 'zh'] }] })).toBe('documented in French and Chinese');
  });

  it('takes language names from Intl in English by default, or from the function given', () => {
    expect(englishLanguageName('zh')).toBe('Chinese');
    expect(englishLanguageName('ar')).toBe('Arabic');
    expect(englishLanguageName('not a tag!')).toBe('not a tag!');
    const reasons: Reason[] = [{ code: 'offered-in', languages: ['fr'] }];
    expect(describeSuggestion({ type: 'offer', reasons }, { languageName: (tag) => tag.toUpperCase() })).toBe('offered in FR');
  });

  it('describes a suggestion without reasons as an empty text', () => {
    expect(describeSuggestion({ type: 'offer', reasons: [] })).toBe('');
  });
});
