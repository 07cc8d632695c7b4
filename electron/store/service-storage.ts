// The application service's storage (core/service/storage.ts) on the SQLite data file, through the
// store's query modules: a library entry points at the one stored copy of its text (`scenarios`
// keeps one row per distinct text) and each save of it is a numbered version (schema v7); a session
// row carries the entry it came from and how the room plays it (schema v2), and events go to the
// store's SqliteEventStore, so status and seats stay in step with the log in the same transaction.
import { contentHash as hashOf } from './queries/scenarios.ts';
import { loadScenario } from '../../core/scenario/load.ts';
import type { ScenarioStorage, ServiceStorage, SessionStorage, StoredScenario, StoredSessionRecord } from '../../core/service/storage.ts';
import { StoreError } from './errors.ts';
import type { Store } from './store.ts';

/** The id and title of a scenario text, for the store's listing columns (the service loaded it already). */
function headerOf(text: string, fileName: string): { scenarioId: string; title: string } {
  const loaded = loadScenario(text, fileName);
  return loaded.ok ? { scenarioId: loaded.value.id, title: loaded.value.title } : { scenarioId: 'unknown', title: fileName };
}

/** A copy whose text and hash disagree would re-score against the wrong thing: refuse it. */
function checkHash(store: Store, text: string, claimed: string, what: string): void {
  if (hashOf(text) !== claimed) {
    throw new StoreError('conflict', `${what} does not match its content hash; it was not saved to ${store.path}.`, { path: store.path });
  }
}

function importText(store: Store, text: string, fileName: string, importedAt?: number | null): number {
  return store.scenarios.import({ ...headerOf(text, fileName), sourceText: text, sourceName: fileName, ...(importedAt != null ? { importedAt } : {}) }).id;
}

function scenarioStorage(store: Store): ScenarioStorage {
  const toStored = (e: ReturnType<Store['library']['list']>[number]): StoredScenario => ({
    entryId: e.entryId, source: e.source, fileName: e.fileName, text: e.text, contentHash: e.contentHash, importedAt: e.importedAt,
  });
  return {
    list: () => store.library.list().map(toStored),
    get(entryId) {
      const entry = store.library.get(entryId);
      return entry ? toStored(entry) : undefined;
    },
    save(scenario, version) {
      checkHash(store, scenario.text, scenario.contentHash, `The scenario ${scenario.fileName}`);
      return store.transaction(() => {
        const row = importText(store, scenario.text, scenario.fileName, scenario.importedAt);
        const number = store.libraryVersions.append({ entryId: scenario.entryId, scenario: row, fileName: scenario.fileName, ...version });
        // Only a ready version becomes what the library lists and sessions start from.
        if (version.ready) {
          store.library.put({ entryId: scenario.entryId, scenario: row, source: scenario.source, fileName: scenario.fileName, importedAt: scenario.importedAt });
        }
        return { entryId: scenario.entryId, version: number, fileName: scenario.fileName, contentHash: scenario.contentHash, ...version };
      });
    },
    versions: (entryId) => store.libraryVersions.list(entryId).map((v) => ({
      entryId: v.entryId, version: v.version, fileName: v.fileName, contentHash: v.contentHash, savedAt: v.savedAt, note: v.note, ready: v.ready,
    })),
    versionText: (entryId, version) => store.libraryVersions.text(entryId, version),
  };
}

function sessionStorage(store: Store): SessionStorage {
  const toRecord = (id: string): StoredSessionRecord | undefined => {
    const session = store.sessions.find(id);
    if (!session) return undefined;
    const text = store.scenarios.get(session.scenario);
    const imported = store.imports.find(id);
    return {
      sessionId: session.id,
      // Sessions made outside the service (`drillbook simulate --db`) have no entry: they open by id.
      entryId: session.entryId ?? `stored-${session.scenario}`,
      scenarioText: text.sourceText,
      scenarioFileName: text.sourceName,
      contentHash: text.contentHash,
      createdAt: session.createdAt,
      roomScreen: session.roomScreen,
      seating: session.seating,
      ...(imported ? { origin: { bundleFile: imported.bundleFile, exportedAt: imported.exportedAt, appVersion: imported.appVersion, importedAt: imported.importedAt } } : {}),
    };
  };
  return {
    list: () => store.sessions.list().map((s) => toRecord(s.id)).filter((r): r is StoredSessionRecord => r !== undefined),
    get: toRecord,
    put(record) {
      checkHash(store, record.scenarioText, record.contentHash, `The scenario text of session ${record.sessionId}`);
      const room = { entryId: record.entryId, roomScreen: record.roomScreen, seating: record.seating };
      store.transaction(() => {
        if (store.sessions.find(record.sessionId)) {
          if (store.imports.find(record.sessionId)) throw new StoreError('conflict', `Session ${record.sessionId} in ${store.path} was imported from another facilitator's bundle and is read-only.`, { path: store.path });
          store.sessions.setRoom(record.sessionId, room);
          return;
        }
        const scenario = importText(store, record.scenarioText, record.scenarioFileName);
        // The facilitator's name arrives with the session.setup event, which fills the column.
        store.sessions.create({ id: record.sessionId, scenario, facilitator: '', createdAt: record.createdAt, ...room });
      });
    },
  };
}

/** The service's storage on an open data file. */
export function createServiceStorage(store: Store): ServiceStorage {
  return { scenarios: scenarioStorage(store), sessions: sessionStorage(store), events: store.events, actions: { list: () => store.actions.list(), put: (records) => store.actions.put(records) } };
}
