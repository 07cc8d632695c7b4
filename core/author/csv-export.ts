// Export the master scenario events list to CSV: one row per inject, the columns importEvents
// maps by itself (guessMapping), so that an export edited in a spreadsheet imports back. RFC 4180
// with CRLF, cells guarded against formula injection (csvField, as the reports write them).
// Times are m:ss, or h:mm:ss from an hour on: they read back with the default clock 'mm:ss'.
// A `when` condition is written as YAML flow text ({answered: sev, with: [sev1]}). Prompts do not
// travel in an events list; the `prompts` column only counts them and is not read back.
import { csvField } from '../report/csv.ts';
import { isRecord } from '../scenario/path.ts';
import { parseDuration } from '../scenario/duration.ts';
import { formatEventTime } from './event-time.ts';
import { renderInline } from './yaml-text.ts';

export const EXPORT_COLUMNS = ['id', 'time', 'after', 'delay', 'when', 'to', 'channel', 'from', 'story_time', 'title', 'body', 'facilitator_notes', 'prompts'] as const;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The events list of a scenario (its plain value, as AuthorDocument.value() gives it) as CSV. */
export function eventsToCsv(root: unknown): string {
  const injects = isRecord(root) && Array.isArray(root.injects) ? root.injects : [];
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const item of injects) {
    const i = isRecord(item) ? item : {};
    const at = typeof i.at === 'string' || typeof i.at === 'number' ? parseDuration(i.at) : null;
    const row: Record<(typeof EXPORT_COLUMNS)[number], string> = {
      id: text(i.id),
      time: at === null ? text(i.at) : formatEventTime(at),
      after: text(i.after),
      delay: i.delay === undefined ? '' : text(i.delay),
      when: i.when === undefined ? '' : renderInline(i.when),
      to: i.to === 'all' ? 'all' : Array.isArray(i.to) ? i.to.map(text).join(', ') : text(i.to),
      channel: text(i.channel),
      from: text(i.from),
      story_time: text(i.story_time),
      title: text(i.title),
      body: text(i.body),
      facilitator_notes: text(i.facilitator_notes),
      prompts: String(Array.isArray(i.prompts) ? i.prompts.length : 0),
    };
    lines.push(EXPORT_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
