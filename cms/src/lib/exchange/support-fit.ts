/**
 * Which candidates answer which kind of support a demand seeks: the explicit mapping between a demand's
 * `supportSought` codes and an offer's `modality` (docs/solutions-exchange.md, "Matching").
 *
 * The codes are the shared enums of the `demand` and `offer` types (content-schemas' EXCHANGE_SUPPORT_KINDS and
 * OFFER_MODALITIES), generated into cms/src/generated/exchange-codes.ts (the CMS's build cannot import
 * content-schemas); support-fit.test.ts checks that the mapping covers every code.
 */
import { EXCHANGE_SUPPORT_KINDS as SUPPORT_KINDS, OFFER_MODALITIES } from '../../generated/exchange-codes';

export { SUPPORT_KINDS, OFFER_MODALITIES };
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type OfferModality = (typeof OFFER_MODALITIES)[number];

/**
 * The offer modalities that deliver each kind of support sought:
 * - know-how (how others solved the problem): experts sent to work beside the requester, a study tour or learning
 *   route to see it done, or policy advice when the know-how is about policy;
 * - training: a training course, or a study tour (a learning route is training in the field);
 * - technology: a technology transfer, or experts deployed to install and adapt it;
 * - partnership (working together over time): expert deployment and technology transfer, the two modalities
 *   that put the two sides to work together on the requester's ground;
 * - finance: none. No modality is money; an offer's cost sharing is free text a broker reads. A demand that seeks
 *   only finance is still ranked by theme, place and language, with no "fits the support sought" reason.
 */
export const MODALITIES_FOR_SUPPORT: Readonly<Record<SupportKind, readonly OfferModality[]>> = {
  'know-how': ['expert-deployment', 'study-tour', 'policy-advice'],
  training: ['training', 'study-tour'],
  technology: ['technology-transfer', 'expert-deployment'],
  partnership: ['expert-deployment', 'technology-transfer'],
  finance: [],
};

/** A solution is a documented good practice: it answers a demand for know-how, and nothing else. */
export const SUPPORT_FROM_SOLUTIONS: readonly SupportKind[] = ['know-how'];

function isSupportKind(code: string): code is SupportKind {
  return (SUPPORT_KINDS as readonly string[]).includes(code);
}

/**
 * The kinds of support sought (in the demand's order) that a candidate answers: an offer through one of its
 * modalities, a solution as know-how. Unknown codes answer nothing.
 */
export function supportAnswered(supportSought: readonly string[], candidate: { type: string; modalities: readonly string[] }): SupportKind[] {
  const sought = [...new Set(supportSought)].filter(isSupportKind);
  if (candidate.type === 'solution') return sought.filter((kind) => SUPPORT_FROM_SOLUTIONS.includes(kind));
  if (candidate.type !== 'offer') return [];
  return sought.filter((kind) => MODALITIES_FOR_SUPPORT[kind].some((modality) => candidate.modalities.includes(modality)));
}
