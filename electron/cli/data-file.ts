// Where the command line keeps its Drillbook data file when none is named: `drillbook serve` writes
// there, and `drillbook sessions` reads it (and says so).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataFile(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'drillbook', 'drillbook.db');
}
