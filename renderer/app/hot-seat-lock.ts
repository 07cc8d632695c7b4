// The shared-screen lock (hot seat). Once a shared screen shows the seats, it stays on the seats and
// their cover until the facilitator unlocks it: no navigation to the console or the debrief (which
// show expected answers and notes), whatever the hash says. The lock is this window's (session
// storage), so that a reload keeps it; the facilitator may set a PIN that unlocking then asks for.
import { useSyncExternalStore } from 'react';

export interface HotSeatLock {
  sessionId: string;
  /** Asked for on unlock, when the facilitator set one. */
  pin: string | null;
}

const KEY = 'drillbook.hotSeatLock';
const listeners = new Set<() => void>();
let cached: { raw: string | null; lock: HotSeatLock | null } = { raw: null, lock: null };

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function parse(raw: string | null): HotSeatLock | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && typeof (value as HotSeatLock).sessionId === 'string') {
      const pin = (value as HotSeatLock).pin;
      return { sessionId: (value as HotSeatLock).sessionId, pin: typeof pin === 'string' && pin ? pin : null };
    }
  } catch {
    // A damaged entry locks to nothing: fall through.
  }
  return null;
}

export function currentLock(): HotSeatLock | null {
  const raw = storage()?.getItem(KEY) ?? null;
  if (raw !== cached.raw) cached = { raw, lock: parse(raw) };
  return cached.lock;
}

function write(lock: HotSeatLock | null): void {
  const s = storage();
  if (lock) s?.setItem(KEY, JSON.stringify(lock));
  else s?.removeItem(KEY);
  for (const l of listeners) l();
}

/** Locks this screen to the seats of a session (keeps a PIN already set for it). */
export function lockToSeats(sessionId: string): void {
  const now = currentLock();
  if (now?.sessionId === sessionId) return;
  write({ sessionId, pin: null });
}

export function setUnlockPin(pin: string): void {
  const now = currentLock();
  if (now) write({ ...now, pin });
}

/** Unlocks when the PIN matches (or none was set); says whether it did. */
export function unlockSeats(pin: string): boolean {
  const now = currentLock();
  if (!now) return true;
  if (now.pin !== null && now.pin !== pin) return false;
  write(null);
  return true;
}

export function useHotSeatLock(): HotSeatLock | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, currentLock, () => null);
}
