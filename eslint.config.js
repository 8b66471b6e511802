// ESLint (flat config): the recommended JavaScript rules plus typescript-eslint's recommended rules, over every
// TypeScript and JavaScript source of the repository. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
// Run with `npm run lint`; the full `npm test` runs it too.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // ESLint does not read .gitignore: the generated and installed trees are listed here.
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      '**/.cache/',
      '**/.tmp/',
      '**/.astro/',
      '**/.strapi/',
      '.tools/',
      'cms/types/generated/',
      // Written by `npm run generate` (content-schemas' strapiFiles()).
      'cms/src/generated/',
      'cms/public/',
      'cms/data/',
      'snapshots/',
      'releases/',
      'live/',
      'backups/',
      'bench-results/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names mark a parameter or binding that is deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Code that runs in the browser: the site's client scripts and the Strapi admin extensions.
    files: ['site/src/**/*.{ts,tsx}', 'cms/src/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The site's static scripts (the Cloud School's progress script): plain browser JavaScript, served as written.
    files: ['site/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // `any` is an error everywhere else (typescript-eslint's recommended setting): the CMS's sources use Strapi's types
    // (@strapi/strapi's Core, Schema, UID, Modules.Documents) or precise local ones. These folders still read loosely
    // typed JSON (API answers, Strapi rows) through `any`; they are allowed it until their types are written.
    files: ['cms/test/**/*.ts', 'cms/tools/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'test-support/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
