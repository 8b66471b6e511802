import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { judgeMedia } from '../src/lib/media-policy.ts';
import { loadDemoContent } from './load-content.ts';
import { demoMediaFiles, mediaDir, mediaName, pdfPageCount } from './media.ts';

const content = loadDemoContent();
const files = demoMediaFiles(content);
const bytesOf = (name: string) => fs.readFileSync(path.join(mediaDir, name));

/** The committed demo media stay small: about 1.2 MB today. */
const TOTAL_BUDGET_BYTES = 2.5 * 1024 * 1024;
/** No single file needs more than this (the upload limit, 200 MB by default, is far above). */
const FILE_BUDGET_BYTES = 150 * 1024;

describe('the committed demo media', () => {
  it('has every file the demo content uses, named once', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    for (const f of files) expect(fs.existsSync(path.join(mediaDir, f.name)), `${f.usedBy}: ${f.name}`).toBe(true);
  });

  it('holds nothing else but its licence note', () => {
    const used = new Set(files.map((f) => f.name));
    expect(fs.readdirSync(mediaDir).filter((name) => !used.has(name))).toEqual(['LICENSE.md']);
  });

  it('stays small, file by file and in all', () => {
    let total = 0;
    for (const f of files) {
      const size = bytesOf(f.name).length;
      expect(size, f.name).toBeGreaterThan(0);
      expect(size, f.name).toBeLessThan(FILE_BUDGET_BYTES);
      total += size;
    }
    expect(total).toBeLessThan(TOTAL_BUDGET_BYTES);
  });

  it('passes the upload check: each file is what its name and declared type say', async () => {
    for (const f of files) {
      const bytes = bytesOf(f.name);
      const verdict = judgeMedia(f.name, bytes.subarray(0, 4100), (await fileTypeFromBuffer(bytes))?.mime);
      expect(verdict, f.name).toEqual({ ok: true, mime: f.mime });
    }
  });

  it('has 1200×675 pictures and 256×256 logos', async () => {
    for (const f of files.filter((x) => x.mime.startsWith('image/'))) {
      const meta = await sharp(bytesOf(f.name)).metadata();
      const expected = f.mime === 'image/png' ? [256, 256] : [1200, 675];
      expect([meta.format, meta.width, meta.height], f.name).toEqual([f.mime === 'image/png' ? 'png' : 'jpeg', ...expected]);
    }
  });

  it('has complete PDFs with at least one page', () => {
    for (const f of files.filter((x) => x.mime === 'application/pdf')) {
      const bytes = bytesOf(f.name);
      expect(bytes.subarray(0, 5).toString('latin1'), f.name).toBe('%PDF-');
      expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF'), f.name).toBe(true);
      expect(pdfPageCount(bytes), f.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('has a caption file in every language a video is told in, with timed cues', () => {
    for (const v of content.videos) {
      for (const locale of Object.keys(v.locales)) {
        const vtt = bytesOf(mediaName.videoCaptions(v.slug, locale)).toString('utf8');
        expect(vtt.startsWith('WEBVTT\n\n'), `${v.slug} [${locale}]`).toBe(true);
        expect(vtt.match(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/gm)?.length ?? 0, `${v.slug} [${locale}]`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('pdfPageCount', () => {
  it('counts /Type /Page objects but not /Pages', () => {
    const fake = Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 2 0 R >>', 'latin1');
    expect(pdfPageCount(fake)).toBe(2);
  });
});
