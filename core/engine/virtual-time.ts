// Virtual time for tests and the simulator (modelled on the idea of VS Code's TimeTravelScheduler):
// a monotonic clock that moves only when told to, and one-shot timers that fire in order of their
// target (then of creation) as it moves. A two-hour exercise runs in milliseconds.

import type { TimerHost } from './runtime.ts';

interface VirtualTimer {
  id: number;
  at: number;
  fn: () => void;
}

export class VirtualTimers implements TimerHost {
  private current: number;
  private nextId = 1;
  private timers = new Map<number, VirtualTimer>();

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(atMonotonicMs: number, fn: () => void): number {
    const id = this.nextId++;
    this.timers.set(id, { id, at: Math.max(atMonotonicMs, this.current), fn });
    return id;
  }

  clearTimer(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.size;
  }

  /** The target of the earliest waiting timer, or null. */
  nextAt(): number | null {
    const first = this.earliest();
    return first ? first.at : null;
  }

  /**
   * Moves the clock to `target`, firing every timer due on the way in order (a timer may set new
   * ones; those due before `target` fire too). Stops after `maxFires` to end a runaway loop.
   */
  advanceTo(target: number, maxFires = 1_000_000): void {
    let fired = 0;
    for (;;) {
      const first = this.earliest();
      if (!first || first.at > target) break;
      if (++fired > maxFires) throw new Error(`Virtual time: more than ${maxFires} timers fired before ${target} ms; a timer keeps re-arming itself.`);
      this.timers.delete(first.id);
      this.current = Math.max(this.current, first.at);
      first.fn();
    }
    this.current = Math.max(this.current, target);
  }

  /** Fires the timers due now, without moving the clock. */
  runDue(): void {
    this.advanceTo(this.current);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  private earliest(): VirtualTimer | null {
    let best: VirtualTimer | null = null;
    for (const t of this.timers.values()) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
}
