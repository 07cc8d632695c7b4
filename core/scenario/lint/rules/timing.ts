// Rules about time: windows too short to discuss, and a story clock that runs backwards.
import { formatDuration } from '../../duration.ts';
import type { Condition, Inject, MetBy, Scenario } from '../../types.ts';
import { promptPaths, type Rule, type RuleFinding } from '../context.ts';

/** A team at 1x speed needs about this long to read, talk and decide. */
export const MIN_WITHIN_S = 180;

/** short-window: a prompt's `expect.within` under 3 minutes. */
export const shortWindow: Rule = ({ scenario }) => {
  const findings: RuleFinding[] = [];
  for (const { path, injectIndex, promptIndex } of promptPaths(scenario)) {
    const prompt = scenario.injects[injectIndex]?.prompts[promptIndex];
    const within = prompt?.expect.within;
    if (!prompt || within === undefined || within >= MIN_WITHIN_S) continue;
    findings.push({
      rule: 'short-window', severity: 'warning', element: { kind: 'prompt', id: prompt.id }, path: [...path, 'expect', 'within'],
      message: `within ${formatDuration(within)} is too short for a team to read, discuss and answer at 1x; give it at least ${formatDuration(MIN_WITHIN_S)}`,
    });
  }
  return findings;
};

/**
 * The earliest exercise time at which each inject can be delivered: `at` as written; `after X` is
 * X's earliest plus the delay; `when` is the earliest time its condition can become true plus the
 * delay, where an answer or a met step can come the moment its prompt's inject is delivered, an
 * action can be taken from the start (0), `unanswered P for D` is P's inject plus D, `missed S` is
 * S's `by`, `any` the earliest of its parts and `all` the latest. An inject that can never be
 * delivered (a chain that loops) gets Infinity.
 */
export function earliestDeliveries(s: Scenario): Map<string, number> {
  const byId = new Map(s.injects.map((i) => [i.id, i]));
  const injectOfPrompt = new Map(s.injects.flatMap((i) => i.prompts.map((p) => [p.id, i.id] as const)));
  const steps = new Map(s.runbook.map((st) => [st.id, st]));
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const ofInject = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const inject = byId.get(id);
    if (!inject || visiting.has(id)) return Infinity;
    visiting.add(id);
    const t = ofTrigger(inject);
    visiting.delete(id);
    memo.set(id, t);
    return t;
  };
  const ofPrompt = (id: string) => ofInject(injectOfPrompt.get(id) ?? '');
  const ofEntry = (m: MetBy): number => {
    if (m.kind === 'action') return 0;
    if (m.kind === 'prompt') return ofPrompt(m.prompt);
    return Math.max(0, ...m.entries.map(ofEntry));
  };
  const ofCondition = (c: Condition): number => {
    switch (c.kind) {
      case 'answered': return ofPrompt(c.prompt);
      case 'unanswered': return ofPrompt(c.prompt) + c.for;
      case 'action': return 0;
      case 'met': return Math.min(Infinity, ...(steps.get(c.step)?.metBy ?? []).map(ofEntry));
      case 'missed': return steps.get(c.step)?.by ?? Infinity;
      case 'any': return Math.min(Infinity, ...c.conditions.map(ofCondition));
      case 'all': return Math.max(0, ...c.conditions.map(ofCondition));
    }
  };
  const ofTrigger = (inject: Inject): number => {
    const t = inject.trigger;
    if (t.kind === 'at') return t.at;
    if (t.kind === 'after') return ofInject(t.inject) + t.delay;
    return ofCondition(t.condition) + t.delay;
  };
  for (const inject of s.injects) ofInject(inject.id);
  return memo;
}

/** A story label the rule can order: its unit, its number and, when it has one, a clock time in minutes. */
export interface StoryTime {
  unit: 'day' | 'week' | 'month' | 'clock';
  n: number;
  clock?: number;
}

const UNIT = /\b(day|week|month)\s+(\d{1,4})\b/i;
const CLOCK = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|\.\d)/;

/**
 * `Day 3`, `Week 2`, `Month 6 (31 May)` (the first of day/week/month in the label counts), a clock
 * time `HH:MM` alone (`10:40`) or beside a day (`Day 2, 09:15`, ordered by day then clock). Anything
 * else (`Tuesday morning`, `T+2h`) is not ordered.
 */
export function parseStoryTime(label: string): StoryTime | undefined {
  const unit = UNIT.exec(label);
  const clock = CLOCK.exec(label);
  const minutes = clock ? Number(clock[1]) * 60 + Number(clock[2]) : undefined;
  if (unit) {
    const kind = (unit[1] ?? '').toLowerCase() as StoryTime['unit'];
    return { unit: kind, n: Number(unit[2]), ...(minutes !== undefined && kind === 'day' ? { clock: minutes } : {}) };
  }
  return minutes === undefined ? undefined : { unit: 'clock', n: minutes };
}

/** Negative when a comes before b; undefined when they are not alike (different units). */
function compareStory(a: StoryTime, b: StoryTime): number | undefined {
  if (a.unit !== b.unit) return undefined;
  if (a.n !== b.n) return a.n - b.n;
  return a.clock !== undefined && b.clock !== undefined ? a.clock - b.clock : 0;
}

/**
 * The exercise time at which an inject is delivered when that is known in advance: `at`, or an
 * `after` chain that starts from an `at`. Undefined for `when` injects and chains from them, which
 * depend on what the team does (and may never come).
 */
export function fixedDeliveries(s: Scenario): Map<string, number> {
  const byId = new Map(s.injects.map((i) => [i.id, i]));
  const out = new Map<string, number>();
  const of = (id: string, seen: Set<string>): number | undefined => {
    if (out.has(id)) return out.get(id);
    const inject = byId.get(id);
    if (!inject || seen.has(id)) return undefined;
    seen.add(id);
    const t = inject.trigger;
    const time = t.kind === 'at' ? t.at : t.kind === 'after' ? plus(of(t.inject, seen), t.delay) : undefined;
    if (time !== undefined) out.set(id, time);
    return time;
  };
  for (const inject of s.injects) of(inject.id, new Set());
  return out;
}

const plus = (a: number | undefined, b: number) => (a === undefined ? undefined : a + b);

/**
 * story-order: an inject whose story_time comes before the story_time (of the same unit) of an
 * inject that is certainly delivered before it. A is certainly delivered before B when A's time is
 * fixed (see fixedDeliveries) and earlier than B's earliest possible delivery (earliestDeliveries),
 * or the same fixed time with A first in the file. So `at` injects are compared by their times;
 * a `when` inject is compared with the fixed injects that surely come before its earliest time,
 * and never counts as coming before anything, since the team decides when it comes.
 * Each late inject is reported once, against the latest label among those before it.
 */
export const storyOrder: Rule = ({ scenario }) => {
  const earliest = earliestDeliveries(scenario);
  const fixed = fixedDeliveries(scenario);
  const labelled = scenario.injects.flatMap((inject, index) => {
    const story = inject.storyTime === undefined ? undefined : parseStoryTime(inject.storyTime);
    return story ? [{ inject, index, story, earliest: earliest.get(inject.id) ?? Infinity, fixed: fixed.get(inject.id) }] : [];
  });
  const findings: RuleFinding[] = [];
  for (const b of labelled) {
    if (!Number.isFinite(b.earliest)) continue;
    let worst: (typeof labelled)[number] | undefined;
    for (const a of labelled) {
      if (a === b || a.fixed === undefined) continue;
      const before = a.fixed < b.earliest || (a.fixed === b.earliest && b.fixed !== undefined && a.index < b.index);
      if (!before) continue;
      const cmp = compareStory(b.story, a.story);
      if (cmp === undefined || cmp >= 0) continue;
      if (!worst || (compareStory(a.story, worst.story) ?? 0) > 0) worst = a;
    }
    if (!worst) continue;
    const when = b.fixed !== undefined ? `at ${formatDuration(b.fixed)}` : `at the earliest at ${formatDuration(b.earliest)}`;
    findings.push({
      rule: 'story-order', severity: 'warning', element: { kind: 'inject', id: b.inject.id }, path: ['injects', b.index, 'story_time'],
      message: `story_time '${b.inject.storyTime}' goes back in time: inject '${worst.inject.id}' (${worst.inject.storyTime}) is delivered before it (at ${formatDuration(worst.fixed ?? 0)}; this one ${when}); fix the label or the schedule`,
    });
  }
  return findings;
};
