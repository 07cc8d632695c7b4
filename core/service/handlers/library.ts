// library.*: the scenario library (shipped files, imports, duplicates) and the versions of its
// entries (save, list, read, compare, restore), and the shipped plays written for a scenario. A scenario's printed guide is an export (./exports.ts).
import { ok } from '../../protocol/bridge.ts';
import type { Handlers, ServiceContext } from './types.ts';

type LibraryMethods = 'library.list' | 'library.get' | 'library.import' | 'library.duplicate'
  | 'library.save' | 'library.versions' | 'library.version' | 'library.diff' | 'library.restore' | 'library.plays';

export function libraryHandlers({ library, plays, storage }: ServiceContext): Pick<Handlers, LibraryMethods> {
  /** The sessions started from this entry with this exact text: they ran that version. */
  const sessionsOf = (entryId: string) => {
    const sessions = storage.sessions.list().filter((s) => s.entryId === entryId);
    return (hash: string) => sessions.filter((s) => s.contentHash === hash).map((s) => s.sessionId);
  };
  return {
    'library.list': async () => ok(library.list()),
    'library.get': async (params) => library.get(params.entryId),
    'library.import': async (params) => library.import(params.fileName, params.text),
    'library.duplicate': async (params) => library.duplicate(params.entryId),
    'library.save': async (params) => library.save(params),
    'library.versions': async (params) => library.versions(params.entryId, sessionsOf(params.entryId)),
    'library.version': async (params) => library.version(params.entryId, params.version),
    'library.diff': async (params) => library.diff(params.entryId, params.from, params.to),
    'library.restore': async (params) => library.restore(params.entryId, params.version, params.note),
    'library.plays': async (params) => ok(plays.forScenario(params.scenarioId)),
  };
}
