// The sessions the service holds open: live ones (a runtime over the stored log, recovered on first
// use after a restart) and reviews (a session read from a bundle, in memory, never changed). The
// registry starts them, hands them to the handlers, counts who watches them, and lets go of the
// ones at rest (ended, a review, or an import) that nobody watches once more than `keepAtRest` of them are
// open, least recently used first. A running, paused or not yet started session is never let go:
// its timers and its pushes live in its runtime.
import { recoverRuntime } from '../engine/recovery.ts';
import { SessionRuntime, type TimerHost } from '../engine/runtime.ts';
import type { EventStore, SessionEvent } from '../engine/event.ts';
import type { Audience, Projection } from '../engine/projections.ts';
import { fail, ok, type BridgeResult } from '../protocol/bridge.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ServiceStorage, StoredSessionRecord } from './storage.ts';
import { ViewPusher, type PushScheduler } from './view-pusher.ts';

export interface LiveSession {
  record: StoredSessionRecord;
  scenario: Scenario;
  runtime: SessionRuntime;
  /** Set when views are coalesced (options.views): subscribers are served through it. */
  pusher?: ViewPusher;
  /** Set for a session opened from a bundle: its id in the file it came from. Nothing changes it. */
  reviewOf?: string;
}

/** A session read from a session bundle by the host (reading files is the host's part). */
export interface SessionReview {
  /** The session as the bundle holds it; `sessionId` is its id in the data file it came from. */
  record: StoredSessionRecord;
  events: readonly SessionEvent[];
}

/** The id a reviewed bundle goes by: a stored session id never holds a '.', so the two never meet. */
export function reviewIdOf(sessionId: string): string {
  return `bundle.${sessionId}`;
}

/** Why the host paused a running session (the engine's pause reasons a host may give). */
export type HostPauseReason = 'suspend' | 'clock-jump' | 'host';

/** How many sessions at rest (ended, or reviews) stay open when nobody watches them. */
export const DEFAULT_KEEP_AT_REST = 16;

export interface SessionRegistryOptions {
  storage: ServiceStorage;
  timers: TimerHost;
  wall: () => number;
  views?: { scheduler: PushScheduler; intervalMs?: number };
  onError: (message: string) => void;
  /** At least 1; default DEFAULT_KEEP_AT_REST. */
  keepAtRest?: number;
}

// A review never runs: its clock stands at the last event and nothing is ever appended.
const STILL_TIMERS: TimerHost = { now: () => 0, setTimer: () => null, clearTimer: () => {} };
function frozenStore(events: readonly SessionEvent[]): EventStore {
  return {
    append: () => {
      throw new Error('A session opened from a bundle is read-only.');
    },
    load: () => [...events],
  };
}

interface Entry {
  live: LiveSession;
  /** Subscriptions open on it: a watched session is never let go. */
  watchers: number;
}

export class SessionRegistry {
  /** In order of use, least recent first (a use moves an entry to the end). */
  private readonly open = new Map<string, Entry>();
  private readonly keepAtRest: number;

  constructor(private readonly options: SessionRegistryOptions) {
    this.keepAtRest = Math.max(1, options.keepAtRest ?? DEFAULT_KEEP_AT_REST);
  }

  /** The open session, if it is open (no recovery, no change of order). */
  peek(sessionId: string): LiveSession | undefined {
    return this.open.get(sessionId)?.live;
  }

  /** The ids open now, least recently used first (for tests and diagnostics). */
  openIds(): string[] {
    return [...this.open.keys()];
  }

  /** The session, recovered from storage on first use after a restart (or after it was let go). */
  get(sessionId: string): BridgeResult<LiveSession> {
    const entry = this.open.get(sessionId);
    if (entry) {
      this.open.delete(sessionId);
      this.open.set(sessionId, entry);
      return ok(entry.live);
    }
    const record = this.options.storage.sessions.get(sessionId);
    if (!record) {
      if (sessionId.startsWith(reviewIdOf(''))) return fail('not-found', `The session bundle '${sessionId.slice(reviewIdOf('').length)}' is no longer open here. Open the .drillbook file again to review it.`);
      return fail('not-found', `There is no session '${sessionId}'. Open the history to see the sessions there are.`);
    }
    const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
    if (!loaded.ok) return fail('invalid-scenario', `The scenario text of session ${sessionId} no longer loads.`, loaded.errors);
    if (record.origin) return ok(this.openImported(record, loaded.value));
    return ok(this.start(record, loaded.value, true));
  }

  /**
   * An imported session (another facilitator's run, kept in this data file): read like a review,
   * under its own id, never recovered (its clock would run) and never appended to.
   */
  private openImported(record: StoredSessionRecord, scenario: Scenario): LiveSession {
    const events = this.options.storage.events.load(record.sessionId);
    const runtime = new SessionRuntime({ scenario, sessionId: record.sessionId, store: frozenStore(events), timers: STILL_TIMERS, wall: this.options.wall, events });
    runtime.dispose();
    const live: LiveSession = { record, scenario, runtime };
    this.add(record.sessionId, live);
    return live;
  }

  /** Starts a session just stored (recover: false) or reopens a stored one (recover: true). */
  start(record: StoredSessionRecord, scenario: Scenario, recover: boolean): LiveSession {
    const onError = (error: unknown) => this.options.onError(`Session ${record.sessionId}: ${error instanceof Error ? error.message : String(error)}`);
    const views = this.options.views;
    const storage = this.options.storage.events;
    // Every change, a command's or a scheduled delivery's, is a committed append: the signal to push.
    let pusher: ViewPusher | undefined;
    // The clock notes pass through too: recovery depends on them (issue 14: lose seconds, not minutes).
    const store: EventStore = views
      ? {
          append: (id, batch) => { storage.append(id, batch); pusher?.changed(); },
          load: (id) => storage.load(id),
          ...(storage.saveClock ? { saveClock: storage.saveClock.bind(storage) } : {}),
          ...(storage.loadClock ? { loadClock: storage.loadClock.bind(storage) } : {}),
        }
      : storage;
    const common = { scenario, sessionId: record.sessionId, store, timers: this.options.timers, wall: this.options.wall, onError };
    const runtime = recover ? recoverRuntime(common) : new SessionRuntime(common);
    if (views) {
      const timers = this.options.timers;
      const source = {
        view: (audience: Audience) => runtime.view(audience),
        nextChangeIn: () => {
          const due = runtime.nextDue();
          const mono = due === null ? null : runtime.monoFor(due);
          return mono === null ? null : mono - timers.now();
        },
      };
      pusher = new ViewPusher(source, views.scheduler, views.intervalMs ?? 16, onError);
    }
    const live: LiveSession = { record, scenario, runtime, ...(pusher ? { pusher } : {}) };
    this.add(record.sessionId, live);
    return live;
  }

  /**
   * Opens a session read from a bundle for review: in memory, under its own id (reviewIdOf),
   * never stored and never changed. Opening the same session again replaces the earlier review.
   */
  openReview(review: SessionReview): BridgeResult<LiveSession> {
    const loaded = loadScenario(review.record.scenarioText, review.record.scenarioFileName);
    if (!loaded.ok) {
      return fail('invalid-scenario', `The scenario in the bundle (${review.record.scenarioFileName}) does not load in this version of Drillbook; open the bundle with the version that wrote it.`, loaded.errors);
    }
    const id = reviewIdOf(review.record.sessionId);
    const earlier = this.open.get(id);
    if (earlier) dispose(earlier.live);
    const runtime = new SessionRuntime({ scenario: loaded.value, sessionId: id, store: frozenStore(review.events), timers: STILL_TIMERS, wall: this.options.wall, events: review.events });
    runtime.dispose();
    const live: LiveSession = { record: { ...review.record, sessionId: id }, scenario: loaded.value, runtime, reviewOf: review.record.sessionId };
    // The earlier review's subscriptions stay with it (they count against its entry, not this one).
    this.add(id, live);
    return ok(live);
  }

  /** Pushes the audience's projection now and after every change, and keeps the session open meanwhile. */
  watch(sessionId: string, live: LiveSession, audience: Audience, push: (projection: Projection) => void): () => void {
    const stop = (live.pusher ?? live.runtime).subscribe(audience, push);
    const entry = this.open.get(sessionId);
    if (!entry || entry.live !== live) return stop;
    entry.watchers += 1;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      stop();
      entry.watchers -= 1;
      this.letGo();
    };
  }

  /**
   * The host's own pause: every open session that is running is paused as `system` with the
   * reason. Returns the ids paused; a refusal (a full disk) is reported and the session keeps running.
   */
  pauseRunning(reason: HostPauseReason): string[] {
    const paused: string[] = [];
    for (const [sessionId, { live }] of this.open) {
      if (isReadOnly(live) || live.runtime.state.status !== 'running') continue;
      const result = live.runtime.dispatch('system', { type: 'session.pause', reason });
      if (result.ok) paused.push(sessionId);
      else this.options.onError(`Session ${sessionId} could not be paused after a ${reason}: ${result.rejection.message}`);
    }
    return paused;
  }

  /** Stops every runtime's timers (the host is closing). */
  dispose(): void {
    for (const { live } of this.open.values()) dispose(live);
    this.open.clear();
  }

  private add(sessionId: string, live: LiveSession): void {
    this.open.delete(sessionId);
    this.open.set(sessionId, { live, watchers: 0 });
    this.letGo();
  }

  /**
   * Lets go of the least recently used sessions at rest, unwatched, beyond `keepAtRest`. Runs when
   * a session is opened, when a watcher leaves, and after every request (a command may end one).
   */
  letGo(): void {
    const idle = [...this.open].filter(([, e]) => e.watchers === 0 && atRest(e.live));
    for (const [sessionId, entry] of idle.slice(0, Math.max(0, idle.length - this.keepAtRest))) {
      this.open.delete(sessionId);
      dispose(entry.live);
    }
  }
}

/** Ended, a review or an import: nothing will happen in it unless someone asks. */
function atRest(live: LiveSession): boolean {
  return isReadOnly(live) || live.runtime.state.status === 'ended';
}

/** A review of a bundle, or a session imported from one: read, re-scored, exported, never changed. */
export function isReadOnly(live: LiveSession): boolean {
  return live.reviewOf !== undefined || live.record.origin !== undefined;
}

function dispose(live: LiveSession): void {
  live.pusher?.stop();
  live.runtime.dispose();
}

/** The answer to a change asked of a session opened from a bundle. */
export function readOnly(live: LiveSession): { ok: false; error: { code: string; message: string } } {
  if (live.record.origin) {
    return fail('read-only', `This session (${live.record.sessionId}) was imported from ${live.record.origin.bundleFile}, another facilitator's run, and is read-only: review it, compare it and export its report here; changes belong in the Drillbook that ran it.`);
  }
  return fail('read-only', `This session (${live.reviewOf ?? live.record.sessionId}) was opened from a session bundle and is read-only: review it and export its report here; changes belong in the Drillbook that ran it.`);
}
