// Restoring a backup never overwrites anything: the copy goes to a new path, is checked, and the
// user opens that. The damaged original stays where it is for whoever wants to look at it.
import { constants, copyFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { StoreError } from './errors.ts';
import { inspectFile } from './inspect.ts';

/** A path beside `dbPath` for a restored copy, e.g. `drillbook.restored-20261126T043000Z.db`. */
export function restoredPathFor(dbPath: string, now: Date = new Date()): string {
  const name = basename(dbPath);
  const ext = extname(name) || '.db';
  const stem = extname(name) ? name.slice(0, -ext.length) : name;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return join(dirname(dbPath), `${stem}.restored-${stamp}${ext}`);
}

/** Copies `backupPath` to `targetPath` (which must not exist) and checks the copy. */
export function restoreBackup(backupPath: string, targetPath: string): string {
  try {
    copyFileSync(backupPath, targetPath, constants.COPYFILE_EXCL);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') {
      throw new StoreError('conflict', `${targetPath} already exists; Drillbook will not overwrite it. Choose another name for the restored copy.`, {
        path: targetPath,
        cause: error,
      });
    }
    if (code === 'ENOSPC') {
      throw new StoreError('disk-full', `The disk is full: free space on the drive holding ${dirname(targetPath)}, then restore again. Nothing was changed.`, {
        path: targetPath,
        cause: error,
      });
    }
    throw new StoreError('io', `Drillbook could not copy ${backupPath} to ${targetPath} (${code ?? String(error)}).`, { path: targetPath, cause: error });
  }
  try {
    inspectFile(targetPath);
  } catch (error) {
    unlinkSync(targetPath);
    throw error;
  }
  return targetPath;
}

function errnoCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
