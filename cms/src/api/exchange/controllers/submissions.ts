/**
 * POST /api/exchange/submissions: a visitor's demand or offer, from the site's plain
 * form (HTML answers) or a script (JSON answers). Checks, in order: no files, the body's
 * size, the per-IP limit, the form's kind, the honeypot, each field, the global limit.
 * A submission that passes becomes a draft awaiting a broker (`moderation: submitted`);
 * nothing is ever published from here.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../../lib/koa';
import { bodyOf, wantsJson } from '../../../lib/forms/http';
import { pickLocale } from '../../../lib/forms/locale';
import { consume } from '../../../lib/syndication/rate-limit';
import { model } from '../../../lib/model';
import { say, type SubmissionMessageKey } from '../../../lib/exchange/submissions/messages';
import { renderDonePage, renderFormPage, renderRefusalPage } from '../../../lib/exchange/submissions/pages';
import { fakeReference } from '../../../lib/exchange/submissions/record';
import { submissionSettings } from '../../../lib/exchange/submissions/settings';
import { HONEYPOT_FIELD, isSubmissionKind, type SubmissionKind } from '../../../lib/exchange/submissions/spec';
import { storeSubmission, taxonomyIn } from '../../../lib/exchange/submissions/store';
import { checkSubmission, type Problem } from '../../../lib/exchange/submissions/validate';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => submissionSettings(strapi);

  function refuse(ctx: Context, status: number, locale: string, title: SubmissionMessageKey, text: string, name: string): void {
    if (wantsJson(ctx)) {
      ctx.status = status;
      ctx.body = { data: null, error: { status, name, message: text } };
      return;
    }
    renderRefusalPage(ctx, { status, locale, title, text, siteUrl: settings().siteUrl });
  }

  function tooMany(ctx: Context, locale: string, resetSeconds: number): void {
    ctx.set('Retry-After', String(resetSeconds));
    refuse(ctx, 429, locale, 'limit.title', say(locale, 'limit.text', { minutes: Math.max(1, Math.ceil(resetSeconds / 60)) }), 'RateLimitError');
  }

  function done(ctx: Context, kind: SubmissionKind, locale: string, reference: string): void {
    if (wantsJson(ctx)) {
      ctx.status = 201;
      ctx.body = { data: { kind, reference, moderation: 'submitted' } };
      return;
    }
    renderDonePage(ctx, { kind, locale, reference, siteUrl: settings().siteUrl });
  }

  return {
    async create(ctx: Context) {
      const s = settings();
      const body = bodyOf(ctx);
      const locale = pickLocale(body.locale);
      if (ctx.request.is('multipart')) return refuse(ctx, 415, locale, 'refused.title', say(locale, 'refused.files'), 'UnsupportedMediaTypeError');
      if ((ctx.request.length ?? 0) > s.maxBytes) return refuse(ctx, 413, locale, 'refused.title', say(locale, 'refused.tooLarge'), 'PayloadTooLargeError');

      const perIp = await consume(`exchange:submit:${ctx.ip}`, s.perIp, s.windowSeconds);
      if (!perIp.allowed) return tooMany(ctx, locale, perIp.resetSeconds);

      const kind = body.kind;
      if (!isSubmissionKind(kind)) return refuse(ctx, 400, locale, 'refused.title', say(locale, 'refused.kind'), 'ValidationError');
      const now = new Date();
      if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') {
        strapi.log.info(`[exchange] a ${kind} submission with the honeypot filled was dropped`);
        return done(ctx, kind, locale, fakeReference(kind, now.getUTCFullYear()));
      }

      const [countries, themes] = await Promise.all([kind === 'demand' ? taxonomyIn(strapi, 'country', locale) : [], taxonomyIn(strapi, 'theme', locale)]);
      const { values, problems } = checkSubmission(kind, body, {
        countries: new Set(countries.map((c) => c.slug)),
        themes: new Set(themes.map((t) => t.slug)),
        languages: model.locales.map((l) => l.code),
        today: now.toISOString().slice(0, 10),
      });
      if (Object.keys(problems).length) {
        if (wantsJson(ctx)) {
          const message = (p: Problem) => say(locale, `error.${p.code}`, { max: p.max ?? '' });
          ctx.status = 422;
          ctx.body = {
            data: null,
            error: {
              status: 422,
              name: 'ValidationError',
              message: say(locale, 'form.fix'),
              details: { errors: Object.entries(problems).map(([field, p]) => ({ path: [field], code: p.code, message: message(p) })) },
            },
          };
          return;
        }
        const choices = (rows: { slug: string; name: string }[]) => rows.map((r) => ({ value: r.slug, label: r.name || r.slug }));
        return renderFormPage(ctx, {
          kind,
          locale,
          values,
          problems,
          options: { countries: choices(countries), themes: choices(themes) },
          action: `${s.cmsUrl}/api/exchange/submissions`,
        });
      }

      const everyone = await consume('exchange:submit:all', s.global, s.windowSeconds);
      if (!everyone.allowed) return tooMany(ctx, locale, everyone.resetSeconds);

      const bySlug = (rows: { slug: string; documentId: string }[]) => new Map(rows.map((r) => [r.slug, r.documentId]));
      const countryIds = bySlug(countries);
      const themeIds = bySlug(themes);
      const { reference } = await storeSubmission(strapi, {
        kind,
        locale,
        values,
        links: {
          country: typeof values.country === 'string' ? countryIds.get(values.country) : undefined,
          themes: (Array.isArray(values.themes) ? values.themes : []).map((slug) => themeIds.get(slug)).filter((id): id is string => Boolean(id)),
        },
        now,
      });
      strapi.log.info(`[exchange] ${kind} ${reference} submitted in ${locale}, awaiting a broker`);
      return done(ctx, kind, locale, reference);
    },
  };
};
