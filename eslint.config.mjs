// Type-aware lint for every runtime, plus the layering rules: a file's folder says what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = {
  group: ['node:*'],
  message: 'The renderer has no Node: talk to main through window.kiosk.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'coverage/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer never imports electron: use window.kiosk.' },
            { name: 'serialport', message: 'Serial I/O belongs to the main process.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: [
                '**/electron/main/**',
                '**/electron/core/**',
                '**/electron/adapters/**',
                '**/electron/sim/**',
                '**/electron/cli/**',
                '**/electron/runtime/**',
                '**/electron/build-tools/**',
                '**/electron/preload/**',
              ],
              message: 'The renderer may import only electron/contract from the main side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core runs without Electron: take the API as a port.' },
            { name: 'serialport', message: 'Only adapters touch I/O.' },
            ...['fs', 'fs/promises', 'http', 'https', 'net', 'child_process'].map((name) => ({
              name,
              message: 'Only adapters touch I/O.',
            })),
          ],
          patterns: [
            {
              group: [
                '**/adapters/**',
                '**/electron/main/**',
                '**/sim/**',
                '**/cli/**',
                '**/runtime/**',
                '**/build-tools/**',
              ],
              message: 'The core depends on ports, never on adapters, the shell, simulators or the CLI.',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:http',
                'node:https',
                'node:net',
                'node:child_process',
                'node:sqlite',
              ],
              message: 'Only adapters touch I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
