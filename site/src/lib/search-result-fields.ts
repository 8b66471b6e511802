/**
 * Values the search results list shows that travel as Pagefind filters rather than
 * metadata, so their words are not searchable (see SearchData.astro): the page's
 * date (YYYY-MM-DD) and the URL of its small image. No imports: the build's search
 * step and the browser code read these names too.
 */
export const RESULT_DATE = 'date';
export const RESULT_IMAGE = 'image';
