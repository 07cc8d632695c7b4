// Pushes the audiences' views after the session changed, at most once per interval. The runtime
// projects a view for every subscriber on every change; at a burst of decisions that costs far
// more than committing them, and no screen shows more than a frame's worth of changes anyway. So a
// change (seen as a committed append) schedules one push: on the next turn of the event loop if
// the last push is older than the interval, else when the interval is up. The acknowledgement
// never waits for it: commit, acknowledge, then the views go out. When projecting gets slow (a
// long session, many audiences) the interval stretches to four times the last push's cost, so
// pushes never take more than a fifth of the event loop away from commands and deliveries.
import type { Audience, Listener, Projection } from '../../core/engine/index.ts';

export interface ViewSource {
  view(audience: Audience): Projection | null;
}

interface Subscriber {
  audience: Audience;
  listener: Listener;
}

const keyOf = (audience: Audience): string => (audience.kind === 'role' ? `role:${audience.role}` : audience.kind);

export class ViewPusher {
  private readonly subscribers = new Set<Subscriber>();
  private pending: { cancel(): void } | undefined;
  private lastPush = Number.NEGATIVE_INFINITY;
  private lastCost = 0;
  private stopped = false;
  /** How many pushes went out (for the bench and tests). */
  pushes = 0;

  constructor(
    private readonly source: () => ViewSource,
    private readonly intervalMs: number,
  ) {}

  /** Pushes the audience's view now and after changes; returns the unsubscribe function. */
  subscribe(audience: Audience, listener: Listener): () => void {
    const sub: Subscriber = { audience, listener };
    this.subscribers.add(sub);
    const view = this.source().view(audience);
    if (view) listener(view);
    return () => void this.subscribers.delete(sub);
  }

  /** Something was committed: schedule a push. */
  changed(): void {
    if (this.stopped || this.pending !== undefined || this.subscribers.size === 0) return;
    const wait = this.lastPush + Math.max(this.intervalMs, 4 * this.lastCost) - performance.now();
    if (wait > 0) {
      const handle = setTimeout(() => this.push(), wait);
      this.pending = { cancel: () => clearTimeout(handle) };
    } else {
      const handle = setImmediate(() => this.push());
      this.pending = { cancel: () => clearImmediate(handle) };
    }
  }

  stop(): void {
    this.stopped = true;
    this.subscribers.clear();
    this.pending?.cancel();
    this.pending = undefined;
  }

  private push(): void {
    this.pending = undefined;
    if (this.stopped) return;
    const start = performance.now();
    this.pushes += 1;
    const views = new Map<string, Projection | null>();
    const source = this.source();
    for (const sub of [...this.subscribers]) {
      const key = keyOf(sub.audience);
      if (!views.has(key)) views.set(key, source.view(sub.audience));
      const view = views.get(key);
      if (view) sub.listener(view);
    }
    this.lastPush = performance.now();
    this.lastCost = this.lastPush - start;
  }
}
