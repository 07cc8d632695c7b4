// Lint, and the layering rules of docs/architecture.md as code:
//   core/      imports nothing of Node, Electron, React or the DOM, and nothing of ours above it;
//   renderer/  imports nothing from electron/ and nothing of Node, and uses no Node global
//              (process, Buffer, require...);
//   electron/  imports nothing from renderer/, and inside it each part only what is below it:
//              files (atomic writes) < store (SQLite) < host < lan < main; report < host; the CLI
//              on top. The store never imports the host, the LAN server, the shell or the CLI.
// tsconfig.core.json, tsconfig.renderer.json and tsconfig.node.json say the same to the compiler.
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

const nodeOnlyGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate', 'module', 'exports']
  .map((name) => ({ name, message: `renderer/ runs in a sandboxed page: '${name}' is Node's. Ask the host through the Bridge.` }));

/** What a part of electron/ may not import: the parts above it (by folder name), and never renderer/. */
const ELECTRON_LAYERS = {
  files: ['store', 'report', 'host', 'lan', 'main', 'cli'],
  store: ['report', 'host', 'lan', 'main', 'cli'],
  report: ['store', 'host', 'lan', 'main', 'cli'],
  host: ['lan', 'main', 'cli'],
  lan: ['store', 'main', 'cli'],
  main: ['cli'],
  cli: [],
};

function electronLayer(part, above) {
  return {
    files: [`electron/${part}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)renderer/', message: 'electron/ imports nothing from renderer/: layers point down to core only.' },
          ...(above.length === 0 ? [] : [{
            // A relative path out of this part into a part above it (not core/'s folders of the same name).
            regex: `^(\\.\\./)+(${above.join('|')})/`,
            message: `electron/${part}/ sits below ${above.map((a) => `electron/${a}/`).join(', ')}: it may not import them.`,
          }]),
        ],
      }],
    },
  };
}

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
      'no-restricted-globals': ['error', ...nodeOnlyGlobals],
    },
  },
  ...Object.entries(ELECTRON_LAYERS).map(([part, above]) => electronLayer(part, above)),
);
