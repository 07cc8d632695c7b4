#!/usr/bin/env node
// The drillbook command: runs the compiled CLI in out/cli/ (build/build-cli.mjs; `npm install`
// builds it). In a checkout whose sources are newer than that build, it rebuilds first (esbuild,
// under a second), so the command always runs the code in the tree and never a TypeScript loader.
import { existsSync } from 'node:fs';

const sources = new URL('../electron/cli/main.ts', import.meta.url);
if (existsSync(sources)) {
  const { cliBuildState } = await import('../build/cli-build-state.mjs');
  if (cliBuildState() !== 'fresh') {
    const { buildCli } = await import('../build/build-cli.mjs');
    await buildCli();
  }
}
const { main } = await import('../out/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
