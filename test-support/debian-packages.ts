/**
 * Installs Debian packages that tests need (Chromium, CJK fonts, …) when they are
 * missing, with apt-get as root, as on CI and the development machines.
 */
import { execFileSync } from 'node:child_process';

function installed(pkg: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

export function ensureDebianPackages(packages: string[]): void {
  const missing = packages.filter((p) => !installed(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(', ')}: install them with apt-get (root needed)`);
  console.log(`[apt] installing ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
