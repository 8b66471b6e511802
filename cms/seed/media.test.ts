import { describe, it, expect } from 'vitest';
import sharp from 'sharp';
import { MOTIFS, pdfPageCount, renderIllustration, renderLogo, renderPdf, renderWebVtt } from './media.ts';

/** Reads the xref table a PDF's startxref points at: object number → byte offset. */
function readXref(pdf: Buffer): Map<number, number> {
  const text = pdf.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error('no startxref');
  const at = Number(startxref[1]);
  expect(text.startsWith('xref', at)).toBe(true);
  const lines = text.slice(at).split('\n');
  const [first, count] = lines[1]!.split(' ').map(Number) as [number, number];
  const offsets = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const entry = lines[2 + i]!;
    expect(entry).toMatch(/^\d{10} \d{5} [nf] $/); // 20 bytes with the newline
    if (entry.endsWith('n ')) offsets.set(first + i, Number(entry.slice(0, 10)));
  }
  return offsets;
}

const LONG_PARAGRAPH =
  'Post-harvest losses of paddy fall sharply when smallholders store grain in hermetic bags instead of open sacks, ' +
  'and cooperatives that share drying floors and moisture meters sell better rice at a better price. ' +
  'Extension officers from both countries compared notes on training, storage and access to markets.';

describe('renderIllustration', () => {
  it.each(MOTIFS)('renders %s as a 1200×675 JPEG, deterministically', async (motif) => {
    const first = await renderIllustration({ motif, seed: 42 });
    const again = await renderIllustration({ motif, seed: 42 });
    const other = await renderIllustration({ motif, seed: 43 });
    const meta = await sharp(first).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([1200, 675]);
    expect(first.length).toBeLessThan(120 * 1024);
    expect(again.equals(first)).toBe(true);
    expect(other.equals(first)).toBe(false);
  });

  it('honours a requested size and ignores the label for drawing', async () => {
    const small = await renderIllustration({ motif: 'tea-hills', seed: 3, width: 400, height: 400, label: 'Tea <estate> & pickers' });
    const meta = await sharp(small).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 400, 400]);
  });

  it('rejects an unknown motif', async () => {
    await expect(renderIllustration({ motif: 'volcano' as never, seed: 1 })).rejects.toThrow(/unknown illustration motif/);
  });
});

describe('renderLogo', () => {
  it('renders a 256×256 PNG that depends on the initials', async () => {
    const logo = await renderLogo({ initials: 'FAO', hue: 200 });
    const meta = await sharp(logo).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 256]);
    expect((await renderLogo({ initials: 'FAO', hue: 200 })).equals(logo)).toBe(true);
    expect((await renderLogo({ initials: 'WFP', hue: 200 })).equals(logo)).toBe(false);
  });
});

describe('renderPdf', () => {
  const pdf = renderPdf({
    title: 'Reducing post-harvest loss: rice storage (Sri Lanka) \\ lessons',
    subtitle: 'Technical brief',
    paragraphs: Array.from({ length: 30 }, () => LONG_PARAGRAPH),
  });

  it('writes a PDF 1.4 file with header, trailer and /Info title', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/Info 5 0 R/);
    expect(pdf.toString('latin1')).toMatch(/\/Title <FEFF[0-9A-F]+>/);
  });

  it('escapes parentheses and backslashes in text', () => {
    expect(pdf.toString('latin1')).toContain('rice storage \\(Sri Lanka\\) \\\\ lessons');
  });

  it('has an xref table whose offsets point at the objects', () => {
    const offsets = readXref(pdf);
    expect(offsets.size).toBeGreaterThan(5);
    for (const [number, offset] of offsets) {
      expect(pdf.subarray(offset, offset + 20).toString('latin1')).toMatch(new RegExp(`^${number} 0 obj\\n`));
    }
  });

  it('flows long text over as many pages as it needs', () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(pdf.toString('latin1')).toContain(`/Count ${pages}`);
    expect(pdf.toString('latin1')).toContain(`(${pages} / ${pages}) Tj`);
  });

  it.each([1, 3, 7])('spreads short text over the %i pages asked for', (pages) => {
    const short = renderPdf({ title: 'Flour fortification', paragraphs: ['First paragraph.', 'Second paragraph.', LONG_PARAGRAPH], pages });
    expect(pdfPageCount(short)).toBe(pages);
    for (const [number, offset] of readXref(short)) expect(short.toString('latin1', offset).startsWith(`${number} 0 obj`)).toBe(true);
  });

  it('keeps the larger of the needed and the requested page count', () => {
    const natural = pdfPageCount(pdf);
    const spec = { title: 'Reducing post-harvest loss: rice storage (Sri Lanka) \\ lessons', subtitle: 'Technical brief', paragraphs: Array.from({ length: 30 }, () => LONG_PARAGRAPH) };
    expect(pdfPageCount(renderPdf({ ...spec, pages: natural - 1 }))).toBe(natural);
    expect(pdfPageCount(renderPdf({ ...spec, pages: natural + 2 }))).toBe(natural + 2);
  });

  it('stores French accents as Latin-1 bytes and replaces characters WinAnsi lacks', () => {
    const french = renderPdf({
      title: 'Sécurité alimentaire',
      paragraphs: ['Coopération Sud-Sud à Brazzaville : façon, naïveté, Œuvre « commune ».', 'Le riz 稻 et le manioc.'],
    });
    const bytes = french.toString('latin1');
    expect(french.includes(Buffer.from('Coopération Sud-Sud à Brazzaville : façon, naïveté', 'latin1'))).toBe(true);
    expect(french.includes(Buffer.from('é', 'utf8'))).toBe(false); // no UTF-8 sequences in the page text
    expect(bytes).toContain('\x8cuvre \xab commune \xbb'); // Œ is 0x8C in WinAnsi
    expect(bytes).toContain('(Le riz ? et le manioc.)');
  });

  it('is deterministic', () => {
    const again = renderPdf({
      title: 'Reducing post-harvest loss: rice storage (Sri Lanka) \\ lessons',
      subtitle: 'Technical brief',
      paragraphs: Array.from({ length: 30 }, () => LONG_PARAGRAPH),
    });
    expect(again.equals(pdf)).toBe(true);
  });
});

describe('pdfPageCount', () => {
  it('counts /Type /Page objects but not /Pages', () => {
    const fake = Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 2 0 R >>', 'latin1');
    expect(pdfPageCount(fake)).toBe(2);
  });
});

describe('renderWebVtt', () => {
  const vtt = renderWebVtt([
    { start: 0, end: 2.5, text: 'Juncao grass grows fast.' },
    { start: 2.5, end: 61.25, text: 'Storage <bags> & silos' },
    { start: 3599.9994, end: 3725.1, text: 'Line one\n\nline two' },
  ]);

  it('starts with the WEBVTT header followed by a blank line', () => {
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
  });

  it('writes HH:MM:SS.mmm timings', () => {
    const timings = vtt.split('\n').filter((l) => l.includes('-->'));
    expect(timings).toEqual(['00:00:00.000 --> 00:00:02.500', '00:00:02.500 --> 00:01:01.250', '00:59:59.999 --> 01:02:05.100']);
    for (const t of timings) expect(t).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/);
  });

  it('separates cues by blank lines and escapes cue text', () => {
    const blocks = vtt.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(4);
    expect(blocks[2]).toContain('Storage &lt;bags&gt; &amp; silos');
    expect(blocks[3]).toBe('3\n00:59:59.999 --> 01:02:05.100\nLine one\nline two');
  });

  it('rejects a cue that ends before it starts', () => {
    expect(() => renderWebVtt([{ start: 5, end: 4, text: 'x' }])).toThrow();
  });
});
