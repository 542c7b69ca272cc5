// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');
const reactHooks = require('eslint-plugin-react-hooks');
const prettierConfig = require('eslint-config-prettier');

// Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O libraries.
const forbiddenInWorkflows = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'express',
  'pg',
  'better-sqlite3',
  'kysely',
  'pino',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
];

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'ui/dist/**',
      '.tools/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      'ui/vite.config.mts',
    ],
  },
  js.configs.recommended,
  // The type-checked set: rules that read the types (unbound methods, needless casts, async without
  // await, `[object Object]` in text, values of type any flowing into typed code).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Passing on a caught value as it is (`catch (e) { return Promise.reject(e) }`) is a rethrow, not a
      // new non-Error rejection; only-throw-error allows the same for `throw e`.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['ui/**/*.tsx', 'ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests read JSON responses of any shape (supertest's `res.body` is `any`): reading and passing on
    // their fields is what a test does, so the no-unsafe-* family would flag nearly every assertion
    // (~1,250 findings) without finding a bug. The test fakes implement async interfaces with
    // synchronous bodies; `async` keeps their throws rejections, as in the real implementations.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInWorkflows.map((name) => ({
            name,
            message: 'Workflow code must stay deterministic: do I/O in an activity.',
          })),
          patterns: [
            {
              group: ['**/server/**', '**/platform/**', '**/services/**', '**/worker/**', '**/product/**'],
              message: 'Workflow code is deterministic domain code: it imports no I/O layer (only types).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's job (`npm run format`); turn off the style rules that would disagree with it.
  prettierConfig,
);
