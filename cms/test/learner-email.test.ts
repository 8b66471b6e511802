/**
 * Learner accounts with SMTP configured, on a CMS of its own (fresh SQLite database,
 * no content) sending to a local SMTP sink: a new account must confirm its address by
 * the emailed link before it can sign in, and a forgotten password is reset by an
 * emailed link to the CMS's own form, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LearnerClient, STRONG_PASSWORD, uniqueEmail } from './support/learner-client.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { startOwnCms, type OwnCms } from './support/own-cms.ts';

const SITE = 'https://knowledge.example.org';
let sink: SmtpSink;
let running: OwnCms;

beforeAll(async () => {
  sink = await startSmtpSink();
  running = await startOwnCms('learner-email', {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Cloud School <school@knowledge.example.org>',
  });
}, 180_000);

afterAll(async () => {
  await running?.stop();
  await sink?.close();
});

/** The link of `kind` in the last email sent to `to`. */
function lastLink(to: string, kind: 'confirm-email' | 'reset-password'): string {
  const mail = sink.messages.filter((m) => m.to.includes(to)).at(-1);
  const link = mail?.text.match(new RegExp(`https?://\\S+/api/learning/\\S*${kind}\\?\\S+`))?.[0];
  if (!link) throw new Error(`no ${kind} link sent to ${to}: ${JSON.stringify(sink.messages.map((m) => m.to))}`);
  return link;
}

describe('with SMTP', () => {
  const email = uniqueEmail('mailed');

  it('asks a new learner to confirm their address, in their language, and signs them in from the link', async () => {
    const learner = new LearnerClient(running.url);
    const res = await learner.post('register', { email, password: STRONG_PASSWORD, locale: 'fr' });
    expect(res.location).toBe(`${SITE}/fr/learn/sign-in/?status=check-email#status-check-email`);
    expect(learner.cookies.size).toBe(0);
    const mail = sink.messages.find((m) => m.to.includes(email))!;
    expect(mail.text).toContain('pour confirmer votre adresse e-mail');
    expect(mail.text).toMatch(/From: .*school@knowledge\.example\.org/);
    const first = lastLink(email, 'confirm-email');

    const early = await learner.post('sign-in', { email, password: STRONG_PASSWORD, locale: 'fr' });
    expect(early.location).toBe(`${SITE}/fr/learn/sign-in/#error-not-confirmed`);
    const second = lastLink(email, 'confirm-email');
    expect(second).not.toBe(first);

    const stale = await learner.request('GET', new URL(first).pathname + new URL(first).search);
    expect(stale.location).toBe(`${SITE}/fr/learn/sign-in/#error-invalid-link`);
    const confirmed = await learner.request('GET', new URL(second).pathname + new URL(second).search);
    expect(confirmed.location).toBe(`${running.url}/api/learning/fr/my?status=confirmed#status-confirmed`);
    expect((await learner.get('fr/my')).text).toContain(email);
  });

  it('resets a forgotten password by the emailed link, once', async () => {
    const client = new LearnerClient(running.url);
    const sent = await client.post('forgot-password', { email, locale: 'en' });
    expect(sent.location).toBe(`${SITE}/en/learn/forgot-password/?status=reset-sent#status-reset-sent`);
    const link = new URL(lastLink(email, 'reset-password'));
    // The learner chose French: the email and the form are in French.
    expect(link.pathname).toBe('/api/learning/fr/reset-password');
    const form = await client.request('GET', link.pathname + link.search);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Choisir un nouveau mot de passe');
    const code = link.searchParams.get('code')!;

    const weak = await client.post('reset-password', { code, password: 'short', locale: 'fr' });
    expect(weak.location).toBe(`${running.url}/api/learning/fr/reset-password?code=${code}#error-password-too-short`);
    const newPassword = 'Post-harvest-silos-in-Kenya';
    const done = await client.post('reset-password', { code, password: newPassword, locale: 'fr' });
    expect(done.location).toBe(`${SITE}/fr/learn/sign-in/?status=password-changed#status-password-changed`);
    const again = await client.post('reset-password', { code, password: 'Another-new-password-99', locale: 'fr' });
    expect(again.location).toMatch(/#error-invalid-link$/);

    expect((await client.postJson('sign-in', { email, password: STRONG_PASSWORD, locale: 'fr' })).json.error.code).toBe('invalid-credentials');
    expect((await client.postJson('sign-in', { email, password: newPassword, locale: 'fr' })).status).toBe(200);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    const before = sink.messages.length;
    const nobody = uniqueEmail('nobody');
    const res = await new LearnerClient(running.url).post('forgot-password', { email: nobody, locale: 'en' });
    expect(res.location).toBe(`${SITE}/en/learn/forgot-password/?status=reset-sent#status-reset-sent`);
    expect(sink.messages.length).toBe(before);
  });
});
