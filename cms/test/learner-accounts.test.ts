/**
 * Learner accounts through the learning API, on the real CMS: registration without
 * SMTP signs the learner in at once, password rules, rate limits and lockout, a
 * learner's token opens nothing else, the plugin's own routes stay closed, and the
 * export and deletion of an account.
 */
import { describe, expect, it } from 'vitest';
import { contentTypes } from '@ssc/content-schemas';
import { adminApi, cms } from './support/http.ts';
import { LearnerClient, STRONG_PASSWORD, uniqueEmail } from './support/learner-client.ts';

const SITE = 'https://knowledge.example.org';

describe('registration', () => {
  it('creates a learner, signs them in with both cookies and shows "my learning" in their language', async () => {
    const learner = new LearnerClient();
    const email = uniqueEmail();
    const res = await learner.post('register', { email, password: STRONG_PASSWORD, locale: 'fr' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${cms().url}/api/learning/fr/my?status=welcome#status-welcome`);
    const cookies = (res.headers['set-cookie'] ?? []).join('\n');
    expect(cookies).toMatch(/ssc_learning=[^;]+; path=\/api\/learning;.*samesite=lax; httponly/i);
    expect(cookies).toMatch(/ssc_learner=1; path=\/;.*samesite=lax/i);

    const my = await learner.get('fr/my?status=welcome');
    expect(my.status).toBe(200);
    expect(my.headers['content-type']).toMatch(/text\/html/);
    expect(my.text).toContain('<html lang="fr" dir="ltr">');
    expect(my.text).toContain('Mon apprentissage');
    expect(my.text).toContain(email);
    expect(my.text).toContain('Bienvenue');
    expect(my.headers['content-security-policy']).toContain(`form-action 'self' ${SITE}`);

    const arabic = await learner.get('ar/my');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('gives the account the learner role, which holds no permission', async () => {
    const roles = await adminApi('GET', '/users-permissions/roles');
    const role = roles.body.roles.find((r: any) => r.type === 'learner');
    expect(role, JSON.stringify(roles.body)).toBeTruthy();
    const detail = await adminApi('GET', `/users-permissions/roles/${role.id}`);
    const granted = Object.values(detail.body.role.permissions as Record<string, any>).flatMap((p: any) =>
      Object.values(p.controllers as Record<string, Record<string, { enabled: boolean }>>).flatMap((actions) =>
        Object.values(actions).filter((a) => a.enabled),
      ),
    );
    expect(granted).toEqual([]);
  });

  it.each([
    ['short', 'Short-pw-1', 'password-too-short'],
    ['its own email address', '@', 'password-is-email'],
    ['a common password', 'Password1234', 'password-too-common'],
    ['a pattern', 'abababababababab', 'password-too-common'],
    ['longer than bcrypt reads', 'x'.repeat(30) + 'é'.repeat(30), 'password-too-long'],
  ])('refuses a password that is %s, naming the rule', async (_what, password, code) => {
    const learner = new LearnerClient();
    const email = uniqueEmail('weak');
    const typed = password === '@' ? email : password;
    const form = await learner.post('register', { email, password: typed, locale: 'es' });
    expect(form.status).toBe(303);
    expect(form.location).toBe(`${SITE}/es/learn/sign-up/#error-${code}`);
    expect(learner.cookies.size).toBe(0);
    const json = await learner.postJson('register', { email, password: typed, locale: 'es' });
    expect(json.status).toBe(400);
    expect(json.json.error.code).toBe(code);
    expect(json.json.error.message).toBeTruthy();
  });

  it('refuses a bad address and a taken one', async () => {
    const learner = new LearnerClient();
    expect((await learner.post('register', { email: 'not-an-address', password: STRONG_PASSWORD, locale: 'en' })).location).toBe(
      `${SITE}/en/learn/sign-up/#error-invalid-email`,
    );
    const { email } = await new LearnerClient().register();
    const again = await learner.post('register', { email: email.toUpperCase(), password: STRONG_PASSWORD, locale: 'en' });
    expect(again.location).toBe(`${SITE}/en/learn/sign-up/#error-email-taken`);
  });

  it('limits registrations per IP address', async () => {
    const learner = new LearnerClient();
    for (let i = 0; i < 5; i++) {
      const res = await learner.postJson('register', { email: uniqueEmail('burst'), password: STRONG_PASSWORD, locale: 'en' });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
    const refused = await learner.postJson('register', { email: uniqueEmail('burst'), password: STRONG_PASSWORD, locale: 'en' });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not limited.
    await new LearnerClient().register();
  });

  it('refuses a form posted from another site', async () => {
    const learner = new LearnerClient();
    const res = await learner.request('POST', '/api/learning/register', {
      form: { email: uniqueEmail(), password: STRONG_PASSWORD, locale: 'en' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.location).toBe(`${SITE}/en/learn/sign-up/#error-bad-origin`);
    await learner.register();
    const opaque = await learner.request('POST', '/api/learning/delete-account', {
      form: { password: STRONG_PASSWORD, locale: 'en' },
      headers: { origin: 'null' },
    });
    expect(opaque.location).toBe(`${cms().url}/api/learning/en/my#error-bad-origin`);
    expect((await learner.get('export')).status).toBe(200);
  });
});

describe('sign-in', () => {
  it('signs in with the right password, back to "my learning" or to a page of the site', async () => {
    const { email, password } = await new LearnerClient().register();
    const learner = new LearnerClient();
    const res = await learner.post('sign-in', { email: email.toUpperCase(), password, locale: 'zh' });
    expect(res.location).toBe(`${cms().url}/api/learning/zh/my?status=signed-in#status-signed-in`);
    expect((await learner.get('zh/my')).text).toContain('我的学习');

    const back = await new LearnerClient().post('sign-in', { email, password, locale: 'en', redirect: '/en/courses/juncao/' });
    expect(back.location).toBe(`${SITE}/en/courses/juncao/?status=signed-in#status-signed-in`);
    const elsewhere = await new LearnerClient().post('sign-in', { email, password, locale: 'en', redirect: '//evil.example/' });
    expect(elsewhere.location).toContain(`${cms().url}/api/learning/en/my`);
  });

  it('answers the same to a wrong password and an unknown address', async () => {
    const { email } = await new LearnerClient().register();
    const learner = new LearnerClient();
    expect((await learner.post('sign-in', { email, password: 'wrong-password-123', locale: 'ar' })).location).toBe(
      `${SITE}/ar/learn/sign-in/#error-invalid-credentials`,
    );
    expect((await learner.post('sign-in', { email: uniqueEmail('nobody'), password: 'wrong-password-123', locale: 'ar' })).location).toBe(
      `${SITE}/ar/learn/sign-in/#error-invalid-credentials`,
    );
    expect(learner.cookies.size).toBe(0);
  });

  it('locks an account after five failures in a row, even against the right password', async () => {
    const { email, password } = await new LearnerClient().register();
    const attacker = new LearnerClient();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attacker.postJson('sign-in', { email, password: `guess-number-${i}-xyz`, locale: 'en' })).json.error.code);
    expect(codes).toEqual(['invalid-credentials', 'invalid-credentials', 'invalid-credentials', 'invalid-credentials', 'locked']);
    const owner = new LearnerClient();
    const locked = await owner.postJson('sign-in', { email, password, locale: 'en' });
    expect(locked.status).toBe(423);
    expect(locked.json.error.code).toBe('locked');
    expect(owner.cookies.size).toBe(0);
  });

  it('limits sign-in attempts per IP address', async () => {
    const learner = new LearnerClient();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await learner.postJson('sign-in', { email: uniqueEmail('spray'), password: 'spray-password-123', locale: 'en' })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('signs out: both cookies cleared, "my learning" sends back to sign-in', async () => {
    const learner = new LearnerClient();
    await learner.register();
    const out = await learner.post('sign-out', { locale: 'fr' });
    expect(out.location).toBe(`${SITE}/fr/learn/sign-in/?status=signed-out#status-signed-out`);
    expect(learner.cookies.size).toBe(0);
    const my = await learner.get('fr/my');
    expect(my.status).toBe(303);
    expect(my.location).toBe(`${SITE}/fr/learn/sign-in/#error-not-signed-in`);
  });

  it('has no password reset without SMTP, and says so', async () => {
    const res = await new LearnerClient().post('forgot-password', { email: uniqueEmail(), locale: 'en' });
    expect(res.location).toBe(`${SITE}/en/learn/forgot-password/#error-reset-unavailable`);
  });

  it('refuses a confirmation or reset link that is not one', async () => {
    const learner = new LearnerClient();
    expect((await learner.get('confirm-email?confirmation=deadbeef&locale=es')).location).toBe(`${SITE}/es/learn/sign-in/#error-invalid-link`);
    const reset = await learner.post('reset-password', { code: `${Date.now() + 60_000}.${'a'.repeat(48)}`, password: STRONG_PASSWORD, locale: 'en' });
    expect(reset.location).toMatch(/\/api\/learning\/en\/reset-password\?code=.*#error-invalid-link$/);
    const form = await learner.get('ar/reset-password?code=abc');
    expect(form.status).toBe(200);
    expect(form.text).toContain('dir="rtl"');
    expect(form.text).toContain('id="error-invalid-link"');
  });
});

describe("a learner's token opens nothing but the learning API", () => {
  it('reads no content-API route, no account route and no admin route', async () => {
    const learner = new LearnerClient();
    await learner.register();
    const jwt = learner.cookies.get('ssc_learning')!;
    expect(jwt).toMatch(/^ey/);
    const bearer = { authorization: `Bearer ${jwt}` };
    for (const type of contentTypes) {
      const plural = `/api/${type.pluralName}`;
      const res = await learner.request('GET', plural, { headers: bearer });
      expect([401, 403], plural).toContain(res.status);
    }
    for (const path of ['/api/users/me', '/api/users', '/api/auth/local', '/api/upload/files', '/api/syndication/items']) {
      const res = await learner.request('GET', path, { headers: bearer });
      expect([401, 403, 404, 405], path).toContain(res.status);
      expect(res.text, path).not.toContain('@learners.example.org');
    }
    for (const path of ['/admin/users/me', '/content-manager/collection-types/plugin::users-permissions.user', '/users-permissions/roles']) {
      const res = await learner.request('GET', path, { headers: bearer });
      expect(res.status, path).toBe(401);
    }
  });

  it("keeps the plugin's own sign-up and sign-in routes closed", async () => {
    const { email, password } = await new LearnerClient().register();
    const client = new LearnerClient();
    const login = await client.request('POST', '/api/auth/local', { json: { identifier: email, password } });
    expect([404, 405]).toContain(login.status);
    expect(login.text).not.toContain('jwt');
    const register = await client.request('POST', '/api/auth/local/register', { json: { username: 'x-learner', email: uniqueEmail(), password } });
    expect([404, 405]).toContain(register.status);
    expect([404, 405]).toContain((await client.request('POST', '/api/auth/forgot-password', { json: { email } })).status);
  });
});

describe('export and deletion', () => {
  it('exports the account as JSON, without the password hash', async () => {
    const learner = new LearnerClient();
    const { email } = await learner.register(uniqueEmail(), STRONG_PASSWORD, 'es');
    const res = await learner.get('export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.json.account).toMatchObject({ email, locale: 'es', confirmed: true });
    expect(res.text).not.toMatch(/\$2[aby]\$/);
    expect(res.text).not.toContain('password');
    expect((await new LearnerClient().get('export')).status).toBe(303);
  });

  it('deletes the account only with its password, then it is gone', async () => {
    const learner = new LearnerClient();
    const { email, password } = await learner.register();
    const wrong = await learner.post('delete-account', { password: 'not-my-password-1', locale: 'en' });
    expect(wrong.location).toBe(`${cms().url}/api/learning/en/my#error-wrong-password`);
    const done = await learner.post('delete-account', { password, locale: 'en' });
    expect(done.location).toBe(`${SITE}/en/learn/sign-up/?status=deleted#status-deleted`);
    expect(learner.cookies.size).toBe(0);
    const users = await adminApi('GET', `/content-manager/collection-types/plugin::users-permissions.user?filters[email][$eq]=${encodeURIComponent(email)}`);
    expect(users.body.results).toEqual([]);
    const again = await new LearnerClient().postJson('sign-in', { email, password, locale: 'en' });
    expect(again.json.error.code).toBe('invalid-credentials');
  });
});
