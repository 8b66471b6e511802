/**
 * The printable certificate: a small HTML page in the certificate's language (right to
 * left in Arabic, a CJK font first in Chinese), with a QR code (inline SVG) that opens
 * the site's verify page on this credential. A4 landscape when printed.
 */
import QRCode from 'qrcode';
import type { IssuedCertificate } from './certificates';
import { certificateStrings } from './strings';
import { model } from '../../model';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Noto fonts (fonts-noto-core, fonts-noto-cjk) first, as the PDF printer embeds them; the reader's own fonts otherwise. */
const FONT_STACKS: Record<string, string> = {
  zh: '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  ar: '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", Tahoma, sans-serif',
};
const DEFAULT_FONTS = '"Noto Serif", "Noto Sans", Georgia, "Noto Sans CJK SC", serif';

export interface CertificatePageInput {
  certificate: IssuedCertificate;
  /** The verify page link the QR code opens. */
  verifyLink: string;
  /** The page's own URL, for the PDF and JSON links. */
  pageUrl: string;
  /** The learner's email, only when the owner is looking. */
  ownerEmail: string | null;
}

export async function renderCertificatePage({ certificate, verifyLink, pageUrl, ownerEmail }: CertificatePageInput): Promise<string> {
  const locale = certificate.locale;
  const t = certificateStrings(locale);
  const lang = model.locales.find((l) => l.code === locale);
  const dir = lang?.dir ?? 'ltr';
  const c = certificate.credential;
  const achievement = c.credentialSubject.achievement;
  const date = new Intl.DateTimeFormat(lang?.tag ?? locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(c.validFrom));
  const qr = await QRCode.toString(verifyLink, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const recipient = ownerEmail ? escapeHtml(ownerEmail) : escapeHtml(t.recipientHashed);
  return `<!doctype html>
<html lang="${escapeHtml(lang?.tag ?? locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} – ${escapeHtml(achievement.name)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACKS[locale] ?? DEFAULT_FONTS}; color: #1d2a24; background: #f4f1ea; }
main { max-width: 270mm; margin: 1.5rem auto; background: #fff; border: 6px double #2f6b4f; padding: 2.5rem 3rem; display: grid; grid-template-columns: 1fr auto; gap: 2rem; align-items: end; }
h1 { font-size: 2.2rem; margin: 0 0 1.5rem; color: #2f6b4f; letter-spacing: .02em; }
.course { font-size: 1.7rem; font-weight: 700; margin: .25rem 0 1rem; }
.label { color: #5b6b63; font-size: .95rem; margin: 1rem 0 .1rem; }
.value { font-size: 1.1rem; margin: 0; }
.criteria { font-style: italic; }
.id { font-family: ui-monospace, monospace; font-size: .8rem; }
.qr { width: 42mm; text-align: center; font-size: .8rem; }
.qr svg { width: 42mm; height: 42mm; display: block; }
.revoked { grid-column: 1 / -1; background: #8b1d1d; color: #fff; padding: .6rem 1rem; font-weight: 700; }
nav { max-width: 270mm; margin: 0 auto 2rem; display: flex; gap: 1.2rem; flex-wrap: wrap; }
@media screen and (max-width: 40rem) { main { grid-template-columns: 1fr; margin: .5rem; padding: 1.25rem; } h1 { font-size: 1.7rem; } .course { font-size: 1.35rem; } .id { overflow-wrap: anywhere; } nav { margin: 0 .5rem 2rem; } }
@media print { body { background: #fff; } main { margin: 0; } nav { display: none; } }
</style>
</head>
<body>
<main>
${certificate.revokedAt ? `<p class="revoked" role="alert">${escapeHtml(t.revoked)}</p>` : ''}
<div>
<h1>${escapeHtml(t.title)}</h1>
<p class="label">${escapeHtml(t.recipient)}</p>
<p class="value">${recipient}</p>
<p class="course">${escapeHtml(achievement.name)}</p>
<p class="value criteria">${escapeHtml(achievement.criteria.narrative)}</p>
<p class="label">${escapeHtml(t.issuedBy)}</p>
<p class="value">${escapeHtml(c.issuer.name)}</p>
<p class="label">${escapeHtml(t.issuedOn)}</p>
<p class="value"><time datetime="${escapeHtml(c.validFrom)}">${escapeHtml(date)}</time></p>
<p class="label">${escapeHtml(t.credentialId)}</p>
<p class="value id"><bdi dir="ltr">${escapeHtml(c.id)}</bdi></p>
</div>
<a class="qr" href="${escapeHtml(verifyLink)}">${qr}<span>${escapeHtml(t.verify)}</span></a>
</main>
<nav><a href="${escapeHtml(pageUrl)}.pdf">${escapeHtml(t.downloadPdf)}</a> <a href="${escapeHtml(pageUrl)}.json" download>${escapeHtml(t.downloadJson)}</a></nav>
</body>
</html>
`;
}
