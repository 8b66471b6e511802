/**
 * Builds the fixture snapshot into a temporary folder once for every site test,
 * and serves it on a free port of 127.0.0.1 for the tests that need HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../lib/build.ts';
import { siteRoot } from '../lib/config.ts';
import { serveStatic } from '../lib/serve.ts';
import { completeFixture, fixtureSnapshot } from './fixture-snapshot.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: {
      /** The built site. */
      dir: string;
      /** Where it is served. */
      url: string;
      /** The public URL it was built for (canonical links, sitemap). */
      siteUrl: string;
      /** The snapshot it was built from: the fixture, completed for the model's locales (fixture-snapshot.ts). */
      snapshotDir: string;
      pages: number;
      seconds: number;
    };
  }
}

export { fixtureSnapshot };

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-site-test-'));
  // A cache of its own, so the build starts from an empty content store every run.
  fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
  const cacheDir = fs.mkdtempSync(path.join(siteRoot, '.astro', 'test-cache-'));
  const siteUrl = 'https://knowledge.example.org';
  // The fixture, with any locale of the model it lacks added from English (fixture-snapshot.ts).
  const snapshotRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-site-snapshot-'));
  const snapshotDir = completeFixture(path.join(snapshotRoot, 'snapshot'));
  const { pages, seconds } = await buildSite({ snapshotDir, outDir: dir, siteUrl, cacheDir });
  const server = await serveStatic(dir, { port: 0 });
  project.provide('site', { dir, url: server.url, siteUrl, snapshotDir, pages, seconds });
  return async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.rmSync(snapshotRoot, { recursive: true, force: true });
  };
}
