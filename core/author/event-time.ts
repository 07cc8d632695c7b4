// Times in an imported events list, as spreadsheets hold them:
//   m:ss or mm:ss          5:00, 05:00          (or h:mm, when the import says so: see below)
//   h:mm:ss                1:05:00, 0:05:00     (always hours, minutes, seconds)
//   the format's durations 90s, 5m, 1h30m
//   relative               +5m, +2:30, +90s     (after the row before)
// Two parts are ambiguous: "1:30" is 1 min 30 s in a minutes-and-seconds list and 1 h 30 min in
// a schedule kept in hours. The import never guesses: `clock` says which ('mm:ss' by default).
// A bare number is refused (minutes or seconds?): write 5m or 5s.
import { parseDuration, MAX_DURATION_SECONDS } from '../scenario/duration.ts';
import { quote } from '../scenario/path.ts';
import { fmtClock } from '../report/format.ts';

export type ClockForm = 'mm:ss' | 'h:mm';

export const TIME_HINT = 'a time like 5:00, 1:05:00 or +5m';

export type TimeResult = { ok: true; seconds: number; relative: boolean } | { ok: false; message: string };

const CLOCK2 = /^(\d{1,3}):([0-5]\d)$/;
const CLOCK3 = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/;
const UNITS = /^(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;

function absolute(text: string, clock: ClockForm): number | null {
  const three = CLOCK3.exec(text);
  if (three) return Number(three[1]) * 3600 + Number(three[2]) * 60 + Number(three[3]);
  const two = CLOCK2.exec(text);
  if (two) return clock === 'h:mm' ? Number(two[1]) * 3600 + Number(two[2]) * 60 : Number(two[1]) * 60 + Number(two[2]);
  if (/^\d+$/.test(text)) return null;
  return UNITS.test(text) && text !== '' ? parseDuration(text) : null;
}

/** Seconds from the start for one cell; `previous` is the row before's time, for relative forms. */
export function parseEventTime(cell: string, clock: ClockForm, previous: number | undefined): TimeResult {
  const text = cell.trim();
  const relative = text.startsWith('+');
  const body = relative ? text.slice(1).trim() : text;
  const seconds = absolute(body, clock);
  if (seconds === null) {
    const bare = /^\d+$/.test(body) ? ` (a bare number could be minutes or seconds: write ${body}m or ${body}s)` : '';
    return { ok: false, message: `${quote(cell)} is not ${TIME_HINT}${bare}` };
  }
  if (!relative) return { ok: true, seconds, relative };
  if (previous === undefined) return { ok: false, message: `${quote(cell)} is relative to the row before, which has no time to add to; give this row a time like 5:00` };
  const total = previous + seconds;
  if (total > MAX_DURATION_SECONDS) return { ok: false, message: `${quote(cell)} puts the inject more than a year after the start` };
  return { ok: true, seconds: total, relative };
}

/**
 * A time as the export writes it: the app's one clock form (fmtClock: m:ss, or h:mm:ss from an
 * hour on), which reads back with the default clock 'mm:ss'. Scenario times are whole seconds.
 */
export function formatEventTime(seconds: number): string {
  return fmtClock(seconds);
}
