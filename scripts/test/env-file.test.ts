import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureEnvFile, parseEnv, setEnvValue } from '../lib/env-file.ts';

const dirs: string[] = [];
function tempFile(content?: string, mode = 0o644): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-env-'));
  dirs.push(dir);
  const file = path.join(dir, '.env');
  if (content !== undefined) {
    fs.writeFileSync(file, content);
    fs.chmodSync(file, mode);
  }
  return file;
}
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cms/.env holds secrets readable by its owner only', () => {
  it('creates a new file with mode 600', () => {
    const file = tempFile();
    expect(ensureEnvFile(file).length).toBeGreaterThan(0);
    expect(modeOf(file)).toBe(0o600);
  });

  it('narrows a world-readable file copied from .env.example before adding secrets to it', () => {
    const file = tempFile('# copied from .env.example\nPORT=1337\n', 0o644);
    const added = ensureEnvFile(file);
    expect(added).toContain('APP_KEYS');
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# copied from .env.example\nPORT=1337\nAPP_KEYS=/);
  });

  it('narrows the file when a single value such as the build token is written', () => {
    const file = tempFile('PORT=1337\n', 0o666);
    setEnvValue('CMS_BUILD_TOKEN', 'secret-value', file);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('CMS_BUILD_TOKEN=secret-value');
  });

  it('reads the file as Strapi does: comments, quotes and a # inside quotes', () => {
    const env = parseEnv('# a comment\nPORT=1337 # the port\nAPP_KEYS="a,b#c"\nNAME=\'single quoted\'\nEMPTY=\n');
    expect(Object.fromEntries(env)).toEqual({ PORT: '1337', APP_KEYS: 'a,b#c', NAME: 'single quoted', EMPTY: '' });
  });
});
