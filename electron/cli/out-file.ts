// Every command that writes a file a person keeps (simulate --out DIR, report --out FILE, guide
// --out FILE, report --format bundle) leaves an existing file alone unless --force says to replace
// it, and says so the same way (issue 14, item 19: simulate --out overwrote silently while the
// bundle export asked for --force). Checked before any work, so that a refusal costs nothing.
import { existsSync } from 'node:fs';
import { FileExistsError } from '../files/atomic-write.ts';

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
