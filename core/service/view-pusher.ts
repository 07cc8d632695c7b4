// Pushes the audiences' views of one session after it changed, at most once per interval. The
// runtime on its own projects a view for every subscriber inside every dispatch, before the
// acknowledgement returns; at a burst of decisions that costs far more than committing them, and no
// screen shows more than a frame's worth of changes anyway. So a change (a committed append)
// schedules one push: on the next turn if the last push is older than the interval, else when the
// interval is up. The acknowledgement never waits for it: commit, acknowledge, then the views go
// out. When projecting gets slow (a long session, many audiences) the interval stretches to four
// times the last push's cost, so pushes never take more than a fifth of the event loop away from
// commands and deliveries. And a push that would still be projecting when a scheduled delivery
// falls due steps aside once: it goes out right after that delivery is committed (or, should the
// delivery not come, one interval later), so a slow projection does not make an inject late.
// Platform-free: the host injects the scheduler.
import type { Listener } from '../engine/runtime.ts';
import type { Audience, Projection } from '../engine/projections.ts';

/** When pushes run. The host's: setImmediate/setTimeout on a monotonic clock; tests: virtual time. */
export interface PushScheduler {
  /** Monotonic ms, to measure the interval and a push's cost. */
  now(): number;
  /** Runs `fn` after `delayMs` (0: after the current work, on the next turn); returns a cancel function. */
  defer(fn: () => void, delayMs: number): () => void;
}

export interface ViewSource {
  view(audience: Audience): Projection | null;
  /** Ms until the source changes on its own (the next scheduled delivery), or null if it will not. */
  nextChangeIn?(): number | null;
}

interface Subscriber {
  audience: Audience;
  listener: Listener;
}

/**
 * The longest a push steps aside for deliveries that keep falling due (only when injects come
 * faster than the views can be projected): the screens are never staler than this.
 */
const MAX_HOLD_MS = 250;

const keyOf = (audience: Audience): string => (audience.kind === 'role' ? `role:${audience.role}` : audience.kind);

/** A PushScheduler on an engine TimerHost (virtual time in tests, the in-page demo's timers). */
export function timerHostScheduler(timers: { now(): number; setTimer(at: number, fn: () => void): unknown; clearTimer(handle: unknown): void }): PushScheduler {
  return {
    now: () => timers.now(),
    defer: (fn, delayMs) => {
      const handle = timers.setTimer(timers.now() + delayMs, fn);
      return () => timers.clearTimer(handle);
    },
  };
}

export class ViewPusher {
  private readonly subscribers = new Set<Subscriber>();
  private cancelPending: (() => void) | undefined;
  private lastPush = Number.NEGATIVE_INFINITY;
  private lastCost = 0;
  /** Since when the pending push has been stepping aside for scheduled deliveries (scheduler ms), or null. */
  private heldSince: number | null = null;
  private stopped = false;
  /** How many pushes went out (for the bench and tests). */
  pushes = 0;

  constructor(
    private readonly source: ViewSource,
    private readonly scheduler: PushScheduler,
    private readonly intervalMs: number,
    /** A listener that throws must not starve the others; it is reported here. */
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Pushes the audience's view now and after changes; returns the unsubscribe function. */
  subscribe(audience: Audience, listener: Listener): () => void {
    const sub: Subscriber = { audience, listener };
    this.subscribers.add(sub);
    const view = this.source.view(audience);
    if (view) this.deliver(sub, view);
    return () => void this.subscribers.delete(sub);
  }

  /** Something was committed: schedule a push. */
  changed(): void {
    if (this.stopped || this.subscribers.size === 0) return;
    if (this.heldSince !== null && this.cancelPending !== undefined) {
      // What the held push waited for has been committed: it goes out on the next turn.
      this.cancelPending();
      this.cancelPending = this.scheduler.defer(() => this.push(), 0);
      return;
    }
    if (this.cancelPending !== undefined) return;
    const wait = this.lastPush + Math.max(this.intervalMs, 4 * this.lastCost) - this.scheduler.now();
    this.cancelPending = this.scheduler.defer(() => this.push(), Math.max(0, wait));
  }

  stop(): void {
    this.stopped = true;
    this.subscribers.clear();
    this.cancelPending?.();
    this.cancelPending = undefined;
  }

  private push(): void {
    this.cancelPending = undefined;
    if (this.stopped) return;
    const dueIn = this.source.nextChangeIn?.() ?? null;
    const now = this.scheduler.now();
    const heldFor = this.heldSince === null ? 0 : now - this.heldSince;
    if (dueIn !== null && dueIn < 1.5 * this.lastCost + 1 && heldFor < MAX_HOLD_MS) {
      this.heldSince ??= now;
      this.cancelPending = this.scheduler.defer(() => this.push(), Math.max(0, dueIn) + Math.max(this.intervalMs, 4 * this.lastCost));
      return;
    }
    this.heldSince = null;
    const start = this.scheduler.now();
    this.pushes += 1;
    const views = new Map<string, Projection | null>();
    for (const sub of [...this.subscribers]) {
      const key = keyOf(sub.audience);
      if (!views.has(key)) views.set(key, this.source.view(sub.audience));
      const view = views.get(key);
      if (view) this.deliver(sub, view);
    }
    this.lastPush = this.scheduler.now();
    this.lastCost = this.lastPush - start;
  }

  private deliver(sub: Subscriber, view: Projection): void {
    try {
      sub.listener(view);
    } catch (error) {
      this.onError(error);
    }
  }
}
