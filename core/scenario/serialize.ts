// Scenario -> YAML text in the format, such that loadScenario(scenarioToYaml(s)) deep-equals s.
// Used to duplicate a scenario from the UI. Defaults are written out, so the file says everything.
import { stringify } from 'yaml';
import type { Condition, Inject, LintAllow, MetBy, Prompt, Scenario, Step } from './types.ts';
import { formatDuration } from './duration.ts';

/** Whole seconds as the format writes them; fractions as a bare number, which the format also allows. */
function duration(seconds: number): string | number {
  return Number.isSafeInteger(seconds) && seconds >= 0 ? formatDuration(seconds) : seconds;
}

function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function condition(c: Condition): Record<string, unknown> {
  switch (c.kind) {
    case 'answered':
      return compact({ answered: c.prompt, with: c.with });
    case 'unanswered':
      return { unanswered: c.prompt, for: duration(c.for) };
    case 'action':
      return compact({ action: c.action, by: c.by });
    case 'met':
      return { met: c.step };
    case 'missed':
      return { missed: c.step };
    case 'any':
      return { any: c.conditions.map(condition) };
    case 'all':
      return { all: c.conditions.map(condition) };
  }
}

function lint(l: LintAllow | undefined): Record<string, unknown> | undefined {
  return l && { allow: l.allow, why: l.why };
}

function metBy(m: MetBy): Record<string, unknown> {
  if (m.kind === 'all') return { all: m.entries.map(metBy) };
  return m.kind === 'action' ? { action: m.action } : compact({ prompt: m.prompt, with: m.with });
}

function prompt(p: Prompt): Record<string, unknown> {
  const e = p.expect;
  return compact({
    id: p.id,
    role: p.role,
    ask: p.ask,
    type: p.type,
    options: p.options.length > 0 ? p.options.map((o) => ({ id: o.id, label: o.label })) : undefined,
    expect: compact({
      best: e.best.length > 0 ? e.best : undefined,
      acceptable: e.acceptable.length > 0 ? e.acceptable : undefined,
      acceptable_credit: e.acceptableCredit,
      keywords: e.keywords.length > 0 ? e.keywords : undefined,
      avoid: e.avoid.length > 0 ? e.avoid.map((g) => ({ any: g.any, why: g.why })) : undefined,
      within: e.within === undefined ? undefined : duration(e.within),
    }),
    objective: p.objective,
    points: p.points,
    lint: lint(p.lint),
  });
}

function inject(i: Inject): Record<string, unknown> {
  const t = i.trigger;
  return compact({
    id: i.id,
    at: t.kind === 'at' ? duration(t.at) : undefined,
    after: t.kind === 'after' ? t.inject : undefined,
    when: t.kind === 'when' ? condition(t.condition) : undefined,
    delay: t.kind !== 'at' ? duration(t.delay) : undefined,
    to: i.toAll ? 'all' : i.to,
    channel: i.channel,
    from: i.from,
    title: i.title,
    body: i.body,
    story_time: i.storyTime,
    facilitator_notes: i.facilitatorNotes,
    table: i.table && { columns: i.table.columns, rows: i.table.rows },
    chart: i.chart && compact({ label: i.chart.label, unit: i.chart.unit, points: i.chart.points }),
    prompts: i.prompts.length > 0 ? i.prompts.map(prompt) : undefined,
    discussion: i.discussion.length > 0 ? i.discussion : undefined,
    lint: lint(i.lint),
  });
}

function step(s: Step): Record<string, unknown> {
  return compact({
    id: s.id,
    step: s.step,
    objective: s.objective,
    by: duration(s.by),
    metric: s.metric,
    met_by: s.metBy.map(metBy),
    points: s.points,
    lint: lint(s.lint),
  });
}

export function scenarioToYaml(s: Scenario): string {
  const doc = compact({
    format: s.format,
    id: s.id,
    title: s.title,
    level: s.level,
    duration: duration(s.duration),
    summary: s.summary,
    tags: s.tags.length > 0 ? s.tags : undefined,
    objectives: s.objectives.map((o) => compact({ ...o, eeg: o.eeg && { ...o.eeg }, lint: lint(o.lint) })),
    roles: s.roles.map((r) => compact({ ...r, lint: lint(r.lint) })),
    actions: s.actions.length > 0 ? s.actions.map((a) => compact({ ...a, lint: lint(a.lint) })) : undefined,
    injects: s.injects.map(inject),
    runbook: s.runbook.length > 0 ? s.runbook.map(step) : undefined,
    debrief: s.debrief.questions.length > 0 ? { questions: s.debrief.questions } : undefined,
    ground_rules: s.groundRules,
    assumptions: s.assumptions.length > 0 ? s.assumptions : undefined,
    handouts: s.handouts.length > 0 ? s.handouts.map((h) => ({ id: h.id, title: h.title, to: h.toAll ? 'all' : h.to, body: h.body })) : undefined,
    characters: s.characters.length > 0 ? s.characters.map((c) => ({ ...c })) : undefined,
    feedback: s.feedback.questions.length > 0 ? { questions: s.feedback.questions.map((q) => ({ ...q })) } : undefined,
    lint: lint(s.lint),
  });
  // No anchors: a duplicated scenario should read like one written by hand.
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, version: '1.2' });
}
