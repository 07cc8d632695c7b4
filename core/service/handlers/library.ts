// library.*: the scenario library (shipped files, imports, duplicates). A scenario's printed guide
// is an export (./exports.ts).
import { ok } from '../../protocol/bridge.ts';
import type { Handlers, ServiceContext } from './types.ts';

export function libraryHandlers({ library }: ServiceContext): Pick<Handlers, 'library.list' | 'library.get' | 'library.import' | 'library.duplicate' | 'library.save'> {
  return {
    'library.list': async () => ok(library.list()),
    'library.get': async (params) => library.get(params.entryId),
    'library.import': async (params) => library.import(params.fileName, params.text),
    'library.duplicate': async (params) => library.duplicate(params.entryId),
    'library.save': async (params) => library.save(params.fileName, params.text, params.entryId),
  };
}
