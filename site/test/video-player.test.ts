/** The video player in a real browser: hidden and silent until the reader asks for it. */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../test-support/browser.ts';
import { site } from './helpers.ts';

describe('video player in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the player only when the reader opens the play control, without JavaScript, and fetches no video until play', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const requests: string[] = [];
    page.on('request', (r: Request) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/fr/videos/hybrid-rice-smallholder-webinar/`);
    const video = page.locator('details.player video');
    expect(await video.isVisible()).toBe(false);
    await page.locator('details.player summary').click();
    expect(await video.isVisible()).toBe(true);
    expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks.length)).toBe(4);
    expect(requests.filter((p) => p.endsWith('.mp4'))).toEqual([]);
    await page.close();
  });
});
