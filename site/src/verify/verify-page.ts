/**
 * The verify page in the browser: checks a Cloud School certificate (pasted, uploaded,
 * or opened from its QR code's link `#<credential URL>`) against the issuer profile and
 * the status list this site publishes under /credentials/, with the same verifier the
 * CMS's tests use (WebCrypto Ed25519, JCS). Nothing is sent anywhere: the only requests
 * are for those two static files and, from a QR link, the credential itself.
 */
import { verifyCredential, type VerificationResult } from '../../../cms/src/lib/learning/credentials/verify-credential.ts';
import type { IssuerProfile } from '../../../cms/src/lib/learning/credentials/open-badge.ts';

const form = document.querySelector<HTMLFormElement>('[data-verify-form]');
const input = document.querySelector<HTMLTextAreaElement>('[data-verify-input]');
const file = document.querySelector<HTMLInputElement>('[data-verify-file]');
const status = document.querySelector<HTMLElement>('[data-verify-status]');
const details = document.querySelector<HTMLElement>('[data-verify-details]');

/** A string in the page's language, from the status element's data attributes (`unknown-issuer` → data-unknown-issuer). */
const say = (key: string) => status?.dataset[key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] ?? key;

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) throw new Error(`${res.status}`);
  return res.json();
}

/** A status list the credential names, read from this site's /credentials/ folder (it is signed, and checked). */
async function statusList(url: string): Promise<unknown> {
  const { pathname } = new URL(url);
  return pathname.startsWith('/credentials/') ? fetchJson(pathname) : null;
}

function show(state: string, result?: VerificationResult) {
  if (!status || !details) return;
  status.dataset.state = state;
  status.textContent = say(state);
  details.replaceChildren();
  const summary = result?.summary;
  if (!summary) return;
  const rows: [string, string, string | null][] = [
    [say('course'), summary.name, summary.inLanguage],
    [say('issuer'), summary.issuer, null],
    [say('issued'), new Date(summary.validFrom).toLocaleDateString(document.documentElement.lang, { dateStyle: 'long', timeZone: 'UTC' }), null],
  ];
  for (const [label, value, lang] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (lang) dd.lang = lang;
    details.append(dt, dd);
  }
}

async function check(text: string) {
  show('checking');
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    return show('malformed');
  }
  let issuer: IssuerProfile;
  try {
    issuer = (await fetchJson('/credentials/issuer.json')) as IssuerProfile;
  } catch {
    return show('unavailable');
  }
  const result = await verifyCredential(credential, { issuer, statusList });
  show(result.status, result);
}

/** `#<credential URL>` (the QR code's link) or `#<credential JSON>`, percent-encoded. */
async function fromHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (!hash || !input) return;
  if (hash.startsWith('{')) input.value = hash;
  else {
    show('checking');
    try {
      input.value = JSON.stringify(await fetchJson(hash), null, 2);
    } catch {
      return show('fetchFailed');
    }
  }
  await check(input.value);
}

if (form && input) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check(input.value);
  });
  file?.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    input.value = await chosen.text();
    await check(input.value);
  });
  addEventListener('hashchange', () => void fromHash());
  void fromHash();
}
