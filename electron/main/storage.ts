// Where the desktop app keeps its data: the file it will use, and the ServiceStorage over it.
// electron/store has the SQLite store, but not yet an adapter of it to core/service's
// ServiceStorage (scenarios with entry ids, session records, events). Until that adapter lands,
// the desktop keeps sessions in memory and says so plainly at start (see main.ts): nothing is
// pretended to be saved. Swapping in the adapter is a change to this one file.
import { join } from 'node:path';
import { createMemoryStorage, type ServiceStorage } from '../../core/service/index.ts';

export const DATA_FILE = 'drillbook.db';

export interface DesktopStorage {
  storage: ServiceStorage;
  /** Whether what is recorded survives a restart. */
  durable: boolean;
  /** The data file the app uses (or will use) in the user-data folder. */
  path: string;
  close(): void;
}

export function openDesktopStorage(userData: string): DesktopStorage {
  return { storage: createMemoryStorage(), durable: false, path: join(userData, DATA_FILE), close: () => undefined };
}
