import type { TimerHost } from '../../core/engine/runtime.ts';

/** Real time in a page: performance.now() is monotonic; a timer is set for the remaining delay. */
export const browserTimers: TimerHost = {
  now: () => performance.now(),
  setTimer: (atMonotonicMs, fn) => setTimeout(fn, Math.max(0, atMonotonicMs - performance.now())),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A random id of 16 URL-safe characters (96 bits). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').replace(/^[-_]/, 'x');
}
