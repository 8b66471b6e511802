import { defineConfig } from 'vitest/config';

/**
 * Tests that make real Astro (and Pagefind) builds of fixture snapshots: the site's incremental build and output
 * reuse, the release pipeline's isolation of bad entries, and a copy of the repository with a sixth language and type.
 */
const PIPELINE_TESTS = [
  'site/test/incremental-build.test.ts',
  'site/test/output-reuse.test.ts',
  'scripts/test/release-isolation.test.ts',
  'scripts/test/sixth-language.test.ts',
];

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
          // The CMS alone, over HTTP and its own tools (no pipeline, no site).
          name: 'cms',
          include: ['cms/test/**/*.test.ts'],
          // One real Strapi, booted and seeded once for every CMS test file.
          globalSetup: ['test-support/cms-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Tests that span the CMS, the pipeline and the site: pull from a real Strapi, build, serve, back up.
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // The same real Strapi as the cms project (its global setup, reused): one instance per project run,
          // shared by every file, so the files run one after another.
          globalSetup: ['test-support/cms-global-setup.ts'],
          testTimeout: 60_000,
          // Hooks pull from the CMS and build whole sites.
          hookTimeout: 300_000,
          fileParallelism: false,
          // After the other projects, so its site builds do not compete with theirs for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'site',
          include: ['site/test/**/*.test.ts'],
          exclude: [...PIPELINE_TESTS, '**/node_modules/**'],
          // The fixture site, built (and served) once for every site test file.
          globalSetup: ['site/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
