/** Saves a full-page screenshot of the admin tab when a browser test fails, into test-results/screenshots/. */
import path from 'node:path';
import { beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/paths.ts';

export const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');

/** Call in a `describe`: each failing test leaves `<prefix>-<test name>.png` of the page `tab()` returns. */
export function screenshotOnFailure(prefix: string, tab: () => Page | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const page = tab();
      if (!page || page.isClosed()) return;
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true }).catch(() => {});
    });
  });
}
