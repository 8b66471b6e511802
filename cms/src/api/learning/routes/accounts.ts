/**
 * The account routes of the learning API (docs/cloud-school.md, "Routes"). Strapi's
 * authentication is off: the routes read the learner's session cookie themselves,
 * and the learner role holds no permission. `:locale` matches the model's locales only.
 */
import { localeCodes } from '../../../lib/model';

const open = { auth: false as const, policies: [], middlewares: [] };
const locale = `:locale(${localeCodes.join('|')})`;

export default {
  routes: [
    { method: 'POST', path: '/learning/register', handler: 'accounts.register', config: open },
    { method: 'POST', path: '/learning/sign-in', handler: 'accounts.signIn', config: open },
    { method: 'POST', path: '/learning/sign-out', handler: 'accounts.signOut', config: open },
    { method: 'GET', path: '/learning/confirm-email', handler: 'accounts.confirmEmail', config: open },
    { method: 'POST', path: '/learning/forgot-password', handler: 'accounts.forgotPassword', config: open },
    { method: 'GET', path: `/learning/${locale}/reset-password`, handler: 'accounts.resetPasswordForm', config: open },
    { method: 'POST', path: '/learning/reset-password', handler: 'accounts.resetPassword', config: open },
    { method: 'GET', path: `/learning/${locale}/my`, handler: 'accounts.my', config: open },
    { method: 'GET', path: '/learning/export', handler: 'accounts.export', config: open },
    { method: 'POST', path: '/learning/delete-account', handler: 'accounts.deleteAccount', config: open },
  ],
};
