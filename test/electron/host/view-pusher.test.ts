import { describe, expect, it } from 'vitest';
import type { Audience, Projection } from '../../../core/engine/index.ts';
import { ViewPusher } from '../../../electron/host/view-pusher.ts';

/** A view source that counts projections and returns a token naming the audience and version. */
function source() {
  let version = 0;
  const calls: string[] = [];
  return {
    bump: () => void version++,
    calls,
    view: (audience: Audience) => {
      const key = audience.kind === 'role' ? `role:${audience.role}` : audience.kind;
      calls.push(key);
      return { key, version } as unknown as Projection;
    },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ViewPusher', () => {
  it('pushes the current view on subscribe, then once after a burst of changes', async () => {
    const src = source();
    const pusher = new ViewPusher(() => src, 16);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'facilitator' }, (v) => seen.push(v));
    expect(seen).toEqual([{ key: 'facilitator', version: 0 }]);
    for (let i = 0; i < 50; i++) {
      src.bump();
      pusher.changed();
    }
    expect(seen).toHaveLength(1); // never inside the change: the acknowledgement goes first
    await tick();
    expect(seen).toEqual([
      { key: 'facilitator', version: 0 },
      { key: 'facilitator', version: 50 },
    ]);
    expect(pusher.pushes).toBe(1);
    pusher.stop();
  });

  it('projects once per audience, however many subscribers share it', async () => {
    const src = source();
    const pusher = new ViewPusher(() => src, 16);
    for (let i = 0; i < 3; i++) pusher.subscribe({ kind: 'role', role: 'ic' }, () => {});
    pusher.subscribe({ kind: 'room' }, () => {});
    src.calls.length = 0;
    pusher.changed();
    await tick();
    expect(src.calls.sort()).toEqual(['role:ic', 'room']);
    pusher.stop();
  });

  it('a change soon after a push waits for the interval, then goes out', async () => {
    const src = source();
    const pusher = new ViewPusher(() => src, 40);
    const seen: number[] = [];
    pusher.subscribe({ kind: 'room' }, (v) => seen.push((v as unknown as { version: number }).version));
    pusher.changed();
    await tick();
    src.bump();
    pusher.changed();
    await tick();
    expect(seen).toEqual([0, 0]); // the second change is held back
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(seen).toEqual([0, 0, 1]);
    pusher.stop();
  });

  it('stretches the interval when projecting is slow, so pushes cannot crowd out commands', async () => {
    let slow = false;
    let version = 0;
    const src = {
      view: () => {
        if (slow) {
          const until = performance.now() + 20;
          while (performance.now() < until) {
            // a projection that takes 20 ms (a long session, a slow machine)
          }
        }
        return { version } as unknown as Projection;
      },
    };
    const pusher = new ViewPusher(() => src, 1);
    const seen: number[] = [];
    pusher.subscribe({ kind: 'room' }, (v) => seen.push((v as unknown as { version: number }).version));
    slow = true;
    version = 1;
    pusher.changed();
    await tick();
    expect(seen).toEqual([0, 1]);
    version = 2;
    pusher.changed();
    await tick();
    await tick();
    expect(seen).toEqual([0, 1]); // held back for about four times the 20 ms the last push took
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toEqual([0, 1, 2]);
    pusher.stop();
  });

  it('stops pushing when stopped', async () => {
    const src = source();
    const pusher = new ViewPusher(() => src, 16);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'room' }, (v) => seen.push(v));
    pusher.changed();
    pusher.stop();
    await tick();
    expect(seen).toHaveLength(1);
  });
});
