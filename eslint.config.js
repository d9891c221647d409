import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import drizzle from 'eslint-plugin-drizzle';

// Pages are rendered per person, so a prefetch is a server render: links prefetch only when asked.
const NEXT_LINK = { name: 'next/link', message: 'Use @/components/ui/link, which does not prefetch unless asked.' };

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'db/migrations/**',
      'db/migrations-pg/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, drizzle },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // An update or delete without a where clause would touch every row.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every query is awaited: a promise left floating, or returned out of a try block unawaited,
    // would let an error (a refused write, a lost database) slip past the code meant to handle it.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // lib/ and app/ run on both databases: no driver and no dialect's query builder here (db/ holds them).
    files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['lib/realtime/postgres-publisher.*', 'lib/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['better-sqlite3', 'pg'].map((name) => ({
              name,
              message: 'Go through db/ (db/client.ts, db/handle.ts).',
            })),
            NEXT_LINK,
          ],
          patterns: [
            {
              group: [
                'drizzle-orm/sqlite-core',
                'drizzle-orm/pg-core',
                'drizzle-orm/better-sqlite3',
                'drizzle-orm/node-postgres',
              ],
              message: "Write queries both databases run: drizzle-orm's core, db/alias.ts, db/dialect.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures hand their value to the test with a callback named `use`: not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Components never reach the database directly: data flows through lib/.
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NEXT_LINK],
          patterns: [{ group: ['@/db', '@/db/*', '../db/*'], message: 'Components go through lib/, never db/.' }],
        },
      ],
    },
  },
  {
    // Plain Node scripts an auditor runs outside the project (no TypeScript, no dependencies).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // CommonJS configuration files (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
