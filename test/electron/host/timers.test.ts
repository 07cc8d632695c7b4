import { describe, expect, it } from 'vitest';
import { ClockWatch, RealTimers } from '../../../electron/host/index.ts';

describe('RealTimers', () => {
  it('never runs a timer before its monotonic target, and runs them in target order', async () => {
    const timers = new RealTimers();
    const start = timers.now();
    const fired: { name: string; at: number; target: number }[] = [];
    const done = new Promise<void>((resolve) => {
      for (const [name, offset] of [['c', 30], ['a', 5], ['b', 17.5]] as const) {
        const target = start + offset;
        timers.setTimer(target, () => {
          fired.push({ name, at: timers.now(), target });
          if (fired.length === 3) resolve();
        });
      }
    });
    await done;
    expect(fired.map((f) => f.name)).toEqual(['a', 'b', 'c']);
    for (const f of fired) expect(f.at).toBeGreaterThanOrEqual(f.target);
  });

  it('a cleared timer does not run', async () => {
    const timers = new RealTimers();
    let ran = false;
    const handle = timers.setTimer(timers.now() + 5, () => {
      ran = true;
    });
    timers.clearTimer(handle);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(false);
  });

  it('skips a frozen stretch of the monotonic clock and reports it', async () => {
    let mono = 1000;
    const frozen: number[] = [];
    const timers = new RealTimers({ monotonic: () => mono, maxGapMs: 5000, onFreeze: (ms) => frozen.push(ms) });
    expect(timers.now()).toBe(1000);
    mono += 1000;
    expect(timers.now()).toBe(2000);
    mono += 65_000; // the process was stopped for a minute
    expect(timers.now()).toBe(2000 + 5000);
    await Promise.resolve();
    expect(frozen).toEqual([60_000]);
    expect(timers.skippedMs).toBe(60_000);
    mono += 500;
    expect(timers.now()).toBe(7500);
  });
});

describe('ClockWatch', () => {
  function watch() {
    let wall = 1_790_000_000_000;
    let mono = 0;
    const jumps: string[] = [];
    const w = new ClockWatch({ intervalMs: 0, toleranceMs: 3000, wall: () => wall, monotonic: () => mono, onJump: (j) => jumps.push(j.reason) });
    return {
      beat: (wallMs: number, monoMs: number) => {
        wall += wallMs;
        mono += monoMs;
        return w.beat();
      },
      jumps,
    };
  }

  it('stays quiet while the clocks move together', () => {
    const w = watch();
    expect(w.beat(1000, 1000)).toBeNull();
    expect(w.beat(1500, 1000)).toBeNull(); // a late beat: both moved
    expect(w.beat(3000, 3000)).toBeNull();
    expect(w.jumps).toEqual([]);
  });

  it('reports a suspend when the wall clock ran on while the monotonic clock stood still', () => {
    const w = watch();
    expect(w.beat(20 * 60_000, 1000)).toMatchObject({ reason: 'suspend', wallDeltaMs: 20 * 60_000, monoDeltaMs: 1000 });
    expect(w.jumps).toEqual(['suspend']);
  });

  it('reports a clock jump when the wall clock went backwards', () => {
    const w = watch();
    expect(w.beat(-3_600_000, 1000)?.reason).toBe('clock-jump');
  });
});
