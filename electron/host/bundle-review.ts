// Session bundles (`.drillbook` files) on the host's side of the Bridge. Opening one for review:
// the host reads it through the store's bundle reader (read-only, verified) and hands the session
// to the application service, which keeps it in memory, read-only; the file is closed before this
// returns and is never written. Exporting one: the store writes it to a temporary folder and its
// bytes go back as the export's content (the desktop saves them, a browser downloads them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type BridgeResult, type BundleImportResult, type ExportedReport, type SessionDetail } from '../../core/protocol/bridge.ts';
import type { AppService, SessionReview } from '../../core/service/app-service.ts';
import { exportSessionBundle, importSessionBundle, openSessionBundle, StoreError, type Store } from '../store/index.ts';
import { appVersion } from './app-version.ts';

/** The bundle of stored session `sessionId`, as an export (base64 content named `fileName`). */
export function exportBundleFile(store: Store, sessionId: string, fileName: string): BridgeResult<ExportedReport> {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-export-'));
  try {
    const path = join(dir, 'session.drillbook');
    exportSessionBundle(store, sessionId, path, { appVersion: appVersion() });
    return ok({ format: 'bundle', fileName, mime: 'application/vnd.sqlite3', content: readFileSync(path).toString('base64'), encoding: 'base64' });
  } catch (error) {
    if (error instanceof StoreError) return fail(error.kind === 'not-found' ? 'not-found' : 'internal', error.message);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Keeps the session of a bundle sent over the Bridge (base64 bytes) in `store`, read-only, unless its
 * id is there already (sessions.importBundles). The bytes go to a temporary file the bundle reader
 * verifies; a file that is not a sound bundle is refused with the reader's reason.
 */
export function importBundleFile(store: Store, fileName: string, base64: string, wall: () => number = Date.now): BundleImportResult {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return { fileName, sessionId: null, outcome: 'refused', message: `${fileName} is empty or not base64: it is not a session bundle.` };
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-import-'));
  try {
    const path = join(dir, 'import.drillbook');
    writeFileSync(path, bytes);
    const done = importSessionBundle(store, path, { bundleFile: fileName, now: wall });
    return { fileName, sessionId: done.sessionId, outcome: done.outcome };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    // The reader names the temporary copy; the user knows the file by its own name.
    return { fileName, sessionId: null, outcome: 'refused', message: error.message.split(join(dir, 'import.drillbook')).join(fileName) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The session in the bundle at `path`, as the service takes it; a refusal says what is wrong with the file. */
export function readBundleReview(path: string): BridgeResult<SessionReview> {
  let bundle: ReturnType<typeof openSessionBundle>;
  try {
    bundle = openSessionBundle(path);
  } catch (error) {
    if (error instanceof StoreError) return fail(error.kind === 'not-found' ? 'not-found' : 'invalid-bundle', error.message);
    throw error;
  }
  try {
    const { session, scenario, events } = bundle;
    return {
      ok: true,
      value: {
        record: {
          sessionId: session.id,
          entryId: session.entryId ?? `stored-${session.scenario}`,
          scenarioText: scenario.sourceText,
          scenarioFileName: scenario.sourceName,
          contentHash: scenario.contentHash,
          createdAt: session.createdAt,
          roomScreen: session.roomScreen,
          seating: session.seating,
        },
        events,
      },
    };
  } finally {
    bundle.close();
  }
}

/** Opens the bundle at `path` in `service` for review. */
export function openBundleForReview(service: AppService, path: string): BridgeResult<SessionDetail> {
  const review = readBundleReview(path);
  return review.ok ? service.openReview(review.value) : review;
}
