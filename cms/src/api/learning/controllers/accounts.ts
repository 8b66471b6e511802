/**
 * Learner accounts (docs/cloud-school.md, "Accounts"): registration, sign-in and
 * sign-out, email confirmation, password reset, "my learning", the data export and
 * account deletion. Strapi's authentication is off on these routes; the learner is
 * the one `currentLearner()` finds in the session cookie.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../../lib/koa';
import { accountSettings } from '../../../lib/learning/account-settings';
import { consume } from '../../../lib/syndication/rate-limit';
import { passwordProblem } from '../../../lib/learning/password-rules';
import { fail, succeed } from '../../../lib/learning/replies';
import { field, fromAllowedOrigin, queryParam, sitePath } from '../../../lib/learning/form-guards';
import { pickLocale, say } from '../../../lib/learning/messages';
import { sendMail } from '../../../lib/learning/mailer';
import { currentLearner, endSession, startSession } from '../../../lib/learning/session';
import { ensureLearnerRole } from '../../../lib/learning/learner-role';
import { deleteLearner, exportLearner, learnerCourses } from '../../../lib/learning/learner-data';
import { renderMyPage, renderResetPage } from '../../../lib/learning/pages';
import { hashCode, newConfirmationCode, newResetCode, resetCodeUsable } from '../../../lib/learning/one-time-codes';
import {
  accountByCode,
  accountByEmail,
  createLearner,
  isLearner,
  isLocked,
  learnerById,
  normalEmail,
  passwordMatches,
  recordFailedSignIn,
  updateAccount,
  userService,
  type LearnerAccount,
} from '../../../lib/learning/learner-accounts';

type LearnPage = 'sign-up' | 'sign-in' | 'forgot-password';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => accountSettings(strapi);
  const sitePage = (locale: string, page: LearnPage) => `${settings().siteUrl}/${locale}/learn/${page}/`;
  const myPage = (locale: string) => `${settings().cmsUrl}/api/learning/${locale}/my`;
  const resetPage = (locale: string, code: string) => `${settings().cmsUrl}/api/learning/${locale}/reset-password?code=${encodeURIComponent(code)}`;
  const ipKey = (what: string, ctx: Context) => `learning:${what}:${ctx.ip}`;

  async function sendConfirmation(account: Pick<LearnerAccount, 'id' | 'email'>, locale: string): Promise<void> {
    const code = newConfirmationCode();
    await updateAccount(strapi, account.id, { confirmationToken: hashCode(code) });
    const link = `${settings().cmsUrl}/api/learning/confirm-email?confirmation=${code}&locale=${locale}`;
    await sendMail(strapi, account.email, say(locale, 'email.confirm.subject'), say(locale, 'email.confirm.body', { link }));
  }

  /** Where a signed-in learner goes: the site path the form named, else "my learning". */
  const afterSignIn = (ctx: Context, locale: string) => {
    const path = sitePath(field(ctx, 'redirect'));
    return path ? `${settings().siteUrl}${path}` : myPage(locale);
  };

  return {
    async register(ctx: Context) {
      const s = settings();
      const locale = pickLocale(field(ctx, 'locale'));
      const back = sitePage(locale, 'sign-up');
      if (!fromAllowedOrigin(ctx, s, true)) return fail(ctx, 'bad-origin', back);
      const email = normalEmail(field(ctx, 'email'));
      if (!email) return fail(ctx, 'invalid-email', back);
      const password = field(ctx, 'password');
      const problem = passwordProblem(password, email, s.passwordMinLength);
      if (problem) return fail(ctx, problem, back);
      const perIp = await consume(ipKey('register', ctx), s.registerPerIp, s.registerWindowSeconds);
      if (!perIp.allowed) return fail(ctx, 'rate-limited', back, { 'Retry-After': String(perIp.resetSeconds) });
      const everyone = await consume('learning:register:all', s.registerGlobal, s.registerWindowSeconds);
      if (!everyone.allowed) return fail(ctx, 'registration-closed', back, { 'Retry-After': String(everyone.resetSeconds) });
      if (await accountByEmail(strapi, email)) return fail(ctx, 'email-taken', back);
      const roleId = await ensureLearnerRole(strapi);
      const code = s.emailEnabled ? newConfirmationCode() : null;
      const created = await createLearner(strapi, { email, password, locale, roleId, confirmationCodeHash: code && hashCode(code) });
      if (code) {
        const link = `${s.cmsUrl}/api/learning/confirm-email?confirmation=${code}&locale=${locale}`;
        await sendMail(strapi, email, say(locale, 'email.confirm.subject'), say(locale, 'email.confirm.body', { link }));
        return succeed(ctx, 'check-email', sitePage(locale, 'sign-in'));
      }
      await startSession(strapi, ctx, created);
      return succeed(ctx, 'welcome', myPage(locale));
    },

    async signIn(ctx: Context) {
      const s = settings();
      const locale = pickLocale(field(ctx, 'locale'));
      const back = sitePage(locale, 'sign-in');
      if (!fromAllowedOrigin(ctx, s, true)) return fail(ctx, 'bad-origin', back);
      const limit = await consume(ipKey('sign-in', ctx), s.signInPerIp, s.signInWindowSeconds);
      if (!limit.allowed) return fail(ctx, 'rate-limited', back, { 'Retry-After': String(limit.resetSeconds) });
      const email = normalEmail(field(ctx, 'email'));
      const found = email ? await accountByEmail(strapi, email) : null;
      const account = isLearner(found) ? found : null;
      if (account && isLocked(account)) return fail(ctx, 'locked', back);
      if (!(await passwordMatches(strapi, account, field(ctx, 'password'))) || !account || account.blocked) {
        if (account && (await recordFailedSignIn(strapi, account, s.lockoutFailures, s.lockoutSeconds))) return fail(ctx, 'locked', back);
        return fail(ctx, 'invalid-credentials', back);
      }
      if (!account.confirmed) {
        if (s.emailEnabled) await sendConfirmation(account, pickLocale(account.locale ?? locale));
        return fail(ctx, 'not-confirmed', back);
      }
      await updateAccount(strapi, account.id, { failedSignIns: 0, lockedUntil: null });
      await startSession(strapi, ctx, account);
      return succeed(ctx, 'signed-in', afterSignIn(ctx, locale));
    },

    async signOut(ctx: Context) {
      const locale = pickLocale(field(ctx, 'locale'));
      if (!fromAllowedOrigin(ctx, settings())) return fail(ctx, 'bad-origin', sitePage(locale, 'sign-in'));
      endSession(ctx);
      return succeed(ctx, 'signed-out', sitePage(locale, 'sign-in'));
    },

    async confirmEmail(ctx: Context) {
      const locale = pickLocale(queryParam(ctx, 'locale'));
      const code = queryParam(ctx, 'confirmation');
      const account = code ? await accountByCode(strapi, 'confirmationToken', hashCode(code)) : null;
      if (!account) return fail(ctx, 'invalid-link', sitePage(locale, 'sign-in'));
      await updateAccount(strapi, account.id, { confirmed: true, confirmationToken: null });
      await startSession(strapi, ctx, account);
      return succeed(ctx, 'confirmed', myPage(pickLocale(account.locale ?? locale)));
    },

    async forgotPassword(ctx: Context) {
      const s = settings();
      const locale = pickLocale(field(ctx, 'locale'));
      const back = sitePage(locale, 'forgot-password');
      if (!fromAllowedOrigin(ctx, s, true)) return fail(ctx, 'bad-origin', back);
      if (!s.emailEnabled) return fail(ctx, 'reset-unavailable', back);
      const limit = await consume(ipKey('forgot-password', ctx), s.signInPerIp, s.signInWindowSeconds);
      if (!limit.allowed) return fail(ctx, 'rate-limited', back, { 'Retry-After': String(limit.resetSeconds) });
      const email = normalEmail(field(ctx, 'email'));
      const found = email ? await accountByEmail(strapi, email) : null;
      // The same answer whether or not the address has an account.
      if (isLearner(found) && !found.blocked) {
        const code = newResetCode();
        await updateAccount(strapi, found.id, { resetPasswordToken: hashCode(code) });
        const mailLocale = pickLocale(found.locale ?? locale);
        await sendMail(strapi, found.email, say(mailLocale, 'email.reset.subject'), say(mailLocale, 'email.reset.body', { link: resetPage(mailLocale, code) }));
      }
      return succeed(ctx, 'reset-sent', back);
    },

    async resetPasswordForm(ctx: Context) {
      const s = settings();
      const locale = pickLocale(ctx.params.locale);
      const code = queryParam(ctx, 'code');
      renderResetPage(ctx, { locale, code, minLength: s.passwordMinLength, siteUrl: s.siteUrl, cmsUrl: s.cmsUrl });
    },

    async resetPassword(ctx: Context) {
      const s = settings();
      const locale = pickLocale(field(ctx, 'locale'));
      const code = field(ctx, 'code');
      const back = resetPage(locale, code);
      if (!fromAllowedOrigin(ctx, s, true)) return fail(ctx, 'bad-origin', back);
      const limit = await consume(ipKey('reset-password', ctx), s.signInPerIp, s.signInWindowSeconds);
      if (!limit.allowed) return fail(ctx, 'rate-limited', back, { 'Retry-After': String(limit.resetSeconds) });
      const account = resetCodeUsable(code) ? await accountByCode(strapi, 'resetPasswordToken', hashCode(code)) : null;
      if (!account) return fail(ctx, 'invalid-link', back);
      const password = field(ctx, 'password');
      const problem = passwordProblem(password, account.email, s.passwordMinLength);
      if (problem) return fail(ctx, problem, back);
      await userService(strapi).edit(account.id, { password });
      // Following the emailed link proves the address too.
      await updateAccount(strapi, account.id, { resetPasswordToken: null, failedSignIns: 0, lockedUntil: null, confirmed: true, confirmationToken: null });
      return succeed(ctx, 'password-changed', sitePage(locale, 'sign-in'));
    },

    async my(ctx: Context) {
      const s = settings();
      const locale = pickLocale(ctx.params.locale);
      const learner = await currentLearner(strapi, ctx);
      if (!learner) return fail(ctx, 'not-signed-in', sitePage(locale, 'sign-in'));
      const status = queryParam(ctx, 'status') || null;
      renderMyPage(ctx, { locale, email: learner.email, courses: await learnerCourses(strapi, learner.id), status, siteUrl: s.siteUrl, cmsUrl: s.cmsUrl });
    },

    async export(ctx: Context) {
      const learner = await currentLearner(strapi, ctx);
      if (!learner) return fail(ctx, 'not-signed-in', sitePage(pickLocale(queryParam(ctx, 'locale')), 'sign-in'));
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', 'attachment; filename="my-learning-data.json"');
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = JSON.stringify(await exportLearner(strapi, learner.id), null, 2);
    },

    async deleteAccount(ctx: Context) {
      const s = settings();
      const learner = await currentLearner(strapi, ctx);
      const locale = pickLocale(field(ctx, 'locale') || learner?.locale);
      if (!learner) return fail(ctx, 'not-signed-in', sitePage(locale, 'sign-in'));
      if (!fromAllowedOrigin(ctx, s)) return fail(ctx, 'bad-origin', myPage(locale));
      const account = await learnerById(strapi, learner.id);
      if (!(await passwordMatches(strapi, account, field(ctx, 'password')))) return fail(ctx, 'wrong-password', myPage(locale));
      await deleteLearner(strapi, learner.id);
      endSession(ctx);
      strapi.log.info(`[learning] learner ${learner.id} deleted their account`);
      return succeed(ctx, 'deleted', sitePage(locale, 'sign-up'));
    },
  };
};
