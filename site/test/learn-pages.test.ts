/**
 * The Cloud School's account pages: in every locale (right to left in Arabic), a plain
 * form posting to the CMS, no script, and a hidden message for every status and error
 * the CMS can send the page back with, shown by `:target`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CMS_PUBLIC_URL, locales } from '@ssc/content-schemas';
import { FORM_ACTIONS, FORM_ERRORS, FORM_STATUSES, LEARN_FORMS } from '../src/lib/learn.ts';
import { page, site } from './helpers.ts';
import fs from 'node:fs';
import path from 'node:path';

describe('learner account pages', () => {
  it('exist in every locale, in its direction, with a form posting to the CMS and no script', () => {
    for (const l of locales)
      for (const form of LEARN_FORMS) {
        const p = page(`/${l.code}/learn/${form}/`);
        const html = p.doc.querySelector('html')!;
        expect(html.getAttribute('lang'), p.url).toBe(l.tag);
        expect(html.getAttribute('dir'), p.url).toBe(l.dir);
        const f = p.doc.querySelector('form.learn-form')!;
        expect(f.getAttribute('method'), p.url).toBe('post');
        expect(f.getAttribute('action'), p.url).toBe(`${DEFAULT_CMS_PUBLIC_URL}/api/learning/${FORM_ACTIONS[form]}`);
        expect(f.querySelector('input[name="locale"]')!.getAttribute('value'), p.url).toBe(l.code);
        expect(f.querySelector('input[name="email"]')!.getAttribute('type'), p.url).toBe('email');
        expect(Boolean(f.querySelector('input[name="password"]')), p.url).toBe(form !== 'forgot-password');
        expect(p.doc.querySelectorAll('script'), p.url).toHaveLength(0);
        expect(p.doc.querySelector('meta[name="robots"]')?.getAttribute('content'), p.url).toBe('noindex');
      }
  });

  it('holds a message for every error and status the CMS can send back, each different', () => {
    for (const l of locales)
      for (const form of LEARN_FORMS) {
        const p = page(`/${l.code}/learn/${form}/`);
        const ids = [...FORM_ERRORS[form].map((c) => `error-${c}`), ...FORM_STATUSES[form].map((s) => `status-${s}`)];
        const texts = ids.map((id) => {
          const el = p.doc.getElementById(id);
          expect(el, `${p.url}#${id}`).not.toBeNull();
          expect(el!.classList.contains('form-message'), `${p.url}#${id}`).toBe(true);
          return el!.text.trim();
        });
        expect(new Set(texts).size, p.url).toBe(texts.length);
      }
  });

  it('shows a message only when the fragment targets it', () => {
    const cssDir = path.join(site.dir, '_astro');
    const css = fs
      .readdirSync(cssDir)
      .filter((f) => f.endsWith('.css'))
      .map((f) => fs.readFileSync(path.join(cssDir, f), 'utf8'))
      .join('');
    expect(css).toMatch(/\.form-message\{[^}]*display:none/);
    expect(css).toMatch(/\.form-message:target\{[^}]*display:block/);
  });
});
