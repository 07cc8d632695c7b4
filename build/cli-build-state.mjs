// Whether out/cli/ (the compiled drillbook command) is missing, or older than a source it is
// compiled from. Kept apart from build-cli.mjs so that bin/drillbook.js can ask without loading
// esbuild: on a fresh build, the question costs a walk of core/ and electron/ (a few ms).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The sources the CLI is compiled from: a build older than any of them is stale. */
export const CLI_SOURCES = ['core', 'electron', 'package.json', 'build/build-cli.mjs'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry.name)));
  }
  return max;
}

/** 'fresh', 'stale' (a source is newer than the build) or 'missing'. */
export function cliBuildState({ rootDir = root, outdir = join(rootDir, 'out', 'cli') } = {}) {
  const entry = join(outdir, 'main.js');
  if (!existsSync(entry)) return 'missing';
  const built = statSync(entry).mtimeMs;
  return Math.max(...CLI_SOURCES.map((s) => newest(join(rootDir, s)))) > built ? 'stale' : 'fresh';
}
