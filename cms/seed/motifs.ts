/** The illustration motifs the seed can render (see media.ts). */
export const MOTIFS = [
  'rice-field',
  'mushroom-grass',
  'cassava',
  'grain-storage',
  'flour-mill',
  'flood-resilience',
  'market',
  'classroom',
  'seminar',
  'drought',
  'fishing',
  'tea-hills',
] as const;

export type Motif = (typeof MOTIFS)[number];
