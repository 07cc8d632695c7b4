// Every command that writes a file a person keeps (simulate --out DIR, report --out FILE, guide
// --out FILE, report --format bundle) leaves an existing file alone unless --force says to replace
// it, and says so the same way (issue 14, item 19: simulate --out overwrote silently while the
// bundle export asked for --force). Checked before any work, so that a refusal costs nothing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileExistsError, writeFileAtomic } from '../files/atomic-write.ts';
import { EXIT_FAILED, EXIT_OK, type CliIo } from './io.ts';

/** The one sentence for a file that is kept: which file, that it is unchanged, and the way out. */
export function alreadyExists(path: string, choose: string): string {
  return `${path} already exists. Drillbook did not change it. Add --force to replace it, or choose another ${choose}.`;
}

/** Throws (exit 1, the message above) when one of `paths` exists and --force was not given. */
export function refuseToReplace(paths: readonly string[], force: boolean, choose: string): void {
  if (force) return;
  const taken = paths.filter((path) => existsSync(path));
  if (taken.length === 0) return;
  if (taken.length === 1) throw new Error(alreadyExists(taken[0] as string, choose));
  throw new Error(`${taken.join(', ')} already exist. Drillbook did not change them. Add --force to replace them, or choose another ${choose}.`);
}

/** A file that appeared between the check and the write is not replaced either. */
export function isFileExists(error: unknown): error is FileExistsError {
  return error instanceof FileExistsError;
}

/**
 * Prints `content`, or with --out FILE writes it there (atomically; an existing file only with
 * --force) and says where. The ending of every command that makes one file (report, guide, register).
 */
export function writeOutput(io: CliIo, command: string, out: string | undefined, content: string | Uint8Array, force: boolean): number {
  if (out === undefined) {
    io.out(content.toString());
    return EXIT_OK;
  }
  const file = resolve(io.cwd, out);
  try {
    writeFileAtomic(file, content, { overwrite: force });
  } catch (error) {
    if (isFileExists(error)) {
      io.err(`drillbook ${command}: ${alreadyExists(file, 'file with --out FILE')}`);
      return EXIT_FAILED;
    }
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`Could not write ${file} (${code}). Choose another path with --out FILE.`);
    return EXIT_FAILED;
  }
  io.out(`Wrote ${file}`);
  return EXIT_OK;
}
