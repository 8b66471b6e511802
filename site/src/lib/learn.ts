/**
 * The Cloud School's account pages (docs/cloud-school.md, "Accounts"): plain forms
 * posting to the CMS, which redirects back here with `?status=<status>#status-<status>`
 * or `#error-<code>`. Each page holds the message of every status and error it can
 * be sent back with, hidden until the fragment targets it (CSS `:target`, no script).
 */
import { DEFAULT_CMS_PUBLIC_URL, type LocaleCode } from '@ssc/content-schemas';

export const LEARN_FORMS = ['sign-up', 'sign-in', 'forgot-password'] as const;
export type LearnForm = (typeof LEARN_FORMS)[number];

/** The CMS's public origin (SSC_CMS_PUBLIC_URL at build time, see lib/config.ts). */
export const cmsPublicUrl: string = (import.meta.env.SSC_CMS_PUBLIC_URL as string | undefined) || DEFAULT_CMS_PUBLIC_URL;

/** The CMS's default; a server with LEARNER_PASSWORD_MIN_LENGTH set higher says so when it refuses one. */
export const PASSWORD_MIN_LENGTH = 12;

export const learnPath = (locale: LocaleCode, form: LearnForm) => `/${locale}/learn/${form}/`;

/** Where each form posts. */
export const FORM_ACTIONS: Record<LearnForm, string> = { 'sign-up': 'register', 'sign-in': 'sign-in', 'forgot-password': 'forgot-password' };

/** The errors the CMS can send each page back with. */
export const FORM_ERRORS: Record<LearnForm, string[]> = {
  'sign-up': [
    'invalid-email',
    'email-taken',
    'password-too-short',
    'password-too-long',
    'password-is-email',
    'password-too-common',
    'rate-limited',
    'registration-closed',
    'bad-origin',
  ],
  'sign-in': ['invalid-credentials', 'locked', 'not-confirmed', 'rate-limited', 'invalid-link', 'not-signed-in', 'bad-origin'],
  'forgot-password': ['reset-unavailable', 'rate-limited', 'bad-origin'],
};

/** The statuses the CMS can send each page after a success. */
export const FORM_STATUSES: Record<LearnForm, string[]> = {
  'sign-up': ['deleted'],
  'sign-in': ['check-email', 'signed-out', 'password-changed'],
  'forgot-password': ['reset-sent'],
};
