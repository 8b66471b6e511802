/**
 * Accessibility in a real browser: axe-core (WCAG 2.1 A and AA rules, colour contrast
 * included) over the kinds of pages a reader meets, in a left-to-right and the
 * right-to-left locale.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../test-support/browser.ts';
import { site } from './helpers.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  '/',
  '/en/',
  '/en/news/',
  '/en/news/ssc-platform-launch-2022/',
  '/en/videos/hybrid-rice-smallholder-webinar/',
  '/en/reports/digital-south-south-cooperation-seminar-2022/',
  '/en/themes/value-chain-development/',
  '/ar/',
  '/ar/news/ssc-platform-launch-2022/',
  '/zh/courses/',
  '/fr/about/',
  '/es/404/',
];

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

describe('accessibility (axe-core in headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('%s has no WCAG 2.1 A/AA violation', async (url) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${url}`);
    await page.addScriptTag({ content: axeSource });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations;
    })) as Violation[];
    await page.close();
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
