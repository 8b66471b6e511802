/**
 * The translation status from the command line (`npm run translations -- …`), read
 * from the CMS database as the admin's Translations page reads it (it loads the CMS
 * without serving, so it works whether the CMS runs or not):
 *   (no option)               a table per locale: every entry that is not published as it is, then the UI strings
 *   --all                     lists published entries too
 *   --json                    a JSON array: one object per document and locale
 *                             { type, documentId, locale, state, title, sourceLocale },
 *                             then one per UI string and locale { type: "ui-string", documentId: null, key, locale, state }
 *   --type T --theme ID --locale L --state a,b   the admin page's filters
 *   --fail-on-missing         exits 1 when any entry or UI string is missing
 *   --ui-translated L [keys…]   records that locale L's UI strings (all, or the keys named) translate the current English
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { cmsDir, runWithStrapi } from './strapi-app.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    'fail-on-missing': { type: 'boolean' },
    type: { type: 'string' },
    theme: { type: 'string' },
    locale: { type: 'string' },
    state: { type: 'string' },
    'ui-translated': { type: 'string' },
  },
});

const require = createRequire(import.meta.url);
const lib = (name: string) => require(path.join(cmsDir, 'dist', 'src', 'lib', 'translations', `${name}.js`));
const report = lib('report') as typeof import('../src/lib/translations/report');
const uiStrings = lib('ui-strings') as typeof import('../src/lib/translations/ui-strings');
const siteI18nDir = process.env.SSC_SITE_I18N_DIR || path.join(cmsDir, '..', 'site', 'src', 'i18n');

if (values['ui-translated']) {
  const recorded = uiStrings.markUiStringsTranslated(siteI18nDir, values['ui-translated'], positionals);
  console.log(`Recorded ${recorded.length} UI strings of "${values['ui-translated']}" as translating the current English text.`);
  process.exit(0);
}

const ORDER = ['missing', 'outdated', 'draft', 'modified', 'published'];
const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

// Strapi's logger writes to stdout: keep it to errors, so the output is only the report.
process.env.STRAPI_LOG_LEVEL ??= 'error';
await runWithStrapi('translations', async (strapi) => {
  const filters = report.parseFilters(values);
  const result = (await strapi.service('api::translation-status.translation-status').report(filters)) as Awaited<ReturnType<typeof report.translationReport>>;
  const locales = filters.locale ? result.locales.filter((l) => l.code === filters.locale) : result.locales;
  const cells = result.rows.flatMap((row) =>
    locales
      .map((l) => ({
        type: row.type,
        documentId: row.documentId,
        locale: l.code,
        state: row.cells[l.code].state,
        title: row.title,
        sourceLocale: row.sourceLocale,
      }))
      .filter((c) => !filters.states || filters.states.includes(c.state)),
  );
  const strings = (result.uiStrings?.entries ?? []).filter((e) => locales.some((l) => l.code === e.locale));
  if (values.json) {
    const ui = strings.map((e) => ({ type: 'ui-string', documentId: null, key: e.key, locale: e.locale, state: e.state }));
    console.log(JSON.stringify([...cells, ...ui], null, 2));
  } else {
    for (const l of locales) {
      const counts = result.counts[l.code];
      console.log(`\n${l.code} — ${l.name}: ${ORDER.map((s) => `${counts[s as keyof typeof counts]} ${s}`).join(', ')}`);
      const mine = cells
        .filter((c) => c.locale === l.code && (values.all || c.state !== 'published'))
        .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
      if (!mine.length) console.log('  (nothing to list)');
      else console.log(`  ${pad('STATE', 10)} ${pad('TYPE', 8)} ${pad('DOCUMENT', 26)} TITLE (source language)`);
      for (const c of mine) console.log(`  ${pad(c.state, 10)} ${pad(c.type, 8)} ${pad(c.documentId, 26)} ${c.title} (${c.sourceLocale})`);
      const ui = strings.filter((e) => e.locale === l.code && e.state !== 'published');
      console.log(
        `  UI strings: ${result.uiStrings ? `${ui.filter((e) => e.state === 'missing').length} missing, ${ui.filter((e) => e.state === 'outdated').length} outdated` : 'not found'}`,
      );
      for (const e of ui) console.log(`    ${pad(e.state, 10)} ${e.key}`);
    }
  }
  const missing = cells.filter((c) => c.state === 'missing').length + strings.filter((e) => e.state === 'missing').length;
  if (values['fail-on-missing'] && missing) throw new Error(`${missing} translations are missing`);
});
