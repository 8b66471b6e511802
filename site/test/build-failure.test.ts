/** Which pages a failed Astro build was rendering, read from its log (what the release step uses to find the entries to leave out). */
import { describe, expect, it } from 'vitest';
import { failedPagesIn } from '../lib/build-failure.ts';

describe('the pages a failed build names', () => {
  it('are the pages Astro failed to render', () => {
    const log = '12:00:00 [ERROR] [build] Caught error rendering /fr/policies/china-rural-revitalization-promotion-law-2021/: RangeError: Invalid time value\n';
    expect(failedPagesIn(log)).toEqual(['/fr/policies/china-rural-revitalization-promotion-law-2021/']);
  });
});
