import { describe, expect, it } from 'vitest';
import { MODALITIES_FOR_SUPPORT, OFFER_MODALITIES, SUPPORT_FROM_SOLUTIONS, SUPPORT_KINDS, supportAnswered } from './support-fit';

const offer = (modality: string) => ({ type: 'offer', modalities: [modality] });
const solution = { type: 'solution', modalities: [] };

describe('the mapping between support sought and offer modalities', () => {
  it('has an entry for every kind of support, and every modality answers at least one kind', () => {
    expect(Object.keys(MODALITIES_FOR_SUPPORT).sort()).toEqual([...SUPPORT_KINDS].sort());
    for (const modality of OFFER_MODALITIES) {
      expect(SUPPORT_KINDS.filter((kind) => MODALITIES_FOR_SUPPORT[kind].includes(modality)).length, modality).toBeGreaterThan(0);
    }
  });

  it('answers each kind of support with the modalities the design names', () => {
    expect(supportAnswered(['training'], offer('training'))).toEqual(['training']);
    expect(supportAnswered(['training'], offer('study-tour'))).toEqual(['training']);
    expect(supportAnswered(['training'], offer('policy-advice'))).toEqual([]);
    expect(supportAnswered(['technology'], offer('technology-transfer'))).toEqual(['technology']);
    expect(supportAnswered(['technology'], offer('expert-deployment'))).toEqual(['technology']);
    expect(supportAnswered(['technology'], offer('training'))).toEqual([]);
    expect(supportAnswered(['know-how'], offer('policy-advice'))).toEqual(['know-how']);
    expect(supportAnswered(['know-how'], offer('study-tour'))).toEqual(['know-how']);
    expect(supportAnswered(['partnership'], offer('technology-transfer'))).toEqual(['partnership']);
    expect(supportAnswered(['partnership'], offer('study-tour'))).toEqual([]);
  });

  it('answers finance with no modality at all', () => {
    for (const modality of OFFER_MODALITIES) expect(supportAnswered(['finance'], offer(modality))).toEqual([]);
    expect(supportAnswered(['finance'], solution)).toEqual([]);
  });

  it('lets a solution answer know-how and nothing else', () => {
    expect(SUPPORT_FROM_SOLUTIONS).toEqual(['know-how']);
    expect(supportAnswered([...SUPPORT_KINDS], solution)).toEqual(['know-how']);
  });

  it('lists the kinds answered in the demand’s order, once each, ignoring unknown codes and other types', () => {
    expect(supportAnswered(['technology', 'know-how', 'technology', 'money'], offer('expert-deployment'))).toEqual(['technology', 'know-how']);
    expect(supportAnswered(['know-how'], { type: 'demand', modalities: ['expert-deployment'] })).toEqual([]);
  });
});
