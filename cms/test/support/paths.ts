import path from 'node:path';

/** The CMS package (cms/). */
export const cmsDir = path.resolve(import.meta.dirname, '..', '..');
