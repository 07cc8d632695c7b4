// The WebSocket Bridge's reconnect timing: delays grow along retryMs and stay at the last, each
// spread by up to a quarter either way, so that a room of devices dropped at once (a restart of
// the facilitator's computer) does not come back in one burst. A socket that never opens stands in
// for the host being away; the timers are vitest's fake ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WsBridge, type SocketLike } from '../../../renderer/bridge/ws-bridge.ts';

/** A socket to a host that is not there: it closes (1006) right after it is made. */
function unreachable(attempts: number[]): (url: string) => SocketLike {
  return () => {
    attempts.push(Date.now());
    const socket: SocketLike = {
      readyState: 3, send() {}, close() {},
      onopen: null, onmessage: null, onclose: null, onerror: null,
    };
    queueMicrotask(() => socket.onclose?.({ code: 1006, reason: '' }));
    return socket;
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function gaps(random: () => number, steps: number): Promise<number[]> {
  const attempts: number[] = [];
  const bridge = new WsBridge({ url: 'ws://host.invalid/ws', token: 't', socket: unreachable(attempts), retryMs: [100, 200, 400], random });
  for (let i = 0; i < 300 && attempts.length <= steps; i++) await vi.advanceTimersByTimeAsync(10);
  bridge.close();
  return attempts.slice(1).map((t, i) => t - attempts[i]!);
}

describe('WsBridge reconnecting', () => {
  it('waits longer each time up to the last delay, spread by up to a quarter either way', async () => {
    expect(await gaps(() => 0.5, 4)).toEqual([100, 200, 400, 400]);
    // The two ends of the spread: three quarters and five quarters of each delay.
    expect(await gaps(() => 0, 4)).toEqual([75, 150, 300, 300]);
    expect(await gaps(() => 0.999, 4)).toEqual([125, 250, 500, 500]);
  });
});
