// Boundaries between the layers and the backend's domains (docs/ADDING_A_FEATURE.md), and no value
// import cycles. Style is left to TypeScript's strict mode and review.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const NON_DOMAIN = new Set(['platform', 'migrations']);
const DOMAINS = readdirSync('db', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NON_DOMAIN.has(entry.name))
  .map((entry) => entry.name);
const DOORS = DOMAINS.map((domain) => `./${domain}/index.ts`);
// '/electron' is the package only; our electron/ folder is governed by the zones below.
const NODE_AND_NATIVE = [
  { group: ['node:*', 'better-sqlite3', '/electron'], message: 'Only the backend and the main process reach Node, SQLite or Electron.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench-results/**', 'tests/e2e/screenshots/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
      // no-cycle reads each imported file itself, so it must know how to parse TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './renderer', from: ['./db', './server', './scripts'], message: 'The renderer talks to the backend only through the contract client.' },
            // The preload's bridge is the one exception, and for its type only (rule below): Window.flooddesk is typed from it.
            { target: './renderer', from: './electron', except: ['./preload-bridge.ts'], message: 'The renderer talks to the backend only through the contract client.' },
            { target: './core', from: ['./db', './server', './electron', './renderer', './scripts'], message: 'core/ is pure: rules and the contract, no IO.' },
            { target: './db/platform', from: './db', except: ['./platform'], message: 'db/platform knows no domain: the composition root (db/handlers.ts) injects them.' },
            { target: './db/migrations', from: './db', except: ['./migrations', './platform', ...DOORS], message: "Migration steps reach a domain only through its index.ts." },
            ...DOMAINS.map((domain) => ({
              target: `./db/${domain}`,
              from: './db',
              except: [`./${domain}`, './platform', './migrations/index.ts', ...DOORS],
              message: `db/${domain} may use another domain only through its index.ts, plus db/platform and core.`,
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NODE_AND_NATIVE }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/preload-bridge'], allowTypeImports: true, message: 'Only the bridge’s type may reach the renderer: use import type.' }] },
      ],
    },
  },
);
