// The runtime holds one live session. It is platform-free: the host injects the store, the timer
// and the wall clock. Its contract:
//   dispatch(actor, command): validate against the state -> append the events through the store
//   (synchronously) -> fold them -> return the acknowledgement -> push each subscriber its view.
//   When the store throws, the command is rejected with the store's message and nothing changed.
// Deliveries are made by one timer set against the monotonic time at which the earliest pending
// inject falls due. Deliveries that a command makes due at once are made by that timer too (set
// for "now"), never inside dispatch: at one exercise time, due deliveries come first, then the
// commands in the order received, then the deliveries those commands made due (the play-script
// rule of scenario-format.md).

import type { Scenario } from '../scenario/types.ts';
import { exerciseAt, monoFor, type ClockAnchor } from './clock.ts';
import type { Command, Rejection } from './commands.ts';
import { decide } from './decide.ts';
import type { Actor, EventStore, SessionEvent } from './event.ts';
import type { EngineEvent, EventDraft } from './events.ts';
import { project, type Audience, type Projection } from './projections.ts';
import { applyEvent, reduce } from './reduce.ts';
import { nextDueAt, nextDueDelivery } from './scheduler.ts';
import type { SessionState } from './state.ts';

/** The timer a host provides: monotonic ms, one-shot timers against a monotonic target. */
export interface TimerHost {
  now(): number;
  setTimer(atMonotonicMs: number, fn: () => void): unknown;
  clearTimer(handle: unknown): void;
}

export interface RuntimeOptions {
  scenario: Scenario;
  sessionId: string;
  store: EventStore;
  timers: TimerHost;
  /** Wall-clock epoch ms, recorded beside each event (informational). Default Date.now. */
  wall?: () => number;
  /** Events already in the store for this session (recovery); the runtime continues after them. */
  events?: readonly SessionEvent[];
  /** Told when a scheduled delivery could not be committed; the runtime retries it. */
  onError?: (error: unknown) => void;
  /** Retry delay (monotonic ms) after a failed scheduled delivery. Default 1000. */
  retryMs?: number;
  /**
   * How often (monotonic ms) a running session notes its clock through `store.saveClock`, where the
   * store has it. Default 2000: recovery after a crash then loses at most about 2 s of exercise time
   * (times the speed).
   */
  checkpointMs?: number;
}

export type DispatchResult = { ok: true; events: EngineEvent[] } | { ok: false; rejection: Rejection };

export type Listener = (view: Projection) => void;

interface Subscription {
  audience: Audience;
  listener: Listener;
}

export function storeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message || 'The event could not be saved.';
}

export class SessionRuntime {
  readonly scenario: Scenario;
  readonly sessionId: string;
  private readonly store: EventStore;
  private readonly timers: TimerHost;
  private readonly wall: () => number;
  private readonly onError: (error: unknown) => void;
  private readonly retryMs: number;
  private readonly live: SessionState;
  private readonly log: SessionEvent[];
  private anchor: ClockAnchor;
  private timer: { handle: unknown; at: number } | null = null;
  private readonly checkpointMs: number;
  private checkpointTimer: unknown = null;
  private checkpointFailing = false;
  private subscriptions = new Set<Subscription>();
  private disposed = false;

  constructor(options: RuntimeOptions) {
    this.scenario = options.scenario;
    this.sessionId = options.sessionId;
    this.store = options.store;
    this.timers = options.timers;
    this.wall = options.wall ?? (() => Date.now());
    this.onError = options.onError ?? (() => {});
    this.retryMs = options.retryMs ?? 1000;
    this.checkpointMs = options.checkpointMs ?? 2000;
    this.log = [...(options.events ?? [])];
    this.live = reduce(this.scenario, this.log);
    this.anchor = { exerciseMs: this.live.lastAt, monoMs: this.timers.now(), speed: this.live.speed, running: this.live.status === 'running' };
    this.reschedule();
    this.checkpointWhileRunning();
  }

  /** The live state. Read it, never change it: it is folded in place as events arrive. */
  get state(): Readonly<SessionState> {
    return this.live;
  }

  /** Every event of the session so far, in order. */
  get events(): readonly SessionEvent[] {
    return this.log;
  }

  /** The exercise time now, in ms. */
  now(): number {
    return Math.max(this.live.lastAt, exerciseAt(this.anchor, this.timers.now()));
  }

  /** The monotonic ms at which the exercise clock reaches `exerciseMs` (null while it is stopped). */
  monoFor(exerciseMs: number): number | null {
    return this.anchor.running ? monoFor(this.anchor, exerciseMs) : null;
  }

  /** The exercise ms at which the next pending inject falls due, or null. */
  nextDue(): number | null {
    return nextDueAt(this.scenario, this.live);
  }

  view(audience: Audience): Projection | null {
    return project(this.scenario, this.live, audience, this.now());
  }

  /** Pushes the audience's view now and after every change; returns the unsubscribe function. */
  subscribe(audience: Audience, listener: Listener): () => void {
    const sub: Subscription = { audience, listener };
    this.subscriptions.add(sub);
    const view = this.view(audience);
    if (view) listener(view);
    return () => void this.subscriptions.delete(sub);
  }

  dispatch(actor: Actor, command: Command): DispatchResult {
    if (this.disposed) return { ok: false, rejection: { code: 'ended', message: 'This session is closed.' } };
    const now = this.now();
    let decision: ReturnType<typeof decide>;
    try {
      decision = decide(this.scenario, this.live, actor, command);
    } catch {
      // Only a command that skipped the boundary schema (core/protocol) can get here.
      return { ok: false, rejection: { code: 'invalid', message: `The command '${String((command as { type?: unknown }).type)}' is not well formed.` } };
    }
    if (!decision.ok) return decision;
    // A save that changes nothing (a plan or hotwash as it already is) is accepted and records nothing.
    if (decision.events.length === 0) return { ok: true, events: [] };
    const committed = this.commit(actor, decision.events, now);
    if (!committed.ok) return committed;
    this.reschedule();
    this.publish();
    return committed;
  }

  /** Stops the timer and the pushes. The state and the log stay readable. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.stopCheckpoints();
    this.subscriptions.clear();
  }

  /** Starts or stops the clock notes to match the state: on while running, off otherwise. */
  private checkpointWhileRunning(): void {
    if (this.disposed || !this.store.saveClock || this.live.status !== 'running') {
      this.stopCheckpoints();
      return;
    }
    if (this.checkpointTimer !== null) return;
    const tick = (): void => {
      this.checkpointTimer = null;
      if (this.disposed || this.live.status !== 'running') return;
      this.saveCheckpoint();
      this.checkpointTimer = this.timers.setTimer(this.timers.now() + this.checkpointMs, tick);
    };
    this.checkpointTimer = this.timers.setTimer(this.timers.now() + this.checkpointMs, tick);
  }

  private stopCheckpoints(): void {
    if (this.checkpointTimer !== null) this.timers.clearTimer(this.checkpointTimer);
    this.checkpointTimer = null;
  }

  private saveCheckpoint(): void {
    try {
      this.store.saveClock?.(this.sessionId, { at: this.now(), seq: this.live.lastSeq, wall: this.wall() });
      this.checkpointFailing = false;
    } catch (error) {
      // The log still holds every event; only the recovery point is older. Said once per failing streak.
      if (!this.checkpointFailing) this.onError(error);
      this.checkpointFailing = true;
    }
  }

  /** Appends drafts as one batch; folds them only after the store accepted them. */
  private commit(actor: Actor, drafts: readonly EventDraft[], at: number): DispatchResult {
    const wall = this.wall();
    let seq = this.live.lastSeq;
    const events = drafts.map((d) => ({ seq: ++seq, at, wall, actor, type: d.type, payload: d.payload }) as EngineEvent);
    try {
      this.store.append(this.sessionId, events);
    } catch (error) {
      return { ok: false, rejection: { code: 'store-failed', message: storeErrorMessage(error) } };
    }
    for (const event of events) {
      this.log.push(event);
      applyEvent(this.scenario, this.live, event);
      this.moveClock(event);
    }
    this.checkpointWhileRunning();
    return { ok: true, events };
  }

  private moveClock(event: EngineEvent): void {
    const mono = this.timers.now();
    switch (event.type) {
      case 'session.started':
      case 'session.resumed':
        this.anchor = { exerciseMs: event.at, monoMs: mono, speed: this.live.speed, running: true };
        break;
      case 'session.paused':
      case 'session.ended':
        this.anchor = { exerciseMs: event.at, monoMs: mono, speed: this.live.speed, running: false };
        break;
      case 'session.speed':
        this.anchor = { exerciseMs: event.at, monoMs: mono, speed: event.payload.speed, running: this.anchor.running };
        break;
      default:
        break;
    }
  }

  private clearTimer(): void {
    if (this.timer) this.timers.clearTimer(this.timer.handle);
    this.timer = null;
  }

  private setTimerAt(mono: number): void {
    if (this.timer && this.timer.at === mono) return;
    this.clearTimer();
    const handle = this.timers.setTimer(mono, () => {
      if (this.timer?.handle === handle) this.timer = null;
      this.deliverDue();
    });
    this.timer = { handle, at: mono };
  }

  private reschedule(): void {
    if (this.disposed || this.live.status !== 'running') {
      this.clearTimer();
      return;
    }
    const due = nextDueAt(this.scenario, this.live);
    if (due === null) {
      this.clearTimer();
      return;
    }
    this.setTimerAt(Math.max(this.timers.now(), monoFor(this.anchor, due)));
  }

  /** Delivers everything due now, one at a time (a delivery can make the next one due). */
  private deliverDue(): void {
    if (this.disposed || this.live.status !== 'running') return;
    const now = this.now();
    let delivered = false;
    for (;;) {
      const next = nextDueDelivery(this.scenario, this.live, now);
      if (!next) break;
      // Recorded at its due time, so the log does not depend on how late the timer fired.
      const at = Math.max(next.due, this.live.lastAt);
      const result = this.commit('system', [{ type: 'inject.delivered', payload: { inject: next.inject, how: 'scheduled', due: next.due } }], at);
      if (!result.ok) {
        this.onError(new Error(result.rejection.message));
        if (delivered) this.publish();
        this.setTimerAt(this.timers.now() + this.retryMs);
        return;
      }
      delivered = true;
    }
    this.reschedule();
    if (delivered) this.publish();
  }

  private publish(): void {
    if (this.subscriptions.size === 0) return;
    const now = this.now();
    const cache = new Map<string, Projection | null>();
    for (const sub of [...this.subscriptions]) {
      const key = sub.audience.kind === 'role' ? `role:${sub.audience.role}` : sub.audience.kind;
      if (!cache.has(key)) cache.set(key, project(this.scenario, this.live, sub.audience, now));
      const view = cache.get(key);
      if (!view) continue;
      // A failing listener must not undo an acknowledged command or starve the others.
      try {
        sub.listener(view);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
