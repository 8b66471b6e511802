/** The syndication content types (cms/src/api/syndication/content-types). */
export const CHANGE_UID = 'api::syndication.change';
export const ITEM_UID = 'api::syndication.item';
export const PARTNER_TOKEN_UID = 'api::syndication.partner-token';

export type ChangeKind = 'publish' | 'update' | 'unpublish' | 'delete';
