// Browser mode serves renderer/dist. This says whether that build is missing or older than the
// sources it comes from, and builds it with vite when the sources and vite are here (a checkout);
// otherwise it says how.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['renderer', 'core', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry.name)));
  }
  return max;
}

export type BuildState = 'fresh' | 'missing' | 'stale';

export function rendererBuildState(root: string = ROOT): BuildState {
  const index = join(root, 'renderer', 'dist', 'index.html');
  if (!existsSync(index)) return 'missing';
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  return sources > built ? 'stale' : 'fresh';
}

export type BuildResult = { ok: true; state: BuildState; built: boolean } | { ok: false; message: string };

/** Builds renderer/dist if it is missing or stale and vite is installed. */
export function ensureRendererBuilt(root: string = ROOT): BuildResult {
  const state = rendererBuildState(root);
  if (state === 'fresh') return { ok: true, state, built: false };
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite) || !existsSync(join(root, 'renderer', 'index.html'))) {
    if (state === 'stale') return { ok: true, state, built: false };
    return { ok: false, message: 'The Drillbook page is not built and vite is not installed here. Run `npm install` and `npm run build:renderer` in the Drillbook folder, then try again.' };
  }
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    return { ok: false, message: `Building the Drillbook page failed (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr || result.stdout).trim().slice(0, 2000)}\nRun \`npm run build:renderer\` to see the whole output.` };
  }
  return { ok: true, state, built: true };
}
