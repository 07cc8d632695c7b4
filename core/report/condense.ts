// A readable appendix for very long sessions. A printed timeline of 20,000 answers is hundreds of
// pages nobody reads (and minutes of Chromium time), so a condensed appendix keeps every delivery,
// control, note, grade, rating, chat line and action as it is, and folds the answers to each
// prompt by each role into one line: how many, from when to when, and the last one (the scored
// one). Nothing disappears without a count; the full list stays in the HTML, JSON and CSV.
import type { DebriefTimelineEntry } from '../scoring/debrief-types.ts';
import { fmtClock } from './format.ts';

export interface CondensedTimeline {
  entries: DebriefTimelineEntry[];
  /** How many answer entries were folded into summary lines. */
  folded: number;
}

export function condenseTimeline(
  timeline: readonly DebriefTimelineEntry[],
  roleTitle: (role: string) => string,
  promptLabel: (prompt: string) => string = (prompt) => prompt,
): CondensedTimeline {
  const groups = new Map<string, DebriefTimelineEntry[]>();
  for (const e of timeline) {
    if (e.kind !== 'decision' || e.prompt === null) continue;
    const key = `${e.prompt}\u0000${e.role ?? e.actor}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  let folded = 0;
  const entries: DebriefTimelineEntry[] = [];
  for (const e of timeline) {
    if (e.kind !== 'decision' || e.prompt === null) {
      entries.push(e);
      continue;
    }
    const group = groups.get(`${e.prompt}\u0000${e.role ?? e.actor}`);
    if (!group || group.length === 1) {
      entries.push(e);
      continue;
    }
    // The group is written once, at its first answer; later members are skipped.
    if (group[0] !== e) continue;
    const last = group[group.length - 1] ?? e;
    folded += group.length;
    entries.push({
      ...e,
      summary: `${group.length} answers to ${promptLabel(e.prompt)} by ${roleTitle(e.role ?? e.actor)} until ${fmtClock(last.at_s)}; the last: ${last.summary}`,
    });
  }
  return { entries, folded };
}
