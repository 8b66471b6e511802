/**
 * The certificate's PDF: headless Chromium prints the certificate page, so that Arabic
 * is shaped and laid out right to left and Chinese is set in Noto CJK, with the fonts
 * embedded in the PDF (pdfkit does no bidi or Arabic shaping). Chromium is
 * SSC_CHROMIUM_PATH or /usr/bin/chromium; without it the PDF is unavailable and the
 * page says to print it from the browser. One print at a time.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const chromiumPath = () => process.env.SSC_CHROMIUM_PATH || '/usr/bin/chromium';
export const canPrintPdf = () => existsSync(chromiumPath());

let queue: Promise<unknown> = Promise.resolve();

async function print(html: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ssc-certificate-'));
  try {
    const page = path.join(dir, 'certificate.html');
    const pdf = path.join(dir, 'certificate.pdf');
    await writeFile(page, html);
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromiumPath(),
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          `file://${page}`,
        ],
        { timeout: 60_000 },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints the page to PDF, one print after another. */
export function printCertificatePdf(html: string): Promise<Buffer> {
  const job = queue.then(() => print(html));
  queue = job.catch(() => undefined);
  return job;
}
