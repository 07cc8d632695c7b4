// The exercise clock between pushes: the host sends the exercise time at which it made the view;
// while running, we advance it by the local monotonic clock times the speed.
import { useEffect, useRef, useState } from 'react';
import type { PauseReason } from '../../core/engine/events.ts';
import type { ClockView } from '../../core/engine/projections.ts';
import { useApp } from '../store/use-app.ts';

/**
 * The exercise ms now; re-renders every `tickMs` while the clock runs. While this window is not
 * connected to the host the clock stands where it was: the host may have stopped (a restart comes
 * back paused), and a clock running on here would tell the participant the exercise goes on.
 */
export function useExerciseMs(clock: ClockView, tickMs = 250): number {
  const connected = useApp((s) => s.connection) === 'connected';
  const anchor = useRef({ clock, mono: performance.now() });
  if (anchor.current.clock !== clock) anchor.current = { clock, mono: performance.now() };
  const shown = useRef(clock.exerciseMs);
  const [, setTick] = useState(0);
  const running = clock.status === 'running' && connected;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((t) => t + 1), tickMs);
    return () => clearInterval(id);
  }, [running, tickMs]);
  if (clock.status !== 'running') shown.current = clock.exerciseMs;
  else if (connected) shown.current = anchor.current.clock.exerciseMs + (performance.now() - anchor.current.mono) * clock.speed;
  return shown.current;
}

/** Why a paused exercise is paused, as a participant reads it. */
export const PAUSED_WHY: Record<PauseReason, string> = {
  facilitator: 'Paused by the facilitator',
  suspend: 'Paused: the facilitator\'s computer went to sleep',
  'clock-jump': 'Paused: the facilitator\'s clock jumped',
  recovered: 'Paused: the facilitator\'s computer restarted',
  host: 'Paused by the facilitator\'s computer',
};

/**
 * The clock's state in words: not connected (the clock stands; it may not be running at the host),
 * paused with the reason, or the status.
 */
export function useClockStatus(clock: ClockView): string {
  const connection = useApp((s) => s.connection);
  if (connection !== 'connected') return 'Not connected';
  if (clock.status === 'paused' && clock.pausedFor) return PAUSED_WHY[clock.pausedFor];
  return STATUS_LABEL[clock.status];
}

export const STATUS_LABEL: Record<ClockView['status'], string> = {
  setup: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};
