// How numbers, times and ratings read in every human-facing report. One place, so that the HTML,
// Markdown and CSV agree: points to one decimal, percents to whole numbers.
import type { Rating } from '../scenario/types.ts';

export const RATING_LABELS: Record<Rating, string> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** The label of a rating; an unknown value is shown as it is rather than hidden. */
export function ratingLabel(rating: string | null): string {
  if (rating === null) return 'Not rated (nothing was possible)';
  return (RATING_LABELS as Record<string, string>)[rating] ?? rating;
}

export function fmtPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1);
}

export function fmtPercent(percent: number | null): string {
  return percent === null ? 'n/a' : `${Math.round(percent)}%`;
}

/** A 0..1 fraction (correctness, timeliness) as a whole percent. */
export function fmtFraction(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * Exercise time as m:ss, or h:mm:ss from one hour on: the one clock format of the app, the reports
 * and the CLI. It reads as a stopwatch does, whole seconds elapsed (truncated): 299.6 s is 4:59,
 * and 5:00 shows from 300 s on, so a running clock never shows a time before it is reached.
 */
export function fmtClock(seconds: number | null): string {
  if (seconds === null) return '';
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A length of time in words: "42 s", "12 min", "1 h 05 min". */
export function fmtDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const tail = s > 0 && h === 0 ? ` ${String(s).padStart(2, '0')} s` : '';
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min${tail}`;
}

/** An ISO timestamp as "2026-11-26 09:00 UTC"; anything unparsable is shown as it is. */
export function fmtWallTime(iso: string | null): string {
  if (iso === null || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function fmtSpeed(speed: number): string {
  return `×${Number.isInteger(speed) ? speed : speed.toFixed(2).replace(/0+$/, '')}`;
}

/**
 * When a session started, as History, `drillbook sessions` and the report's "Started" show it: the
 * wall time the facilitator first started the clock (not when the session was set up), in UTC.
 */
export function fmtSessionStart(epochMs: number | null): string {
  return epochMs === null || !Number.isFinite(epochMs) ? 'not started' : fmtWallTime(new Date(epochMs).toISOString());
}
