// A checked raw scenario -> the normalized Scenario of types.ts: seconds, defaults, `to: all`
// expanded, prompts linked to their inject. Only called after the shape and meaning checks pass.
import type { Action, Condition, Expect, Inject, LintAllow, MetBy, Play, PlayEvent, Prompt, Scenario, SimpleMetBy, Step, Trigger } from './types.ts';
import type { RawCondition, RawInject, RawMetBy, RawPrompt, RawScenario, RawSimpleMetBy } from './schema.ts';
import type { RawPlay } from './play-schema.ts';
import { parseDuration } from './duration.ts';

export const DEFAULT_POINTS = 10;
export const DEFAULT_ACCEPTABLE_CREDIT = 0.5;

/** Durations were checked by the schema; a failure here is a bug in the loader, not in the file. */
function seconds(value: string | number): number {
  const s = parseDuration(value);
  if (s === null) throw new Error(`internal: unchecked duration ${String(value)}`);
  return s;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function lint(raw: { lint?: { allow: readonly string[]; why: string } | undefined }): { lint?: LintAllow } {
  return raw.lint === undefined ? {} : { lint: { allow: [...raw.lint.allow], why: raw.lint.why } };
}

export function normalizeCondition(c: RawCondition): Condition {
  if ('answered' in c) return { kind: 'answered', prompt: c.answered, ...optional('with', c.with) };
  if ('unanswered' in c) return { kind: 'unanswered', prompt: c.unanswered, for: seconds(c.for) };
  if ('action' in c) return { kind: 'action', action: c.action, ...optional('by', c.by) };
  if ('met' in c) return { kind: 'met', step: c.met };
  if ('missed' in c) return { kind: 'missed', step: c.missed };
  if ('any' in c) return { kind: 'any', conditions: c.any.map(normalizeCondition) };
  return { kind: 'all', conditions: c.all.map(normalizeCondition) };
}

function trigger(inject: RawInject): Trigger {
  const delay = inject.delay === undefined ? 0 : seconds(inject.delay);
  if (inject.after !== undefined) return { kind: 'after', inject: inject.after, delay };
  if (inject.when !== undefined) return { kind: 'when', condition: normalizeCondition(inject.when), delay };
  return { kind: 'at', at: seconds(inject.at ?? 0) };
}

function prompt(p: RawPrompt, injectId: string): Prompt {
  const e = p.expect ?? {};
  const expect: Expect = {
    best: e.best ?? [],
    acceptable: e.acceptable ?? [],
    acceptableCredit: e.acceptable_credit ?? DEFAULT_ACCEPTABLE_CREDIT,
    keywords: e.keywords ?? [],
    avoid: (e.avoid ?? []).map((g) => ({ any: [...g.any], why: g.why })),
    ...optional('within', e.within === undefined ? undefined : seconds(e.within)),
  };
  return {
    id: p.id,
    inject: injectId,
    role: p.role,
    ask: p.ask,
    type: p.type,
    options: (p.options ?? []).map((o) => ({ id: o.id, label: o.label })),
    expect,
    ...optional('objective', p.objective),
    points: p.points ?? DEFAULT_POINTS,
    ...lint(p),
  };
}

function simpleMetBy(m: RawSimpleMetBy): SimpleMetBy {
  return 'action' in m ? { kind: 'action', action: m.action } : { kind: 'prompt', prompt: m.prompt, ...optional('with', m.with) };
}

function metBy(m: RawMetBy): MetBy {
  return 'all' in m ? { kind: 'all', entries: m.all.map(simpleMetBy) } : simpleMetBy(m);
}

export function normalizeScenario(raw: RawScenario): Scenario {
  const roleIds = raw.roles.map((r) => r.id);
  const actions: Action[] = (raw.actions ?? []).map((a) => ({
    id: a.id,
    title: a.title,
    ...optional('description', a.description),
    roles: a.roles ?? [...roleIds],
    ...lint(a),
  }));
  const injects: Inject[] = raw.injects.map((i) => ({
    id: i.id,
    trigger: trigger(i),
    to: i.to === 'all' ? [...roleIds] : [...i.to],
    toAll: i.to === 'all',
    channel: i.channel,
    ...optional('from', i.from),
    title: i.title,
    body: i.body,
    ...optional('storyTime', i.story_time),
    ...optional('facilitatorNotes', i.facilitator_notes),
    ...optional('table', i.table && { columns: [...i.table.columns], rows: i.table.rows.map((r) => [...r]) }),
    ...optional('chart', i.chart && { label: i.chart.label, ...optional('unit', i.chart.unit), points: i.chart.points.map(([t, v]) => [t, v] as [number, number]) }),
    prompts: (i.prompts ?? []).map((p) => prompt(p, i.id)),
    discussion: [...(i.discussion ?? [])],
    ...lint(i),
  }));
  const runbook: Step[] = (raw.runbook ?? []).map((s) => ({
    id: s.id,
    step: s.step,
    ...optional('objective', s.objective),
    by: seconds(s.by),
    ...optional('metric', s.metric),
    metBy: s.met_by.map(metBy),
    points: s.points ?? DEFAULT_POINTS,
    ...lint(s),
  }));
  return {
    format: raw.format,
    id: raw.id,
    title: raw.title,
    level: raw.level ?? 'beginner',
    duration: seconds(raw.duration),
    summary: raw.summary,
    tags: [...(raw.tags ?? [])],
    objectives: raw.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      ...optional('description', o.description),
      ...optional('capability', o.capability),
      ...optional('eeg', o.eeg && { P: o.eeg.P, S: o.eeg.S, M: o.eeg.M, U: o.eeg.U }),
      ...lint(o),
    })),
    roles: raw.roles.map((r) => ({ id: r.id, title: r.title, ...optional('brief', r.brief), ...lint(r) })),
    actions,
    injects,
    runbook,
    debrief: { questions: [...(raw.debrief?.questions ?? [])] },
    ...optional('groundRules', raw.ground_rules),
    assumptions: [...(raw.assumptions ?? [])],
    handouts: (raw.handouts ?? []).map((h) => ({
      id: h.id,
      title: h.title,
      to: h.to === 'all' ? [...roleIds] : [...h.to],
      toAll: h.to === 'all',
      body: h.body,
    })),
    characters: (raw.characters ?? []).map((c) => ({ id: c.id, name: c.name, plays: c.plays, script: c.script })),
    feedback: { questions: (raw.feedback?.questions ?? []).map((q) => ({ id: q.id, ask: q.ask, type: q.type })) },
    ...lint(raw),
  };
}

export function normalizePlay(raw: RawPlay, lineOf: (index: number) => number): Play {
  const events: PlayEvent[] = raw.events.map((e, index) => {
    const base = { at: seconds(e.at), index, line: lineOf(index) };
    if ('facilitator' in e) {
      switch (e.facilitator) {
        case 'grade':
          return { kind: 'grade', prompt: e.prompt, credit: e.credit, reason: e.reason, ...base };
        case 'note':
          return { kind: 'note', text: e.text, tag: e.tag, ...optional('objective', e.objective), ...optional('role', e.role), ...base };
        case 'deliver':
          return { kind: 'deliver', inject: e.inject, ...base };
        case 'skip':
          return { kind: 'skip', inject: e.inject, ...base };
        case 'rate':
          return { kind: 'rate', objective: e.objective, rating: e.rating, reason: e.reason, ...base };
        default:
          return { kind: e.facilitator, ...base };
      }
    }
    if ('answer' in e) return { kind: 'answer', role: e.role, prompt: e.prompt, answer: Array.isArray(e.answer) ? [...e.answer] : e.answer, ...base };
    if ('action' in e) return { kind: 'action', role: e.role, action: e.action, ...base };
    return { kind: 'chat', role: e.role, text: e.text, ...base };
  });
  return { format: raw.format, ...optional('scenario', raw.scenario), events };
}
