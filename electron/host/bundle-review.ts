// Opening a session bundle (a `.drillbook` file) for review: the host reads it through the store's
// bundle reader (read-only, verified) and hands the session to the application service, which
// keeps it in memory, read-only. The file is closed before this returns and is never written.
import { fail, type BridgeResult, type SessionDetail } from '../../core/protocol/bridge.ts';
import type { AppService, SessionReview } from '../../core/service/app-service.ts';
import { openSessionBundle, StoreError } from '../store/index.ts';

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
