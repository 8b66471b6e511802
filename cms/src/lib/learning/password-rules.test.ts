import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules';
import { messageLocales } from './messages';
import { model } from '../model';
import { resetCodeUsable, newResetCode, RESET_CODE_LIFETIME_MS } from './one-time-codes';
import { sitePath } from './form-guards';

const EMAIL = 'amina.okafor@example.org';

describe('password rules', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('cassava flour in Kigali', EMAIL, 12)).toBeNull();
  });

  it.each([
    ['eleven char', 'password-too-short'],
    ['x'.repeat(73), 'password-too-long'],
    ['数'.repeat(25), 'password-too-long'],
    [EMAIL, 'password-is-email'],
    [`${EMAIL.toUpperCase()}!`, 'password-is-email'],
    ['Amina.Okafor', 'password-is-email'],
    ['Password1234', 'password-too-common'],
    ['QWERTY123456', 'password-too-common'],
    ['aaaaaaaaaaaaaaaa', 'password-too-common'],
    ['abcabcabcabcabc', 'password-too-common'],
  ])('refuses %j as %s', (password, problem) => {
    expect(passwordProblem(password, EMAIL, 12)).toBe(problem);
  });

  it('counts characters, not bytes, for the minimum length', () => {
    expect(passwordProblem('稻田里的菌草和木薯粉好', EMAIL, 12)).toBe('password-too-short');
    expect(passwordProblem('稻田里的菌草和木薯粉很好', EMAIL, 12)).toBeNull();
  });
});

describe('learner messages and links', () => {
  it('has words for every locale of the model', () => {
    expect(messageLocales.sort()).toEqual(model.locales.map((l) => l.code).sort());
  });

  it('lets a reset code expire after an hour', () => {
    const now = Date.now();
    const code = newResetCode(now);
    expect(resetCodeUsable(code, now)).toBe(true);
    expect(resetCodeUsable(code, now + RESET_CODE_LIFETIME_MS + 1)).toBe(false);
    expect(resetCodeUsable(`${now + 1000}.zz`, now)).toBe(false);
  });

  it('sends a learner back only to a path on the site', () => {
    expect(sitePath('/fr/courses/juncao/')).toBe('/fr/courses/juncao/');
    for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a b']) expect(sitePath(bad), bad).toBeNull();
  });
});
