// The engine's TimerHost on real time. Timers are set against a monotonic target
// (performance.now()), never by counting ticks, and a timer that Node fires a little early is
// re-armed rather than run early.
//
// It also keeps the clock honest across a freeze: if the monotonic clock moved much further
// between two readings than the heartbeat allows (the machine slept with a clock that counts sleep,
// the process was stopped, a debugger held it), the frozen stretch is skipped, so the exercise
// clock does not count it and the injects due in it do not all fall due at once; the owner is told
// (onFreeze) and pauses the session.
import type { TimerHost } from '../../core/engine/index.ts';

export interface RealTimersOptions {
  /** Monotonic ms; default performance.now(). */
  monotonic?: () => number;
  /**
   * The longest gap between two readings that is not a freeze. A heartbeat reads the clock at a
   * shorter interval than this (see ClockWatch); default 5000.
   */
  maxGapMs?: number;
  /** Called (outside the reading that noticed it) with the length of the skipped stretch. */
  onFreeze?: (skippedMs: number) => void;
}

interface Pending {
  target: number;
  fn: () => void;
  timeout: ReturnType<typeof setTimeout> | undefined;
}

export class RealTimers implements TimerHost {
  private readonly monotonic: () => number;
  private readonly maxGapMs: number;
  private readonly onFreeze: ((skippedMs: number) => void) | undefined;
  private skipped = 0;
  private lastRaw: number;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(options: RealTimersOptions = {}) {
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.maxGapMs = options.maxGapMs ?? 5000;
    this.onFreeze = options.onFreeze;
    this.lastRaw = this.monotonic();
  }

  /** Monotonic ms, minus every frozen stretch skipped so far. */
  now(): number {
    const raw = this.monotonic();
    const gap = raw - this.lastRaw;
    if (gap > this.maxGapMs) {
      // Count the stretch as if the heartbeat had been on time; skip the rest.
      const skipped = gap - this.maxGapMs;
      this.skipped += skipped;
      const onFreeze = this.onFreeze;
      if (onFreeze) queueMicrotask(() => onFreeze(skipped));
    }
    this.lastRaw = Math.max(this.lastRaw, raw);
    return raw - this.skipped;
  }

  /** Total frozen time skipped so far (ms). */
  get skippedMs(): number {
    return this.skipped;
  }

  setTimer(atMonotonicMs: number, fn: () => void): number {
    const id = this.nextId++;
    const entry: Pending = { target: atMonotonicMs, fn, timeout: undefined };
    this.pending.set(id, entry);
    this.arm(id, entry);
    return id;
  }

  clearTimer(handle: unknown): void {
    if (typeof handle !== 'number') return;
    const entry = this.pending.get(handle);
    if (!entry) return;
    clearTimeout(entry.timeout);
    this.pending.delete(handle);
  }

  /** Cancels every timer (shutdown). */
  clearAll(): void {
    for (const id of [...this.pending.keys()]) this.clearTimer(id);
  }

  private arm(id: number, entry: Pending): void {
    const fire = (): void => {
      if (!this.pending.has(id)) return;
      const remaining = entry.target - this.now();
      if (remaining > 0) {
        // Node measures timeouts from the event loop's cached time, so a timer can fire up to a
        // millisecond early; the last stretch is waited out with setImmediate, which lets I/O in
        // and costs far less lateness than another 1 ms timeout.
        if (remaining < 1.5) setImmediate(fire);
        else entry.timeout = setTimeout(fire, remaining);
        return;
      }
      this.pending.delete(id);
      entry.fn();
    };
    entry.timeout = setTimeout(fire, Math.max(0, entry.target - this.now()));
  }
}
