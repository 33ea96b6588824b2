// Lint, including the layer rules of DESIGN.md: only src-main/app touches Electron; src-shared
// imports no Node, database or React module; the renderer never reaches into main or server.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'stream',
  'worker_threads',
];
const electron = {
  group: ['electron', 'electron-updater', 'electron/*'],
  message: 'Only src-main/app may import Electron.',
};
const nodeOnly = { group: NODE_BUILTINS, message: 'No Node modules here.' };
const database = {
  group: ['better-sqlite3', 'kysely', 'pg'],
  message: 'The database lives in src-main (or src-server).',
};
const react = {
  group: ['react', 'react-dom', 'react/*', '@mantine/*', '@tanstack/*', 'react-i18next', 'i18next'],
  message: 'src-shared is pure TypeScript.',
};
const intoMain = {
  group: ['**/src-main/**', '**/src-main'],
  message: 'The renderer and the server never import main.',
};
const intoRenderer = { group: ['**/src-renderer/**', '**/src-renderer'], message: 'Nothing imports the renderer.' };
const intoServer = { group: ['**/src-server/**', '**/src-server'], message: 'Only the server imports the server.' };
// Inside the renderer: app → features → ui → api, each layer importing only those after it.
const intoFeatures = {
  group: ['**/features/**', '**/features'],
  message: 'Only the app imports features (the renderer: app → features → ui → api).',
};
const intoUi = {
  group: ['**/ui/**', '**/ui'],
  message: 'The api layer never imports ui (the renderer: app → features → ui → api).',
};
const intoApp = {
  group: ['**/App', '**/main'],
  message: 'Nothing imports the app shell (the renderer: app → features → ui → api).',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Inside src-main, by relative path: db and vault at the bottom, then sync and the services, and the
// hosts (app, host, harness, cli) on top, which nothing below imports.
const upInMain = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const aboveStorage = upInMain(
  ['services', 'sync', 'host', 'harness', 'cli', 'app'],
  'src-main/db and src-main/vault are the bottom layer: no services, sync or hosts.',
);
const intoHosts = upInMain(
  ['host', 'harness', 'cli', 'app'],
  'Only the hosts (app, host, harness, cli) compose the desk; nothing below imports them.',
);
const intoHandlers = {
  regex: '^(\\.\\./)+services/(rpc|[a-z-]+/handlers)(/|$)',
  message: 'The sync works beneath the operations: it is given a rerun, it does not import handlers or dispatch.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: restrict(electron, nodeOnly, database, react, intoMain, intoRenderer, intoServer),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict(electron, nodeOnly, database, intoMain, intoServer) },
  },
  { files: ['src-renderer/features/**'], rules: restrict(electron, nodeOnly, database, intoMain, intoServer, intoApp) },
  {
    files: ['src-renderer/ui/**', 'src-renderer/i18n/**'],
    rules: restrict(electron, nodeOnly, database, intoMain, intoServer, intoApp, intoFeatures),
  },
  {
    files: ['src-renderer/api/**'],
    rules: restrict(electron, nodeOnly, database, intoMain, intoServer, intoApp, intoFeatures, intoUi),
  },
  { files: ['src-main/**'], ignores: ['src-main/app/**'], rules: restrict(electron, intoRenderer, intoServer) },
  { files: ['src-main/db/**', 'src-main/vault/**'], rules: restrict(electron, intoRenderer, intoServer, aboveStorage) },
  { files: ['src-main/services/**'], rules: restrict(electron, intoRenderer, intoServer, intoHosts) },
  { files: ['src-main/sync/**'], rules: restrict(electron, intoRenderer, intoServer, intoHosts, intoHandlers) },
  { files: ['src-main/app/**'], rules: restrict(intoRenderer, intoServer) },
  { files: ['src-server/**'], rules: restrict(electron, intoMain, intoRenderer) },
  { files: ['tests/**', 'scripts/**'], rules: restrict(electron) },
);
