/** The Hugo anchor's site (scripts/bench/hugo.ts), written from the corpus: a language per locale, a page per entry. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '@ssc/content-schemas';
import { countPages, hugoConfig, hugoPage, writeHugoSite } from '../bench/hugo.ts';
import { referenceCorpus } from '../bench/reference-corpus.ts';

describe('the Hugo site of the reference corpus', () => {
  it('configures one language per locale of the model, Arabic right to left', () => {
    const config = hugoConfig();
    for (const code of localeCodes) expect(config).toContain(`[languages.${code}]\n`);
    expect(config).toMatch(/\[languages\.ar\][^[]*languageDirection = "rtl"/);
    expect(config).toContain('defaultContentLanguage = "en"');
  });

  it('writes one Markdown page per entry under its locale and type, with the entry’s fields as front matter', () => {
    const corpus = referenceCorpus(3);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-hugo-'));
    try {
      writeHugoSite(corpus, work);
      for (const e of corpus) {
        const page = fs.readFileSync(path.join(work, 'content', e.locale, e.type, `${e.slug}.md`), 'utf8');
        expect(page).toBe(hugoPage(e));
        expect(page).toContain(`title: ${JSON.stringify(e.title)}\n`);
        expect(page).toContain(`date: "${e.date}"\n`);
        expect(page.endsWith(`---\n\n${e.body}\n`)).toBe(true);
      }
      expect(fs.existsSync(path.join(work, 'layouts', '_default', 'single.html'))).toBe(true);
      fs.mkdirSync(path.join(work, 'public', 'en', 'a'), { recursive: true });
      fs.writeFileSync(path.join(work, 'public', 'index.html'), '');
      fs.writeFileSync(path.join(work, 'public', 'en', 'a', 'index.html'), '');
      fs.writeFileSync(path.join(work, 'public', 'en', 'index.xml'), '');
      expect(countPages(path.join(work, 'public'))).toBe(2);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
