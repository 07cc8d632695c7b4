// Whether another connection (a running Drillbook, `drillbook serve`, a report being read) has a
// data file open. In WAL mode every open connection holds a shared lock on the file, so asking for
// an exclusive one, without waiting, answers it; the answer is only true for that moment.
import Database from 'better-sqlite3';
import { sqliteCode } from './sqlite-errors.ts';

export function dataFileInUse(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    const code = sqliteCode(error);
    // A damaged or foreign file is not open in a Drillbook either: it is the one a restore replaces.
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    db?.close();
  }
}
