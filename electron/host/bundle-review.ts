// Session bundles (`.drillbook` files) on the host's side of the Bridge. Opening one for review:
// the host reads it through the store's bundle reader (read-only, verified) and hands the session
// to the application service, which keeps it in memory, read-only; the file is closed before this
// returns and is never written. Exporting one: the store writes it to a temporary folder and its
// bytes go back as the export's content (the desktop saves them, a browser downloads them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type BridgeResult, type ExportedReport, type SessionDetail } from '../../core/protocol/bridge.ts';
import type { AppService, SessionReview } from '../../core/service/app-service.ts';
import { exportSessionBundle, openSessionBundle, StoreError, type Store } from '../store/index.ts';
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
