/** How the admin names and colours each translation state. */
import type { TranslationState } from '../../lib/translations/states';

/** The order the page lists states in: what needs work first. */
export const STATE_ORDER: TranslationState[] = ['missing', 'outdated', 'draft', 'modified', 'published'];

export const STATE_LABEL: Record<TranslationState, string> = {
  missing: 'Missing',
  outdated: 'Outdated',
  draft: 'Draft (never published)',
  modified: 'Published, with unpublished changes',
  published: 'Published',
};

export const STATE_BADGE: Record<TranslationState, 'danger' | 'warning' | 'secondary' | 'alternative' | 'success'> = {
  missing: 'danger',
  outdated: 'warning',
  draft: 'secondary',
  modified: 'alternative',
  published: 'success',
};
