import { defineConfig } from 'vitest/config';

/** Tests that build real sites: the release pipeline, not units of logic. */
const PIPELINE_TESTS = ['scripts/test/incremental-build.test.ts', 'scripts/test/output-reuse.test.ts', 'scripts/test/release-isolation.test.ts', 'scripts/test/sixth-language.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['content-schemas/test/**/*.test.ts', 'scripts/**/*.test.ts', 'cms/seed/**/*.test.ts', 'cms/src/**/*.test.ts'],
          exclude: [...PIPELINE_TESTS, '**/node_modules/**'],
        },
      },
      {
        test: {
          // The release pipeline with real Astro and Pagefind builds of fixture snapshots (no CMS).
          name: 'pipeline',
          include: PIPELINE_TESTS,
          testTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'cms',
          include: ['cms/test/**/*.test.ts'],
          // One real Strapi, booted and seeded once for every CMS test file.
          globalSetup: ['cms/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'site',
          include: ['site/test/**/*.test.ts'],
          // The fixture site, built (and served) once for every site test file.
          globalSetup: ['site/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
