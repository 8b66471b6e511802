/** The CMS's schema files are generated from the content model (`npm run generate`) and committed: they must not drift. */
import { describe, expect, it } from 'vitest';
import { strapiFiles } from '@ssc/content-schemas';
import { diffGeneratedFiles } from '../lib/generated-files.ts';

describe('the Strapi schemas committed in cms/', () => {
  it('match what the content model generates (run `npm run generate` after changing the model)', () => {
    expect(diffGeneratedFiles(strapiFiles())).toEqual([]);
  });
});
