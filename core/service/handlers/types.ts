// The handler map: one function per Bridge method, typed by the protocol, so that the compiler checks
// each handler's value against what the Bridge declares for its method (BridgeValues) and a method
// without a handler is a type error. The handlers live one file per domain beside this one.
import type { BridgeMethod, BridgeResult, BridgeValues, BundleImportResult, ExportedReport, ParsedParams } from '../../protocol/bridge.ts';
import type { ImportProblem } from '../../protocol/register.ts';
import type { Library } from '../library.ts';
import type { ShippedPlays } from '../plays.ts';
import type { SessionRegistry } from '../session-registry.ts';
import type { ServiceStorage } from '../storage.ts';

/** Answers one method, given its parsed (defaults filled) params. */
export type Handler<M extends BridgeMethod> = (params: ParsedParams<M>) => Promise<BridgeResult<BridgeValues[M]>>;

export type Handlers = { [M in BridgeMethod]: Handler<M> };

/** Exports that need a host (pdf: a browser prints the HTML). Returns the file, or an error. */
export type HostExporter = (html: string, fileName: string) => Promise<BridgeResult<ExportedReport>>;

/** A session bundle of a stored session, made by the host from its data file. */
export type BundleExporter = (sessionId: string, fileName: string) => Promise<BridgeResult<ExportedReport>>;

/** A strict CSV reader from the host (the service is platform-free; csv-parse needs Node's Buffer). */
export type CsvReader = (text: string) => { ok: true; records: string[][] } | { ok: false; problems: ImportProblem[] };

/**
 * Keeps the session of a bundle (base64 bytes named `fileName`) in the host's data file, read-only,
 * unless its session id is there already. Never throws: a bad file is a `refused` result.
 */
export type BundleImporter = (fileName: string, base64: string) => BundleImportResult;

/** What the handlers share: storage, the library and its shipped plays, the open sessions and the host's exporters. */
export interface ServiceContext {
  storage: ServiceStorage;
  library: Library;
  plays: ShippedPlays;
  sessions: SessionRegistry;
  wall: () => number;
  newId: () => string;
  pdf?: HostExporter;
  bundle?: BundleExporter;
  readCsv?: CsvReader;
  importBundle?: BundleImporter;
}
