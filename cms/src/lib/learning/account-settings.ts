/**
 * Settings of learner accounts (docs/configuration.md, "Learner accounts"): where the
 * forms send learners back to, password length, rate limits and lockout. Read from
 * the environment once per process.
 */
import type { Core } from '@strapi/strapi';
import { cmsUrlFrom, siteUrlFrom } from '../model';
import { envInt } from '../forms/env-int';

export interface AccountSettings {
  /** Public origin of the static site, where the form pages are. */
  siteUrl: string;
  /** Public origin of the CMS, for links in emails and the pages the CMS renders. */
  cmsUrl: string;
  passwordMinLength: number;
  /** Registrations per IP address and window. */
  registerPerIp: number;
  /** Registrations from everyone together per window. */
  registerGlobal: number;
  registerWindowSeconds: number;
  /** Sign-in (and password reset) requests per IP address and window. */
  signInPerIp: number;
  signInWindowSeconds: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockoutFailures: number;
  lockoutSeconds: number;
  /** SMTP is configured: emails are sent, new accounts must confirm their address. */
  emailEnabled: boolean;
}

const int = envInt;

export function readAccountSettings(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): AccountSettings {
  return {
    siteUrl: siteUrlFrom(env),
    cmsUrl: cmsUrlFrom(strapi.config.get('server.url'), env),
    passwordMinLength: int('LEARNER_PASSWORD_MIN_LENGTH', env.LEARNER_PASSWORD_MIN_LENGTH, 12, 8),
    registerPerIp: int('LEARNER_REGISTER_PER_IP', env.LEARNER_REGISTER_PER_IP, 5, 1),
    registerGlobal: int('LEARNER_REGISTER_GLOBAL', env.LEARNER_REGISTER_GLOBAL, 200, 1),
    registerWindowSeconds: int('LEARNER_REGISTER_WINDOW_MINUTES', env.LEARNER_REGISTER_WINDOW_MINUTES, 60, 1) * 60,
    signInPerIp: int('LEARNER_SIGN_IN_PER_IP', env.LEARNER_SIGN_IN_PER_IP, 30, 1),
    signInWindowSeconds: int('LEARNER_SIGN_IN_WINDOW_MINUTES', env.LEARNER_SIGN_IN_WINDOW_MINUTES, 15, 1) * 60,
    lockoutFailures: int('LEARNER_LOCKOUT_FAILURES', env.LEARNER_LOCKOUT_FAILURES, 5, 1),
    lockoutSeconds: int('LEARNER_LOCKOUT_MINUTES', env.LEARNER_LOCKOUT_MINUTES, 15, 1) * 60,
    emailEnabled: Boolean(env.SMTP_HOST),
  };
}

let cached: AccountSettings | undefined;

export const accountSettings = (strapi: Core.Strapi): AccountSettings => (cached ??= readAccountSettings(strapi));
