// Flat config: TypeScript, Lit templates and their accessibility, in one pass.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'dist/',
    'server/dist/',
    'storybook-static/',
    'node_modules/',
    'coverage/',
    'custom-elements.json',
    'bench/.out/',
    '.tmp/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  // Components, tests and stories run in the browser.
  {
    files: ['src/**/*.ts', 'test/**/*.{ts,js}', 'stories/**/*.{ts,js}', 'demo/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Lit template checks where templates are written.
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    extends: [lit.configs['flat/recommended']],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    extends: [litA11y.configs.recommended],
  },

  // Configs, build and test scripts, and the counter service (server/) run in Node.
  {
    files: ['**/*.{mjs,cjs}', '*.config.{js,ts}', '.storybook/**/*.{js,ts}', 'server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The package and WordPress tests are Node code that also hands callbacks to the browser page.
  {
    files: ['test/package/**/*.mjs', 'test/wordpress/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  {
    rules: {
      // `interface HTMLElementEventMap extends PortalEventMap {}` is how a
      // global map is augmented; other empty types are still reported.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      // A leading `_` marks a name that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
]);
