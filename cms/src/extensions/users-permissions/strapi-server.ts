/**
 * Learner accounts (docs/cloud-school.md, "Accounts") keep three more fields on the
 * Users & Permissions user, all private (never in an API answer): the locale the
 * learner chose (emails and the pages the CMS renders speak it), and the sign-in
 * failures in a row with the time the account stays locked until.
 */
interface PluginWithUser {
  contentTypes: { user: { schema: { attributes: Record<string, Record<string, unknown>> } } };
}

export default (plugin: PluginWithUser): PluginWithUser => {
  const attributes = plugin.contentTypes.user.schema.attributes;
  attributes.locale = { type: 'string', maxLength: 16, private: true, configurable: false };
  attributes.failedSignIns = { type: 'integer', default: 0, private: true, configurable: false };
  attributes.lockedUntil = { type: 'datetime', private: true, configurable: false };
  return plugin;
};
