// Bundles the Electron main process and the preload into out/main/ (CommonJS, what Electron loads).
// The preload becomes one small file that requires only `electron`, as a sandboxed preload must.
// In the main bundle, `better-sqlite3` resolves to electron/main/better-sqlite3-electron.ts, which
// loads the Electron build of its binding (see electron/main/native.ts).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Electron 45 runs Node 22 in the main process and Chromium 142 in renderers.
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outdir: 'out/main',
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
  // playwright-core is the CLI's PDF path; the desktop prints with Electron and never loads it.
  external: ['electron', 'playwright-core'],
  // Shared modules (electron/host, electron/lan) are ES modules that find their folders through
  // import.meta; in the CommonJS bundle that is __dirname / __filename. out/main/ sits two levels
  // below the root, as electron/<part>/ does, so their relative paths still land in the root.
  banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename', 'import.meta.url': '__bundle_import_meta_url' },
};

/** `outdir`: where the two files go (default out/main; a test bundles into a temporary folder). */
export async function buildElectron({ outdir = 'out/main' } = {}) {
  await build({
    ...common,
    outdir,
    entryPoints: { main: 'electron/main/main.ts' },
    alias: { 'better-sqlite3': './electron/main/better-sqlite3-electron.ts' },
  });
  await build({ ...common, outdir, entryPoints: { preload: 'electron/main/preload.ts' }, sourcemap: false });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
  console.log('Built out/main/main.cjs and out/main/preload.cjs');
}
