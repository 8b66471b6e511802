import { describe, expect, it } from 'vitest';
import { summarizeSamples } from '../bench/samples.ts';

describe('summarizing benchmark samples', () => {
  it('reports the middle sample as the median and the slowest as the worst', () => {
    expect(summarizeSamples([3.2, 1.1, 9.9, 2.0, 2.5])).toEqual({ medianSeconds: 2.5, worstSeconds: 9.9 });
  });

  it('averages the two middle samples of an even count, and refuses no samples', () => {
    expect(summarizeSamples([4, 1, 2, 3])).toEqual({ medianSeconds: 2.5, worstSeconds: 4 });
    expect(() => summarizeSamples([])).toThrow();
  });
});
