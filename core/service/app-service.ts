// The application service: the one place where Bridge requests are answered, on top of the engine
// runtime, the loader and scoring. Platform-free: storage, timers, the wall clock and ids are
// injected. The Electron main process, the LAN server and the in-process bridge all wrap it.
//
// It checks a request, then hands it to the handler of its method (./handlers/, one file per
// domain, typed by the protocol's handler map); the open sessions are the SessionRegistry's.
import type { TimerHost } from '../engine/runtime.ts';
import type { Projection } from '../engine/projections.ts';
import {
  fail, parseBridgeRequest, parseSubscribe,
  type BridgeMethod, type BridgeParams, type BridgeResult, type BridgeUpdate, type BridgeValues, type ParsedParams, type SessionDetail,
} from '../protocol/bridge.ts';
import { Library, type ShippedScenario } from './library.ts';
import { ShippedPlays, type ShippedPlay } from './plays.ts';
import { SessionRegistry, type HostPauseReason, type SessionReview } from './session-registry.ts';
import type { ServiceStorage } from './storage.ts';
import type { PushScheduler } from './view-pusher.ts';
import { debriefHandlers } from './handlers/debrief.ts';
import { exportHandlers } from './handlers/exports.ts';
import { libraryHandlers } from './handlers/library.ts';
import { liveHandlers, toEngineAudience } from './handlers/live.ts';
import { openSession, sessionHandlers } from './handlers/sessions.ts';
import { registerHandlers } from './handlers/register.ts';
import { trendHandlers } from './handlers/trends.ts';
import type { BundleExporter, BundleImporter, CsvReader, Handlers, HostExporter, ServiceContext } from './handlers/types.ts';

export type { BundleExporter, BundleImporter, CsvReader, Handlers, HostExporter } from './handlers/types.ts';
export { reviewIdOf, type HostPauseReason, type SessionReview } from './session-registry.ts';

export interface AppServiceOptions {
  storage: ServiceStorage;
  timers: TimerHost;
  shipped?: readonly ShippedScenario[];
  /** The shipped plays (scenarios/plays/*.yaml), offered by `library.plays` for the scenario each names. */
  shippedPlays?: readonly ShippedPlay[];
  /** Wall-clock epoch ms. */
  wall: () => number;
  /** A new unique id (sessions, imported scenarios). */
  newId: () => string;
  /** Where a PDF comes from; without it, pdf export says which app can make one. */
  pdf?: HostExporter;
  /** Where a session bundle comes from; without it, bundle export says where one can be made. */
  bundle?: BundleExporter;
  /** Reads a register CSV strictly; without it, register.import says where a file can be imported. */
  readCsv?: CsvReader;
  /** Where bundles from other facilitators are kept (the host's data file); without it, import says where it can be done. */
  importBundle?: BundleImporter;
  /** Told about things that went wrong off the request path (a shipped file that does not load, a failed delivery). */
  onError?: (message: string) => void;
  /**
   * Coalesced view pushes (see view-pusher.ts): after a change, each audience's view goes out once,
   * on a later turn, at most once per `intervalMs` (default 16). Without it every change is pushed
   * inside the dispatch that made it, which tests on virtual time and the in-page demo rely on.
   */
  views?: { scheduler: PushScheduler; intervalMs?: number };
  /** How many ended or reviewed sessions stay open while nobody watches them (session-registry.ts). */
  keepAtRest?: number;
}

/** Runs the handler of a parsed request (the method and its params agree by construction). */
function run<M extends BridgeMethod>(handlers: Handlers, request: { method: M; params: ParsedParams<M> }): Promise<BridgeResult<BridgeValues[M]>> {
  return handlers[request.method](request.params);
}

export class AppService {
  /** The open sessions (live and reviews). */
  readonly sessions: SessionRegistry;
  private readonly context: ServiceContext;
  private readonly handlers: Handlers;
  private readonly onError: (message: string) => void;

  constructor(options: AppServiceOptions) {
    const onError = options.onError ?? (() => {});
    this.onError = onError;
    const library = new Library(options.storage.scenarios, options.shipped ?? [], options.newId, options.wall,
      (file, message) => onError(`The shipped scenario ${file} does not load and is left out: ${message}`));
    const plays = new ShippedPlays(options.shippedPlays ?? [],
      (file, message) => onError(`The shipped play ${file} is left out: ${message}`));
    this.sessions = new SessionRegistry({
      storage: options.storage, timers: options.timers, wall: options.wall, onError,
      ...(options.views ? { views: options.views } : {}),
      ...(options.keepAtRest !== undefined ? { keepAtRest: options.keepAtRest } : {}),
    });
    this.context = {
      storage: options.storage, library, plays, sessions: this.sessions, wall: options.wall, newId: options.newId,
      ...(options.pdf ? { pdf: options.pdf } : {}),
      ...(options.bundle ? { bundle: options.bundle } : {}),
      ...(options.readCsv ? { readCsv: options.readCsv } : {}),
      ...(options.importBundle ? { importBundle: options.importBundle } : {}),
    };
    this.handlers = {
      ...libraryHandlers(this.context),
      ...sessionHandlers(this.context),
      ...liveHandlers(this.context),
      ...debriefHandlers(this.context),
      ...exportHandlers(this.context),
      ...registerHandlers(this.context),
      ...trendHandlers(this.context),
    };
  }

  /** Handles a request from any transport: checks it, then answers. Never throws. */
  request<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>>;
  request(method: unknown, params: unknown): Promise<BridgeResult<unknown>>;
  async request(method: unknown, params: unknown): Promise<BridgeResult<unknown>> {
    const parsed = parseBridgeRequest(method, params);
    if (!parsed.ok) return parsed;
    try {
      return await run(this.handlers, parsed.value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.onError(message);
      return fail('internal', `Drillbook could not complete '${parsed.value.method}': ${message}`);
    } finally {
      this.sessions.letGo();
    }
  }

  /**
   * Opens a session read from a bundle for review: in memory, under its own id (reviewIdOf),
   * never stored and never changed; the debrief, replay and exports work as for any session.
   * Opening the same session again replaces the earlier review.
   */
  openReview(review: SessionReview): BridgeResult<SessionDetail> {
    const opened = this.sessions.openReview(review);
    return opened.ok ? openSession(this.context, opened.value.record.sessionId) : opened;
  }

  /**
   * The host's own pause (not a Bridge request: the system never acts through the bridge): the
   * laptop is going to sleep, slept, or its clock jumped. Every open session that is running is
   * paused as `system` with the reason in its timeline. Returns the ids paused; a refusal (a full
   * disk) is reported through onError and the session keeps running.
   */
  pauseRunning(reason: HostPauseReason): string[] {
    return this.sessions.pauseRunning(reason);
  }

  /** Pushes the audience's projection now and after every change. Never throws. */
  subscribe(rawParams: unknown, listener: (update: BridgeUpdate) => void): () => void {
    const params = parseSubscribe(rawParams);
    if (!params.ok) {
      listener({ kind: 'error', sessionId: '', audience: 'room', error: params.error });
      return () => {};
    }
    const { sessionId, audience } = params.value;
    const live = this.sessions.get(sessionId);
    if (!live.ok) {
      listener({ kind: 'error', sessionId, audience, error: live.error });
      return () => {};
    }
    const engineAudience = toEngineAudience(audience);
    if (engineAudience.kind === 'role' && !live.value.scenario.roles.some((r) => r.id === engineAudience.role)) {
      listener({ kind: 'error', sessionId, audience, error: { code: 'unknown-role', message: `There is no role '${engineAudience.role}' in this scenario.` } });
      return () => {};
    }
    const push = (projection: Projection) => listener({ kind: 'projection', sessionId, audience, projection });
    return this.sessions.watch(sessionId, live.value, engineAudience, push);
  }

  /** Stops every runtime's timers (the host is closing). */
  dispose(): void {
    this.sessions.dispose();
  }
}
