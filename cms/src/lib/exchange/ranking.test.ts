import { describe, expect, it } from 'vitest';
import {
  describeSuggestion,
  type ExchangeProfile,
  LANGUAGE_WEIGHT,
  NEIGHBOURING_COUNTRY_WEIGHT,
  rankCandidates,
  SAME_COUNTRY_WEIGHT,
  SUPPORT_WEIGHT,
  TEXT_WEIGHT,
  THEME_WEIGHT,
} from './ranking';

const today = '2026-12-01';

function profile(type: ExchangeProfile['type'], documentId: string, fields: Partial<ExchangeProfile> = {}): ExchangeProfile {
  return { type, documentId, themes: [], countries: [], subregions: [], modalities: [], support: [], languages: [], texts: {}, ...fields };
}

/** A French-speaking cooperative in the Republic of Congo that wants cassava processing technology. */
const congoDemand = profile('demand', 'demand-congo', {
  themes: ['value-chain-development'],
  countries: ['CG'],
  subregions: ['middle-africa'],
  support: ['technology'],
  languages: ['fr'],
  state: 'open',
  texts: { fr: 'Transformer et enrichir le manioc pour les cantines scolaires.' },
});

const ids = (suggestions: { documentId: string }[]) => suggestions.map((s) => s.documentId);

describe('ranking offers and solutions for a demand', () => {
  it('lets a French demand meet a Chinese offer through the codes alone, with no language in common', () => {
    const chineseOffer = profile('offer', 'offer-cassava-zh', {
      themes: ['value-chain-development'],
      countries: ['CN'],
      subregions: ['eastern-asia'],
      modalities: ['technology-transfer'],
      languages: ['zh'],
      validUntil: '2027-06-30',
      texts: { zh: '木薯加工与营养强化技术转让。' },
    });
    const [suggestion] = rankCandidates(congoDemand, [chineseOffer], { today });
    expect(suggestion).toEqual({
      documentId: 'offer-cassava-zh',
      type: 'offer',
      score: THEME_WEIGHT + SUPPORT_WEIGHT,
      reasons: [
        { code: 'same-theme', themes: ['value-chain-development'] },
        { code: 'fits-support', support: ['technology'], modalities: ['technology-transfer'] },
      ],
    });
    expect(describeSuggestion(suggestion)).toBe('same theme, fits the technology sought');
  });

  it('gives each reason with its data, in a fixed order, and a score that is the sum of their weights', () => {
    const offer = profile('offer', 'offer-full', {
      themes: ['post-harvest-loss', 'value-chain-development'],
      countries: ['CM'],
      subregions: ['middle-africa'],
      modalities: ['expert-deployment'],
      languages: ['fr-FR', 'en'],
      texts: { fr: 'Enrichir le manioc : transformer le manioc pour les cantines.' },
    });
    const [suggestion] = rankCandidates(congoDemand, [offer], { today });
    expect(suggestion.reasons.map((r) => r.code)).toEqual(['same-theme', 'neighbouring-country', 'fits-support', 'offered-in', 'similar-text']);
    expect(suggestion.reasons[1]).toEqual({ code: 'neighbouring-country', subregions: ['middle-africa'] });
    expect(suggestion.reasons[3]).toEqual({ code: 'offered-in', languages: ['fr'] });
    const similar = suggestion.reasons[4];
    expect(similar.code === 'similar-text' && similar.locales).toEqual(['fr']);
    const taxonomy = THEME_WEIGHT + NEIGHBOURING_COUNTRY_WEIGHT + SUPPORT_WEIGHT + LANGUAGE_WEIGHT;
    expect(suggestion.score).toBeGreaterThan(taxonomy);
    expect(suggestion.score).toBeLessThanOrEqual(taxonomy + TEXT_WEIGHT);
    expect(describeSuggestion(suggestion)).toBe('same theme, neighbouring country, fits the technology sought, offered in French, similar text in French');
  });

  it('names the same country rather than a neighbouring one when both records have the country', () => {
    const solution = profile('solution', 'solution-congo', { themes: ['value-chain-development'], countries: ['CG'], subregions: ['middle-africa'] });
    const [suggestion] = rankCandidates(congoDemand, [solution], { today });
    expect(suggestion.reasons.map((r) => r.code)).toEqual(['same-theme', 'same-country']);
    expect(suggestion.score).toBe(THEME_WEIGHT + SAME_COUNTRY_WEIGHT);
  });

  it('scales the theme weight by the share of the demand’s themes a candidate has', () => {
    const demand = { ...congoDemand, themes: ['value-chain-development', 'post-harvest-loss'], support: [] };
    const both = profile('solution', 'both', { themes: ['post-harvest-loss', 'value-chain-development'] });
    const one = profile('solution', 'one', { themes: ['post-harvest-loss', 'poverty-alleviation'] });
    expect(rankCandidates(demand, [one, both], { today }).map((s) => [s.documentId, s.score])).toEqual([
      ['both', THEME_WEIGHT],
      ['one', THEME_WEIGHT / 2],
    ]);
  });

  it('suggests only candidates that share a theme or answer the support sought, whatever else they share', () => {
    const sameEverythingElse = profile('offer', 'offer-unrelated', {
      themes: ['disaster-risk-reduction'],
      countries: ['CG'],
      subregions: ['middle-africa'],
      modalities: ['policy-advice'],
      languages: ['fr'],
      texts: { fr: 'Transformer et enrichir le manioc pour les cantines scolaires.' },
    });
    expect(rankCandidates(congoDemand, [sameEverythingElse], { today })).toEqual([]);
    const onlyFit = { ...sameEverythingElse, documentId: 'offer-fit', modalities: ['technology-transfer'] };
    expect(ids(rankCandidates(congoDemand, [onlyFit], { today }))).toEqual(['offer-fit']);
  });

  it('leaves out offers valid until before today, keeps one valid until today, and never expires solutions', () => {
    const base = profile('offer', 'x', { themes: ['value-chain-development'] });
    const candidates = [
      { ...base, documentId: 'offer-expired', validUntil: '2026-11-30' },
      { ...base, documentId: 'offer-last-day', validUntil: '2026-12-01' },
      { ...base, documentId: 'offer-open-ended' },
      { ...base, type: 'solution' as const, documentId: 'solution-old', validUntil: '2001-01-01' },
    ];
    expect(ids(rankCandidates(congoDemand, candidates, { today }))).toEqual(['offer-last-day', 'offer-open-ended', 'solution-old']);
    expect(ids(rankCandidates(congoDemand, candidates, { today: new Date('2026-12-02T08:00:00Z') }))).toEqual(['offer-open-ended', 'solution-old']);
  });

  it('breaks ties deterministically: offers before solutions, then by documentId, whatever the input order', () => {
    const tied = ['solution-b', 'offer-b', 'solution-a', 'offer-a'].map((id) =>
      profile(id.startsWith('offer') ? 'offer' : 'solution', id, { themes: ['value-chain-development'] }),
    );
    const expected = ['offer-a', 'offer-b', 'solution-a', 'solution-b'];
    expect(ids(rankCandidates(congoDemand, tied, { today }))).toEqual(expected);
    expect(ids(rankCandidates(congoDemand, [...tied].reverse(), { today }))).toEqual(expected);
    expect(new Set(rankCandidates(congoDemand, tied, { today }).map((s) => s.score)).size).toBe(1);
  });

  it('never lets similar text outrank a candidate with one more taxonomy reason', () => {
    expect(TEXT_WEIGHT).toBeLessThanOrEqual(Math.min(THEME_WEIGHT, SUPPORT_WEIGHT, LANGUAGE_WEIGHT, SAME_COUNTRY_WEIGHT, NEIGHBOURING_COUNTRY_WEIGHT));
    const neighbour = profile('solution', 'solution-neighbour', { themes: ['value-chain-development'], subregions: ['middle-africa'], countries: ['GA'] });
    const sameWords = profile('solution', 'solution-same-words', { themes: ['value-chain-development'], texts: congoDemand.texts });
    const ranked = rankCandidates(congoDemand, [sameWords, neighbour], { today });
    expect(ids(ranked)).toEqual(['solution-neighbour', 'solution-same-words']);
    expect(ranked[1].score).toBe(THEME_WEIGHT + TEXT_WEIGHT);
  });

  it('adds text only from the similarity threshold on, so that noise does not favour candidates written in the demand’s language', () => {
    const chinese = profile('offer', 'offer-a-zh', { themes: ['value-chain-development'], texts: { zh: '木薯加工' } });
    const faintlyFrench = profile('offer', 'offer-b-fr', {
      themes: ['value-chain-development'],
      texts: { fr: 'Un programme national de routes rurales, de ponts, de marchés, de pistes et de cantines.' },
    });
    const ranked = rankCandidates(congoDemand, [faintlyFrench, chinese], { today });
    expect(ids(ranked)).toEqual(['offer-a-zh', 'offer-b-fr']);
    expect(ranked[1].reasons.map((r) => r.code)).toEqual(['same-theme']);
  });

  it('ignores the demand itself and other demands, and honours the limit', () => {
    const candidates = [
      congoDemand,
      profile('demand', 'another-demand', { themes: ['value-chain-development'] }),
      ...['offer-1', 'offer-2', 'offer-3'].map((id) => profile('offer', id, { themes: ['value-chain-development'] })),
    ];
    expect(ids(rankCandidates(congoDemand, candidates, { today }))).toEqual(['offer-1', 'offer-2', 'offer-3']);
    expect(ids(rankCandidates(congoDemand, candidates, { today, limit: 2 }))).toEqual(['offer-1', 'offer-2']);
  });
});
