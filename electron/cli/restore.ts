// drillbook restore DB --from BACKUP: puts a backup (from DB's backups/ folder, or any copy of a
// data file) in place of the data file DB, which is usually damaged. Nothing is overwritten or
// deleted: DB, with its -wal and -shm, is first moved aside to DB's name plus `.before-restore-
// <UTC stamp>`, then the backup is copied to DB's name and checked (restoreBackup). A data file in
// use by a running Drillbook is refused and left as it is, as are a session bundle given as the
// backup and a backup that is itself damaged.
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { dataFileInUse, describeBackup, isSessionBundle, listBackups, restoreBackup } from '../store/index.ts';
import { parseArgs } from './args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook restore DB --from BACKUP

Puts the backup BACKUP in place of the Drillbook data file DB. DB (if it is there) is not deleted:
it is moved aside to DB's name plus .before-restore-<time>. The restored file is checked before
Drillbook uses it. Close Drillbook (and any drillbook serve) using DB first: a data file in use is
refused. Backups are kept in the backups/ folder beside DB; run without --from to list them.`;

/** Where the current data file goes: `drillbook.before-restore-20261126T043000Z.db`. */
export function asidePathFor(dbPath: string, now: Date = new Date()): string {
  const name = basename(dbPath);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return join(dirname(dbPath), `${stem}.before-restore-${stamp}${ext || '.db'}`);
}

export const restoreCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--from'], []);
  const [dbArg, extra] = parsed.positionals;
  if (dbArg === undefined) throw new UsageError('no data file given');
  if (extra !== undefined) throw new UsageError(`one data file at a time; '${extra}' is one too many`);
  const db = resolve(io.cwd, dbArg);
  const fromArg = parsed.values.get('--from');
  if (fromArg === undefined) {
    const backups = listBackups(db);
    const list = backups.length === 0 ? `there are no backups of it in ${join(dirname(db), 'backups')}` : `its backups, newest first:\n${backups.map((b) => `    ${describeBackup(b)}`).join('\n')}`;
    throw new UsageError(`no backup given: add --from BACKUP; ${list}`);
  }
  const backup = resolve(io.cwd, fromArg);
  if (backup === db) throw new UsageError('the backup and the data file are the same file');
  if (!existsSync(backup)) {
    io.err(`drillbook restore: there is no file at ${backup}. Run \`drillbook restore ${dbArg}\` to list the backups of ${dbArg}.`);
    return EXIT_FAILED;
  }
  if (isSessionBundle(backup)) {
    io.err(`drillbook restore: ${backup} is a session bundle, not a backup of a data file; open it read-only instead (drillbook serve --review ${fromArg}). Nothing was changed.`);
    return EXIT_FAILED;
  }
  let aside: string | null = null;
  if (existsSync(db)) {
    if (dataFileInUse(db)) {
      io.err(`drillbook restore: ${db} is open in a running Drillbook (the app, or drillbook serve). Close it, then restore again. Nothing was changed.`);
      return EXIT_FAILED;
    }
    aside = asidePathFor(db);
    if (existsSync(aside)) throw new Error(`${aside} already exists; wait a second and restore again. Nothing was changed.`);
    renameSync(db, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) renameSync(db + suffix, aside + suffix);
  }
  try {
    restoreBackup(backup, db);
  } catch (error) {
    // Put the data file back as it was: the restore did not happen.
    if (aside !== null) {
      for (const suffix of ['-wal', '-shm']) if (existsSync(aside + suffix)) renameSync(aside + suffix, db + suffix);
      renameSync(aside, db);
    }
    io.err(`drillbook restore: ${error instanceof Error ? error.message : String(error)} ${db} was left as it was.`);
    return EXIT_FAILED;
  }
  io.out(`Restored ${backup} to ${db}.`);
  if (aside !== null) io.out(`The file that was there is kept as ${aside}.`);
  return EXIT_OK;
};
