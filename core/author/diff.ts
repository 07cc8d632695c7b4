// The difference between two versions of a scenario as a change list a trainer reads: what was
// added, removed or changed, element by element (by id), with the fields that changed and their
// old and new values ("inject 'alert-1': time 2:00 → 3:00"). It compares the normalized scenarios,
// not the texts: a comment, a blank line or a reordered key is not a change to the exercise.
import { fmtClock } from '../report/format.ts';
import type { Action, Character, Condition, Handout, Inject, MetBy, Objective, Prompt, Role, Scenario, Step, Trigger } from '../scenario/types.ts';

export type ChangeKind = 'scenario' | 'objective' | 'role' | 'action' | 'inject' | 'prompt' | 'step' | 'handout' | 'character';

export interface ScenarioChange {
  kind: ChangeKind;
  /** The element's id; null for the scenario's own fields. */
  id: string | null;
  change: 'added' | 'removed' | 'changed';
  /** The readable line: "inject 'alert-1': time 2:00 → 3:00". */
  text: string;
}

const LONG = 60;

/** A value as one short line: long texts are cut, lists joined. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(shown).join(', ');
  const s = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
  return s.length > LONG ? `"${s.slice(0, LONG - 1)}…"` : typeof value === 'string' ? `"${s}"` : s;
}

const ids = (list: readonly string[]): string => (list.length === 0 ? '(none)' : list.join(', '));
const time = (s: number | undefined): string => (s === undefined ? '(none)' : fmtClock(s));

function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'answered': return `'${c.prompt}' answered${c.with ? ` with ${c.with.join('/')}` : ''}`;
    case 'unanswered': return `'${c.prompt}' unanswered for ${fmtClock(c.for)}`;
    case 'action': return `action '${c.action}'${c.by ? ` by ${c.by}` : ''}`;
    case 'met': return `step '${c.step}' met`;
    case 'missed': return `step '${c.step}' missed`;
    case 'any': return `any of (${c.conditions.map(conditionText).join('; ')})`;
    case 'all': return `all of (${c.conditions.map(conditionText).join('; ')})`;
  }
}

function triggerText(t: Trigger): string {
  switch (t.kind) {
    case 'at': return `at ${fmtClock(t.at)}`;
    case 'after': return `${fmtClock(t.delay)} after '${t.inject}'`;
    case 'when': return `when ${conditionText(t.condition)}${t.delay ? ` + ${fmtClock(t.delay)}` : ''}`;
  }
}

function metByText(m: MetBy): string {
  if (m.kind === 'all') return `all of (${m.entries.map(metByText).join('; ')})`;
  if (m.kind === 'action') return `action '${m.action}'`;
  return `prompt '${m.prompt}'${m.with ? ` with ${m.with.join('/')}` : ''}`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One field of an element: its label and how its value reads. */
interface Field<T> {
  label: string;
  read: (element: T) => unknown;
  /** How a value reads in the change line (default: shown). */
  show?: (value: never) => string;
}

function field<T, V>(label: string, read: (element: T) => V, show?: (value: V) => string): Field<T> {
  return show ? { label, read, show: show as (value: never) => string } : { label, read };
}

/** Field-level changes of one element present in both versions. */
function fieldChanges<T>(before: T, after: T, fields: readonly Field<T>[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const a = f.read(before);
    const b = f.read(after);
    if (same(a, b)) continue;
    const show = (f.show ?? shown) as (value: unknown) => string;
    out.push(`${f.label} ${show(a)} → ${show(b)}`);
  }
  return out;
}

/** What differs beyond the listed fields (a key the change list does not name), as one line. */
function otherChanges<T extends object>(before: T, after: T, keys: readonly string[]): string[] {
  const strip = (e: T): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...(e as Record<string, unknown>) };
    for (const k of keys) delete copy[k];
    return copy;
  };
  return same(strip(before), strip(after)) ? [] : ['other details changed'];
}

interface Collection<T extends { id: string }> {
  kind: ChangeKind;
  /** "inject", "runbook step". */
  noun: string;
  fields: readonly Field<T>[];
  /** The keys the fields cover (the rest is compared as "other details"). */
  keys: readonly string[];
  /** A line that goes first for a changed element (an inject's trigger). */
  lead?: (before: T, after: T) => string[];
  /** Extra lines for a changed element (a prompt's options). Prompts are compared on their own, so an inject's `prompts` key is left to them. */
  extra?: (before: T, after: T) => string[];
}

function diffCollection<T extends { id: string }>(before: readonly T[], after: readonly T[], c: Collection<T>): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  for (const e of before) {
    if (!now.has(e.id)) out.push({ kind: c.kind, id: e.id, change: 'removed', text: `${c.noun} '${e.id}' removed` });
  }
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) {
      out.push({ kind: c.kind, id: e.id, change: 'added', text: `${c.noun} '${e.id}' added` });
      continue;
    }
    const lines = [...(c.lead?.(was, e) ?? []), ...fieldChanges(was, e, c.fields), ...(c.extra?.(was, e) ?? []), ...otherChanges(was, e, c.keys)];
    for (const line of lines) out.push({ kind: c.kind, id: e.id, change: 'changed', text: `${c.noun} '${e.id}': ${line}` });
  }
  return out;
}

const OBJECTIVE: Collection<Objective> = {
  kind: 'objective', noun: 'objective',
  fields: [field('title', (o) => o.title), field('description', (o) => o.description), field('capability', (o) => o.capability), field('evaluation guide', (o) => o.eeg, () => 'rewritten')],
  keys: ['id', 'title', 'description', 'capability', 'eeg'],
};

const ROLE: Collection<Role> = {
  kind: 'role', noun: 'role',
  fields: [field('title', (r) => r.title), field('brief', (r) => r.brief)],
  keys: ['id', 'title', 'brief'],
};

const ACTION: Collection<Action> = {
  kind: 'action', noun: 'action',
  fields: [field('title', (a) => a.title), field('roles', (a) => a.roles, ids), field('description', (a) => a.description)],
  keys: ['id', 'title', 'roles', 'description'],
};

/** The one change a trainer makes most, said as a time when both triggers are times. */
function triggerChange(before: Inject, after: Inject): string[] {
  const a = before.trigger;
  const b = after.trigger;
  if (same(a, b)) return [];
  if (a.kind === 'at' && b.kind === 'at') return [`time ${fmtClock(a.at)} → ${fmtClock(b.at)}`];
  return [`trigger ${triggerText(a)} → ${triggerText(b)}`];
}

const INJECT: Collection<Inject> = {
  kind: 'inject', noun: 'inject',
  fields: [
    field('to', (i) => (i.toAll ? ['all'] : i.to), ids),
    field('channel', (i) => i.channel, String),
    field('from', (i) => i.from),
    field('title', (i) => i.title),
    field('body', (i) => i.body),
    field('story time', (i) => i.storyTime),
    field('facilitator notes', (i) => i.facilitatorNotes),
    field('discussion questions', (i) => i.discussion),
  ],
  lead: triggerChange,
  keys: ['id', 'trigger', 'to', 'toAll', 'channel', 'from', 'title', 'body', 'storyTime', 'facilitatorNotes', 'discussion', 'prompts'],
};

function optionChanges(before: Prompt, after: Prompt): string[] {
  const out: string[] = [];
  const old = new Map(before.options.map((o) => [o.id, o.label]));
  const now = new Map(after.options.map((o) => [o.id, o.label]));
  for (const [id] of old) if (!now.has(id)) out.push(`option '${id}' removed`);
  for (const [id, label] of now) {
    const was = old.get(id);
    if (was === undefined) out.push(`option '${id}' added`);
    else if (was !== label) out.push(`option '${id}' label ${shown(was)} → ${shown(label)}`);
  }
  const order = (p: Prompt) => p.options.map((o) => o.id).filter((id) => old.has(id) && now.has(id));
  if (out.length === 0 && !same(order(before), order(after))) out.push('options reordered');
  return out;
}

const PROMPT: Collection<Prompt> = {
  kind: 'prompt', noun: 'prompt',
  fields: [
    field('inject', (p) => p.inject),
    field('role', (p) => p.role),
    field('question', (p) => p.ask),
    field('type', (p) => p.type, String),
    field('best option', (p) => p.expect.best, ids),
    field('acceptable options', (p) => p.expect.acceptable, ids),
    field('keywords', (p) => p.expect.keywords, (k: string[][]) => k.map((g) => g.join('/')).join('; ') || '(none)'),
    field('answers to avoid', (p) => p.expect.avoid, (a: { any: string[] }[]) => a.map((g) => g.any.join('/')).join('; ') || '(none)'),
    field('answer within', (p) => p.expect.within, time),
    field('objective', (p) => p.objective),
    field('points', (p) => p.points, String),
  ],
  keys: ['id', 'inject', 'role', 'ask', 'type', 'expect', 'objective', 'points', 'options'],
  extra: optionChanges,
};

const STEP: Collection<Step> = {
  kind: 'step', noun: 'runbook step',
  fields: [
    field('words', (s) => s.step),
    field('by', (s) => s.by, time),
    field('objective', (s) => s.objective),
    field('metric', (s) => s.metric),
    field('met by', (s) => s.metBy, (m: MetBy[]) => m.map(metByText).join(' or ') || '(none)'),
    field('points', (s) => s.points, String),
  ],
  keys: ['id', 'step', 'by', 'objective', 'metric', 'metBy', 'points'],
};

const HANDOUT: Collection<Handout> = {
  kind: 'handout', noun: 'handout',
  fields: [field('title', (h) => h.title), field('to', (h) => h.to, ids), field('body', (h) => h.body)],
  keys: ['id', 'title', 'to', 'body'],
};

const CHARACTER: Collection<Character> = {
  kind: 'character', noun: 'character',
  fields: [field('name', (c) => c.name), field('plays', (c) => c.plays), field('script', (c) => c.script)],
  keys: ['id', 'name', 'plays', 'script'],
};

const SCENARIO_FIELDS: readonly Field<Scenario>[] = [
  field('id', (s) => s.id),
  field('title', (s) => s.title),
  field('level', (s) => s.level, String),
  field('duration', (s) => s.duration, time),
  field('summary', (s) => s.summary),
  field('tags', (s) => s.tags, ids),
  field('assumptions', (s) => s.assumptions),
  field('debrief questions', (s) => s.debrief.questions),
  field('feedback questions', (s) => s.feedback.questions.map((q) => q.ask)),
];

/** Every change from `before` to `after`, the scenario's own fields first, then element by element. */
export function diffScenarios(before: Scenario, after: Scenario): ScenarioChange[] {
  const own = fieldChanges(before, after, SCENARIO_FIELDS).map((text): ScenarioChange => ({ kind: 'scenario', id: null, change: 'changed', text }));
  return [
    ...own,
    ...diffCollection(before.objectives, after.objectives, OBJECTIVE),
    ...diffCollection(before.roles, after.roles, ROLE),
    ...diffCollection(before.actions, after.actions, ACTION),
    ...diffCollection(before.injects, after.injects, INJECT),
    ...diffCollection(before.injects.flatMap((i) => i.prompts), after.injects.flatMap((i) => i.prompts), PROMPT),
    ...diffCollection(before.runbook, after.runbook, STEP),
    ...diffCollection(before.handouts, after.handouts, HANDOUT),
    ...diffCollection(before.characters, after.characters, CHARACTER),
  ];
}
