/**
 * The exchange's "Post a demand" and "Post an offer" pages: in every locale (right to
 * left in Arabic), a plain form posting to the CMS with the hidden kind, locale and
 * honeypot, every field labelled in the page's language, no script; the demands and
 * offers lists link to them.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CMS_PUBLIC_URL, locales } from '@ssc/content-schemas';
import { EXCHANGE_FORMS, FORM_FIELDS, HONEYPOT_FIELD, KIND_OF } from '../src/lib/exchange-forms.ts';
import { page } from './helpers.ts';

describe('exchange submission pages', () => {
  it('exist in every locale, in its direction, with a form posting to the CMS and no script', () => {
    for (const l of locales)
      for (const form of EXCHANGE_FORMS) {
        const p = page(`/${l.code}/exchange/${form}/`);
        const html = p.doc.querySelector('html')!;
        expect(html.getAttribute('lang'), p.url).toBe(l.tag);
        expect(html.getAttribute('dir'), p.url).toBe(l.dir);
        expect(p.doc.querySelectorAll('script'), p.url).toHaveLength(0);
        expect(p.doc.querySelector('meta[name="robots"]')?.getAttribute('content'), p.url).toBe('noindex');
        const f = p.doc.querySelector('form.exchange-form')!;
        expect(f.getAttribute('method'), p.url).toBe('post');
        expect(f.getAttribute('action'), p.url).toBe(`${DEFAULT_CMS_PUBLIC_URL}/api/exchange/submissions`);
        expect(f.querySelector('input[name="kind"]')!.getAttribute('value'), p.url).toBe(KIND_OF[form]);
        expect(f.querySelector('input[name="locale"]')!.getAttribute('value'), p.url).toBe(l.code);
        expect(f.querySelector(`input[name="${HONEYPOT_FIELD}"]`)!.getAttribute('type'), p.url).toBe('text');
        expect(f.querySelector('input[type="file"]'), p.url).toBeNull();
        for (const field of FORM_FIELDS[form]) {
          const control = f.querySelector(`[name="${field.name}"]`);
          expect(control, `${p.url} ${field.name}`).not.toBeNull();
          if (field.kind === 'checkboxes') {
            expect(f.querySelector(`fieldset#exchange-${field.name} legend`)?.text.trim(), `${p.url} ${field.name}`).toBeTruthy();
          } else {
            const label = f.querySelector(`label[for="exchange-${field.name}"]`)?.text.trim();
            expect(label, `${p.url} ${field.name}`).toBeTruthy();
            expect(control!.hasAttribute('required'), `${p.url} ${field.name}`).toBe(field.required);
          }
        }
      }
  });

  it('offer the snapshot’s countries and themes and the coded choices, labelled in the page’s language', () => {
    const fr = page('/fr/exchange/post-demand/');
    expect(fr.doc.querySelectorAll('select[name="country"] option').length).toBeGreaterThan(1);
    expect(fr.doc.querySelectorAll('input[name="themes"]').length).toBeGreaterThan(0);
    expect(fr.doc.querySelector('h1')!.text).toBe('Publier une demande');
    expect(fr.doc.querySelector('fieldset#exchange-supportSought')!.text).toContain('Savoir-faire');
    const ar = page('/ar/exchange/post-offer/');
    expect(ar.doc.querySelector('h1')!.text).toBe('نشر عرض');
    expect(ar.doc.querySelectorAll('select[name="modality"] option')).toHaveLength(6);
    expect(ar.doc.querySelector('fieldset#exchange-deliveryLanguages')!.text).toContain('العربية');
  });

  it('are linked from the demands and offers lists', () => {
    for (const l of locales) {
      expect(page(`/${l.code}/demands/`).doc.querySelector(`a[href="/${l.code}/exchange/post-demand/"]`), l.code).not.toBeNull();
      expect(page(`/${l.code}/offers/`).doc.querySelector(`a[href="/${l.code}/exchange/post-offer/"]`), l.code).not.toBeNull();
    }
  });
});
