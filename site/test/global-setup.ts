/**
 * Builds the fixture snapshot into a temporary folder once for every site test,
 * and serves it on a free port of 127.0.0.1 for the tests that need HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../lib/build.ts';
import { siteRoot } from '../lib/config.ts';
import { serveStatic } from '../lib/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: {
      /** The built site. */
      dir: string;
      /** Where it is served. */
      url: string;
      /** The public URL it was built for (canonical links, sitemap). */
      siteUrl: string;
      pages: number;
      seconds: number;
    };
  }
}

export const fixtureSnapshot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'snapshot');

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-site-test-'));
  // A cache of its own, so the build starts from an empty content store every run.
  fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
  const cacheDir = fs.mkdtempSync(path.join(siteRoot, '.astro', 'test-cache-'));
  const siteUrl = 'https://knowledge.example.org';
  const { pages, seconds } = await buildSite({ snapshotDir: fixtureSnapshot, outDir: dir, siteUrl, cacheDir });
  const server = await serveStatic(dir, { port: 0 });
  project.provide('site', { dir, url: server.url, siteUrl, pages, seconds });
  return async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  };
}
