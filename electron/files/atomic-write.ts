// The one way Drillbook writes a file a person keeps (a report, a session bundle, the remembered
// window positions): into a temporary file beside the target, flushed to disk, then published
// under the target's name, and the folder flushed too. A crash or a full disk leaves the old file
// or none, never half of one. Without `overwrite`, publishing never replaces a file, even one that
// appeared while this one was being written (a hard link fails if the name is taken; on a file
// system without hard links, FAT on a USB stick, it checks and then renames).
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Publishing without overwrite found a file at the target: it is left as it was. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

export interface PublishOptions {
  /** Replace a file already at the target (default false). */
  overwrite?: boolean;
}

/** A temporary name beside `target`, hidden and unique, so that it publishes with a rename on the same drive. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; some file systems cannot flush a folder, which is fine. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Moves the finished file `tmp` to `target`: flushed first, the folder flushed after. Without
 * `overwrite` it throws FileExistsError rather than replace a file at `target` (and leaves `tmp`
 * for the caller to remove).
 */
export function publishFile(tmp: string, target: string, options: PublishOptions = {}): void {
  syncFile(tmp);
  if (options.overwrite) {
    renameSync(tmp, target);
  } else {
    try {
      linkSync(tmp, target);
      rmSync(tmp, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
      // File systems without hard links: check, then rename.
      if (existsSync(target)) throw new FileExistsError(target);
      renameSync(tmp, target);
    }
  }
  syncFolder(dirname(target));
}

/** Writes `data` to `target` through a temporary file (see the top of this file); nothing is left beside it on failure. */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: PublishOptions = {}): void {
  const tmp = temporaryPathFor(target);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } finally {
      closeSync(fd);
    }
    publishFile(tmp, target, options);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * A file the person chose in a save dialog: the dialog asked before replacing an existing file, so
 * one that is there is replaced; where there was none, one that appears meanwhile is not.
 */
export function writeChosenFile(target: string, data: string | Uint8Array): void {
  writeFileAtomic(target, data, { overwrite: existsSync(target) });
}
