/**
 * The two small pages the CMS renders for learners, without JavaScript: "my
 * learning" and the new-password form that the reset email links to. Every value
 * is escaped; the page's own CSP allows its inline style and its forms, which post
 * to the CMS and may be redirected to the site.
 */
import type { Context } from '../koa';
import { escapeHtml } from '../forms/http';
import { localeInfo, say, type MessageKey } from './messages';
import type { CourseSummary } from './learner-data';
import { collectionByName, itemSitePath } from '../model';

const courses = collectionByName.get('course');
/** A course's page on the site, and the list of courses (the model's paths). */
const coursePath = (locale: string, slug: string) => (courses ? itemSitePath(courses, locale, slug) : `/${locale}/`);
const courseListPath = (locale: string) => (courses ? `/${locale}/${courses.pluralName}/` : `/${locale}/`);

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1b1b1b}
h1{font-size:1.5rem}label{display:block;margin-block:.5rem}input{font:inherit;padding:.4rem;inline-size:100%;box-sizing:border-box}
button{font:inherit;padding:.4rem 1rem;margin-block:.5rem}.note{padding:.5rem;border-inline-start:4px solid #0a6}
.error{padding:.5rem;border-inline-start:4px solid #b00020;display:none}.error:target{display:block}
ul.courses{padding:0;list-style:none}ul.courses li{padding-block:.5rem;border-block-end:1px solid #ddd}`;

function page(ctx: Context, locale: string, title: string, body: string, formTargets: string[]): void {
  const info = localeInfo(locale);
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${formTargets.join(' ')}; base-uri 'none'; frame-ancestors 'none'`,
  );
  ctx.set('Cache-Control', 'no-store');
  // Not no-referrer: a browser then sends `Origin: null` with the page's own forms, which sign-out and deletion refuse.
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html><html lang="${escapeHtml(info.tag)}" dir="${info.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

const errorBlocks = (locale: string, codes: MessageKey[]) =>
  codes.map((key) => `<p class="error" role="alert" id="${escapeHtml(key.replace('.', '-'))}">${escapeHtml(say(locale, key))}</p>`).join('');

export interface MyPageInput {
  locale: string;
  email: string;
  courses: CourseSummary[];
  /** A status to show (`welcome`, `confirmed`, `signed-in`). */
  status: string | null;
  siteUrl: string;
  cmsUrl: string;
}

export function renderMyPage(ctx: Context, input: MyPageInput): void {
  const { locale, siteUrl, cmsUrl } = input;
  const t = (key: MessageKey, values?: Record<string, string | number>) => escapeHtml(say(locale, key, values));
  const statusKey = `status.${input.status}` as MessageKey;
  const status = input.status && ['welcome', 'confirmed', 'signed-in'].includes(input.status) ? `<p class="note" role="status">${t(statusKey)}</p>` : '';
  const courses = input.courses.length
    ? `<ul class="courses">${input.courses
        .map((c) => {
          const name = escapeHtml(c.title || c.slug || c.courseDocumentId);
          const link = c.slug ? `<a href="${escapeHtml(`${siteUrl}${coursePath(c.locale, c.slug)}`)}">${name}</a>` : name;
          const state = c.completedAt ? t('my.completed') : t('my.progress', { done: c.lessonsDone, total: c.lessonsRequired });
          const certificate = c.certificateUrl ? ` · <a href="${escapeHtml(c.certificateUrl)}">${t('my.certificate')}</a>` : '';
          return `<li>${link}<br><progress max="${c.lessonsRequired}" value="${c.lessonsDone}"></progress> ${state}${certificate}</li>`;
        })
        .join('')}</ul>`
    : `<p>${t('my.none')}</p>`;
  const api = `${cmsUrl}/api/learning`;
  page(
    ctx,
    locale,
    say(locale, 'my.title'),
    `<h1>${t('my.title')}</h1>${status}${errorBlocks(locale, ['error.wrong-password', 'error.bad-origin'])}
<p>${t('my.signedInAs').replace('{email}', `<bdi dir="ltr">${escapeHtml(input.email)}</bdi>`)}</p>
${courses}
<p><a href="${escapeHtml(`${siteUrl}${courseListPath(locale)}`)}">${t('my.browse')}</a></p>
<form method="post" action="${api}/sign-out"><input type="hidden" name="locale" value="${escapeHtml(locale)}"><button>${t('my.signOut')}</button></form>
<h2>${t('my.yourData')}</h2>
<p><a href="${api}/export" download>${t('my.export')}</a></p>
<form method="post" action="${api}/delete-account"><input type="hidden" name="locale" value="${escapeHtml(locale)}">
<p>${t('my.deleteHelp')}</p><label>${t('my.password')} <input type="password" name="password" autocomplete="current-password" required></label>
<button>${t('my.delete')}</button></form>`,
    [new URL(siteUrl).origin, new URL(cmsUrl).origin],
  );
}

export interface ResetPageInput {
  locale: string;
  code: string;
  minLength: number;
  siteUrl: string;
  cmsUrl: string;
}

export function renderResetPage(ctx: Context, input: ResetPageInput): void {
  const { locale } = input;
  const t = (key: MessageKey, values?: Record<string, string | number>) => escapeHtml(say(locale, key, values));
  page(
    ctx,
    locale,
    say(locale, 'reset.title'),
    `<h1>${t('reset.title')}</h1>${errorBlocks(locale, [
      'error.password-too-short',
      'error.password-too-long',
      'error.password-is-email',
      'error.password-too-common',
      'error.invalid-link',
      'error.bad-origin',
    ])}
<form method="post" action="${input.cmsUrl}/api/learning/reset-password"><input type="hidden" name="locale" value="${escapeHtml(locale)}">
<input type="hidden" name="code" value="${escapeHtml(input.code)}">
<label>${t('reset.password', { min: input.minLength })} <input type="password" name="password" autocomplete="new-password" minlength="${input.minLength}" required></label>
<button>${t('reset.submit')}</button></form>`,
    [new URL(input.siteUrl).origin, new URL(input.cmsUrl).origin],
  );
}
