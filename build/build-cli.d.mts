// Types of build-cli.mjs, for the benchmark and the tests that build the CLI.
import type { Metafile } from 'esbuild';

export const CLI_EXTERNAL: string[];
export const CLI_SOURCES: string[];
export function cliBuildState(options?: { rootDir?: string; outdir?: string }): 'fresh' | 'stale' | 'missing';
export function buildCli(options?: { outdir?: string }): Promise<Metafile>;
