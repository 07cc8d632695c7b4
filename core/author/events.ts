// The master scenario events list as table rows: one per inject, in file order, read from the
// document's plain value. Tolerant: while the author types, a row shows what is there and marks
// what is missing rather than failing (the problems panel says why).
import { isRecord } from '../scenario/path.ts';
import { parseDuration } from '../scenario/duration.ts';

export type EventTrigger =
  | { kind: 'at'; at: number | null; text: string }
  | { kind: 'after'; inject: string; delay: number | null }
  | { kind: 'when'; summary: string; delay: number | null }
  | { kind: 'none' };

export interface EventRow {
  /** Index in `injects`. */
  index: number;
  id: string;
  trigger: EventTrigger;
  /** `all`, or the role ids as written. */
  to: 'all' | string[];
  channel: string;
  from: string;
  title: string;
  prompts: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const seconds = (v: unknown): number | null => (typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : null);

export function eventRows(root: unknown): EventRow[] {
  if (!isRecord(root) || !Array.isArray(root.injects)) return [];
  return root.injects.map((inject, index): EventRow => {
    const i = isRecord(inject) ? inject : {};
    return {
      index,
      id: text(i.id),
      trigger: triggerOf(i),
      to: i.to === 'all' ? 'all' : Array.isArray(i.to) ? i.to.map(text) : [],
      channel: text(i.channel),
      from: text(i.from),
      title: text(i.title),
      prompts: Array.isArray(i.prompts) ? i.prompts.length : 0,
    };
  });
}

function triggerOf(i: Record<string, unknown>): EventTrigger {
  const delay = i.delay === undefined ? 0 : seconds(i.delay);
  if (i.at !== undefined) return { kind: 'at', at: seconds(i.at), text: text(i.at) };
  if (i.after !== undefined) return { kind: 'after', inject: text(i.after), delay };
  if (i.when !== undefined) return { kind: 'when', summary: conditionSummary(i.when), delay };
  return { kind: 'none' };
}

/** A condition in a few words: `answered severity with sev1`, `any of (action page-ic, missed declare)`. */
export function conditionSummary(c: unknown): string {
  if (!isRecord(c)) return '?';
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  if ('answered' in c) return `answered ${text(c.answered)}${Array.isArray(c.with) ? ` with ${c.with.map(text).join(' or ')}` : ''}`;
  if ('unanswered' in c) return `unanswered ${text(c.unanswered)} for ${text(c.for)}`;
  if ('action' in c) return `action ${text(c.action)}${c.by !== undefined ? ` by ${text(c.by)}` : ''}`;
  if ('met' in c) return `met ${text(c.met)}`;
  if ('missed' in c) return `missed ${text(c.missed)}`;
  if ('any' in c) return `any of (${list(c.any).map(conditionSummary).join(', ')})`;
  if ('all' in c) return `all of (${list(c.all).map(conditionSummary).join(', ')})`;
  return '?';
}
