// Lint, and the layering rules of docs/architecture.md as code:
//   core/      imports nothing of Node, Electron, React or the DOM, and nothing of ours above it;
//   renderer/  imports nothing from electron/ and nothing of Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const coreRestrictedImports = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'core/ is platform-free: no Node built-ins. Inject what you need through an interface.' })),
    { name: 'electron', message: 'core/ is platform-free: no electron.' },
    { name: 'react', message: 'core/ is platform-free: no react.' },
    { name: 'react-dom', message: 'core/ is platform-free: no react-dom.' },
    { name: 'better-sqlite3', message: 'core/ is platform-free: SQL lives in electron/store.' },
    { name: 'ws', message: 'core/ is platform-free: sockets live in electron/lan.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'core/ is platform-free: no Node built-ins.' },
    { group: ['**/electron/**', '**/renderer/**', 'react-dom/*', 'electron/*'], message: 'core/ imports nothing above it (electron/, renderer/).' },
  ],
};

const domAndHostGlobals = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch',
  'XMLHttpRequest', 'WebSocket', 'HTMLElement', 'Element', 'Node', 'DOMParser',
  'process', 'require', 'Buffer', '__dirname', '__filename', 'global',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'performance',
].map((name) => ({ name, message: `core/ is platform-free: '${name}' belongs to a host. Inject it (clock, timer, store) instead.` }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'renderer/dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly',
        Buffer: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        structuredClone: 'readonly', queueMicrotask: 'readonly', AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      'no-restricted-globals': ['error', ...domAndHostGlobals],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'renderer/ talks to the host only through the Bridge (protocol), never electron.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' })),
        ],
        patterns: [
          { group: ['**/electron/**'], message: 'renderer/ imports nothing from electron/: use the Bridge and core/protocol.' },
          { group: ['node:*'], message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
        ],
      }],
    },
  },
);
