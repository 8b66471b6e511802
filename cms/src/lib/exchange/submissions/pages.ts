/**
 * The pages the CMS renders for a submitter, without JavaScript, in the submitter's
 * language and direction: the form again with the values entered and each field's
 * problem beside it, the confirmation with the reference and what happens next, and a
 * refusal (too many submissions, too large, files). Every value is escaped.
 */
import type { Context } from '../../koa';
import { escapeHtml, html } from '../../forms/http';
import { model } from '../../model';
import { say, type SubmissionMessageKey } from './messages';
import { HONEYPOT_FIELD, SUBMISSION_FIELDS, type FieldSpec, type SubmissionKind } from './spec';
import type { Problem, Values } from './validate';

export interface Choice {
  value: string;
  label: string;
}

export interface FormOptions {
  countries: Choice[];
  themes: Choice[];
}

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1b1b1b}
h1{font-size:1.5rem}label,legend{display:block;font-weight:600;margin-block-start:1rem}
input[type=text],input[type=email],input[type=date],select,textarea{font:inherit;padding:.4rem;inline-size:100%;box-sizing:border-box}
textarea{min-block-size:6rem}fieldset{border:0;padding:0;margin:0}fieldset label{font-weight:400;margin:0}
button{font:inherit;padding:.5rem 1.2rem;margin-block:1rem}.problem{color:#b00020;margin:.2rem 0}
.alert{padding:.5rem;border-inline-start:4px solid #b00020}.note{padding:.5rem;border-inline-start:4px solid #0a6}
.reference{font-size:1.4rem;font-weight:700}.hp{position:absolute;inset-inline-start:-10000px}`;

const localeOf = (code: string) => model.locales.find((l) => l.code === code) ?? model.locales[0];

function send(ctx: Context, status: number, locale: string, title: string, body: string, formTargets: string[] = []): void {
  const info = localeOf(locale);
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${formTargets.join(' ')}; base-uri 'none'; frame-ancestors 'none'`,
  );
  ctx.set('Referrer-Policy', 'no-referrer');
  html(
    ctx,
    status,
    `<!doctype html><html lang="${escapeHtml(info.tag)}" dir="${info.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`,
  );
}

/** The label of one choice of a coded list: `modality.training`, `support.finance`. */
const codeLabel = (locale: string, field: string, code: string) =>
  say(locale, `${field === 'modality' ? 'modality' : 'support'}.${code}` as SubmissionMessageKey);

function choicesOf(spec: FieldSpec & { kind: 'choice' | 'choices' }, locale: string, options: FormOptions): Choice[] {
  if (spec.taxonomy === 'country') return options.countries;
  if (spec.taxonomy === 'theme') return options.themes;
  if (spec.kind === 'choices' && spec.languages) return model.locales.map((l) => ({ value: l.code, label: l.name }));
  return (spec.choices ?? []).map((code) => ({ value: code, label: codeLabel(locale, spec.name, code) }));
}

function fieldHtml(spec: FieldSpec, locale: string, value: string | string[], problem: Problem | undefined, options: FormOptions): string {
  const t = (key: SubmissionMessageKey) => escapeHtml(say(locale, key));
  const id = `f-${spec.name}`;
  const label = `${t(`field.${spec.name}` as SubmissionMessageKey)}${spec.required ? '' : ` <small>${t('form.optional')}</small>`}`;
  const message = problem ? `<p class="problem" id="${id}-problem">${escapeHtml(say(locale, `error.${problem.code}`, { max: problem.max ?? '' }))}</p>` : '';
  const aria = problem ? ` aria-invalid="true" aria-describedby="${id}-problem"` : '';
  const required = spec.required ? ' required' : '';
  const name = escapeHtml(spec.name);
  const text = typeof value === 'string' ? escapeHtml(value) : '';
  switch (spec.kind) {
    case 'textarea':
      return `<label for="${id}">${label}</label>${message}<textarea id="${id}" name="${name}" maxlength="${spec.max}"${required}${aria}>${text}</textarea>`;
    case 'text':
    case 'email':
      return `<label for="${id}">${label}</label>${message}<input id="${id}" type="${spec.kind}" name="${name}" value="${text}" maxlength="${spec.max}"${required}${aria}${spec.kind === 'email' ? ' dir="ltr" autocomplete="email"' : ''}>`;
    case 'date':
      return `<label for="${id}">${label}</label>${message}<input id="${id}" type="date" name="${name}" value="${text}"${required}${aria}>`;
    case 'choice': {
      const opts = choicesOf(spec, locale, options)
        .map((c) => `<option value="${escapeHtml(c.value)}"${c.value === value ? ' selected' : ''}>${escapeHtml(c.label)}</option>`)
        .join('');
      return `<label for="${id}">${label}</label>${message}<select id="${id}" name="${name}"${required}${aria}><option value="">${t('form.choose')}</option>${opts}</select>`;
    }
    case 'choices': {
      const picked = new Set(Array.isArray(value) ? value : []);
      const boxes = choicesOf(spec, locale, options)
        .map(
          (c) =>
            `<label><input type="checkbox" name="${name}" value="${escapeHtml(c.value)}"${picked.has(c.value) ? ' checked' : ''}> ${escapeHtml(c.label)}</label>`,
        )
        .join('');
      return `<fieldset id="${id}"${aria}><legend>${label}</legend>${message}${boxes}</fieldset>`;
    }
  }
}

export interface FormPageInput {
  kind: SubmissionKind;
  locale: string;
  values: Values;
  problems: Record<string, Problem>;
  options: FormOptions;
  /** Where the form posts: the CMS's public submissions URL. */
  action: string;
}

/** The form again, `422`: the values entered, each field's problem beside it. */
export function renderFormPage(ctx: Context, input: FormPageInput): void {
  const { kind, locale, values, problems, options } = input;
  const t = (key: SubmissionMessageKey) => escapeHtml(say(locale, key));
  const fields = SUBMISSION_FIELDS[kind];
  const contactStart = fields.findIndex((f) => f.name === 'contactName');
  const render = (spec: FieldSpec) => fieldHtml(spec, locale, values[spec.name] ?? '', problems[spec.name], options);
  send(
    ctx,
    422,
    locale,
    say(locale, `form.${kind}.title`),
    `<h1>${t(`form.${kind}.title`)}</h1><p class="alert" role="alert">${t('form.fix')}</p><p>${t(`form.${kind}.intro`)}</p>
<form method="post" action="${escapeHtml(input.action)}"><input type="hidden" name="kind" value="${kind}"><input type="hidden" name="locale" value="${escapeHtml(locale)}">
${fields.slice(0, contactStart).map(render).join('\n')}
<h2>${t('form.contact')}</h2><p>${t('form.contactNote')}</p>
${fields.slice(contactStart).map(render).join('\n')}
<div class="hp" aria-hidden="true"><label for="f-hp">Website</label><input id="f-hp" type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<button>${t('form.submit')}</button></form>`,
    [new URL(input.action).origin],
  );
}

/** The confirmation: the reference and what happens next, `201` (a fake reference for a bot looks the same). */
export function renderDonePage(ctx: Context, input: { kind: SubmissionKind; locale: string; reference: string; siteUrl: string }): void {
  const { kind, locale } = input;
  const t = (key: SubmissionMessageKey) => escapeHtml(say(locale, key));
  send(
    ctx,
    201,
    locale,
    say(locale, `done.${kind}.title`),
    `<h1>${t(`done.${kind}.title`)}</h1><p class="note" role="status">${t('done.reference')} <bdi class="reference" dir="ltr" id="reference">${escapeHtml(input.reference)}</bdi></p>
<p>${t('done.keep')}</p><h2>${t('done.next')}</h2><ol><li>${t('done.step1')}</li><li>${t('done.step2')}</li><li>${t('done.step3')}</li></ol>
<p><a href="${escapeHtml(`${input.siteUrl}/${locale}/`)}">${t('done.back')}</a></p>`,
  );
}

/** A refusal that no field explains (too many, too large, files, unknown form). */
export function renderRefusalPage(ctx: Context, input: { status: number; locale: string; title: SubmissionMessageKey; text: string; siteUrl: string }): void {
  const { locale } = input;
  send(
    ctx,
    input.status,
    locale,
    say(locale, input.title),
    `<h1>${escapeHtml(say(locale, input.title))}</h1><p class="alert" role="alert">${escapeHtml(input.text)}</p><p><a href="${escapeHtml(`${input.siteUrl}/${locale}/`)}">${escapeHtml(say(locale, 'done.back'))}</a></p>`,
  );
}
