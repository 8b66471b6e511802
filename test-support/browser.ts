/**
 * Headless Chromium for browser tests: Debian's `chromium` (installed with apt when
 * missing, with the CJK fonts that screenshots of Chinese pages need), driven by
 * playwright-core. Playwright's own browser download is never used.
 */
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackages } from './debian-packages.ts';

export const CHROMIUM_PATH = process.env.SSC_CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `extraArgs`: more Chromium flags, e.g. `--host-resolver-rules` to reach a test server under a public name. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!process.env.SSC_CHROMIUM_PATH) ensureDebianPackages(['chromium', 'fonts-noto-cjk']);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}
