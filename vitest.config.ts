import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['content-schemas/test/**/*.test.ts', 'scripts/**/*.test.ts', 'cms/seed/**/*.test.ts', 'cms/src/**/*.test.ts'],
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
