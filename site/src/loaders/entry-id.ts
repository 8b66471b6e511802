/** The id of one snapshot entry (one document in one locale) in its content collection. */
import type { LocaleCode } from '@ssc/content-schemas';

export const entryId = (locale: LocaleCode, documentId: string) => `${locale}/${documentId}`;
