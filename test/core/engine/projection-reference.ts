// The projections as they were before views kept unchanged parts between calls (issue 3/5): a
// straightforward computation from the state on every call, with the live scores from scoreState.
// The property test compares the kept-parts projections in core/engine/projections.ts with this.

import type { Chart, Expect, Inject, Option, PromptType, Scenario, Table } from '../../../core/scenario/types.ts';
import {
  VIEW_RECENT, type Audience, type ClockView, type FacilitatorInjectView, type FacilitatorPromptView, type FacilitatorView,
  type InjectContent, type InjectStatus, type Projection, type RolePromptView, type RoleView, type RoomView, type ChatView,
} from '../../../core/engine/projections.ts';
import { scoreState, type Scores } from '../../../core/scoring/score.ts';
import { cappedRating, percentOf, ratingFor } from '../../../core/scoring/rules.ts';
import type { DebriefObjective } from '../../../core/scoring/debrief-types.ts';
import { indexScenario } from '../../../core/engine/scenario-index.ts';
import { injectDueAt } from '../../../core/engine/scheduler.ts';
import type { SessionState } from '../../../core/engine/state.ts';

function clockView(scenario: Scenario, state: SessionState, nowMs: number): ClockView {
  const open = state.pauses[state.pauses.length - 1];
  return {
    status: state.status,
    exerciseMs: nowMs,
    speed: state.speed,
    durationMs: Math.round(scenario.duration * 1000),
    pausedFor: state.status === 'paused' && open ? open.reason : null,
  };
}

// The parts of a view that come from the scenario never change: each is copied once, deeply frozen,
// and shared by every view (views are read-only data; a frozen part cannot be changed by one
// listener under another's feet).
const sharedCopies = new WeakMap<object, unknown>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function shared<K extends object, T>(key: K, copy: (key: K) => T): T {
  if (sharedCopies.has(key)) return sharedCopies.get(key) as T;
  const value = deepFreeze(copy(key));
  sharedCopies.set(key, value);
  return value;
}

const sharedOptions = (options: readonly Option[]): Option[] => shared(options, (o) => o.map((x) => ({ id: x.id, label: x.label })));

function copyTable(table: Table | undefined): Table | null {
  return table ? { columns: [...table.columns], rows: table.rows.map((r) => [...r]) } : null;
}

function copyChart(chart: Chart | undefined): Chart | null {
  if (!chart) return null;
  return { label: chart.label, ...(chart.unit !== undefined ? { unit: chart.unit } : {}), points: chart.points.map(([x, y]) => [x, y] as [number, number]) };
}

interface Deliverable {
  id: string;
  to: string[];
  toAll: boolean;
  adhoc: boolean;
  content: (deliveredAt: number) => InjectContent;
  scenarioInject: Inject | null;
}

/** Scenario injects in file order, then ad-hoc ones in the order sent. */
function deliverables(scenario: Scenario, state: SessionState): Deliverable[] {
  const out: Deliverable[] = scenario.injects.map((inject) => ({
    id: inject.id,
    to: inject.to,
    toAll: inject.toAll,
    adhoc: false,
    scenarioInject: inject,
    content: (deliveredAt) => ({
      id: inject.id, channel: inject.channel, from: inject.from ?? null, title: inject.title, body: inject.body,
      storyTime: inject.storyTime ?? null, table: inject.table ? shared(inject.table, copyTable) : null, chart: inject.chart ? shared(inject.chart, copyChart) : null, deliveredAt, adhoc: false,
    }),
  }));
  for (const a of state.adhoc) {
    out.push({
      id: a.inject, to: a.to, toAll: a.toAll, adhoc: true, scenarioInject: null,
      content: (deliveredAt) => ({
        id: a.inject, channel: a.channel, from: a.from ?? null, title: a.title, body: a.body,
        storyTime: null, table: null, chart: null, deliveredAt, adhoc: true,
      }),
    });
  }
  return out;
}

/** Delivered injects visible to `visible`, in delivery order. */
function deliveredContent(scenario: Scenario, state: SessionState, visible: (d: Deliverable) => boolean): InjectContent[] {
  const out: { seq: number; content: InjectContent }[] = [];
  for (const d of deliverables(scenario, state)) {
    const delivered = state.injects.get(d.id)?.delivered;
    if (delivered && visible(d)) out.push({ seq: delivered.seq, content: d.content(delivered.at) });
  }
  return out.sort((a, b) => a.seq - b.seq).map((x) => x.content);
}

function latestStoryTime(injects: InjectContent[]): string | null {
  for (let i = injects.length - 1; i >= 0; i--) {
    const story = injects[i]?.storyTime;
    if (story) return story;
  }
  return null;
}

function recentChat(scenario: Scenario, state: SessionState): ChatView[] {
  const title = (role: string) => scenario.roles.find((r) => r.id === role)?.title ?? role;
  return state.chat.slice(-VIEW_RECENT).map((c) => ({ ...c, from: c.role === null ? 'Facilitator' : title(c.role) }));
}

interface PromptDef {
  id: string;
  inject: string;
  role: string;
  ask: string;
  type: PromptType;
  options: Option[];
  expect: Expect | null;
  objective: string | null;
  points: number | null;
}

/** Every prompt of the session (scenario and ad-hoc), in inject order. */
function promptDefs(scenario: Scenario, state: SessionState): PromptDef[] {
  const out: PromptDef[] = [];
  for (const inject of scenario.injects) {
    for (const p of inject.prompts) {
      out.push({ id: p.id, inject: inject.id, role: p.role, ask: p.ask, type: p.type, options: p.options, expect: p.expect, objective: p.objective ?? null, points: p.points });
    }
  }
  for (const a of state.adhoc) {
    if (a.prompt) out.push({ id: a.prompt.id, inject: a.inject, role: a.prompt.role, ask: a.prompt.ask, type: a.prompt.type, options: a.prompt.options, expect: null, objective: null, points: null });
  }
  return out;
}

const copyAnswer = (answer: string | string[] | undefined | null): string | string[] | null =>
  answer === undefined || answer === null ? null : typeof answer === 'string' ? answer : [...answer];

function roleView(scenario: Scenario, state: SessionState, roleId: string, nowMs: number): RoleView | null {
  const role = indexScenario(scenario).roles.get(roleId);
  if (!role) return null;
  const injects = deliveredContent(scenario, state, (d) => d.to.includes(roleId));
  const prompts: RolePromptView[] = [];
  for (const p of promptDefs(scenario, state)) {
    if (p.role !== roleId || !state.injects.get(p.inject)?.delivered) continue;
    const ps = state.prompts.get(p.id);
    const deliveredAt = state.injects.get(p.inject)?.delivered?.at ?? 0;
    const within = p.expect?.within;
    prompts.push({
      id: p.id, inject: p.inject, ask: p.ask, type: p.type, options: sharedOptions(p.options),
      answer: copyAnswer(ps?.last?.answer), answeredAt: ps?.last?.at ?? null,
      deliveredAt, answerBy: within === undefined ? null : deliveredAt + Math.round(within * 1000),
    });
  }
  return {
    audience: 'role',
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    role: { id: role.id, title: role.title, brief: role.brief ?? null },
    clock: clockView(scenario, state, nowMs),
    storyTime: latestStoryTime(injects),
    injects,
    prompts,
    actions: scenario.actions.filter((a) => a.roles.includes(roleId)).map((a) => {
      const stats = state.actionByRole.get(a.id)?.get(roleId);
      return { id: a.id, title: a.title, description: a.description ?? null, takenAt: stats ? stats.times.slice(-VIEW_RECENT) : [], taken: stats?.times.length ?? 0 };
    }),
    chat: recentChat(scenario, state),
    feedback: {
      questions: scenario.feedback.questions.map((q) => ({ ...q })),
      given: state.feedback?.has(roleId) ? (({ seq: _s, at: _a, ...form }) => structuredClone(form))(state.feedback.get(roleId)!) : null,
    },
  };
}

function roomView(scenario: Scenario, state: SessionState, nowMs: number): RoomView {
  const injects = deliveredContent(scenario, state, (d) => d.toAll);
  const pendingByRole = new Map<string, { count: number; since: number }>();
  for (const p of promptDefs(scenario, state)) {
    const ps = state.prompts.get(p.id);
    const delivered = state.injects.get(p.inject)?.delivered;
    if (!delivered || !ps || ps.answers !== 0) continue;
    const had = pendingByRole.get(p.role);
    pendingByRole.set(p.role, { count: (had?.count ?? 0) + 1, since: Math.min(had?.since ?? delivered.at, delivered.at) });
  }
  const scheduled = scenario.injects
    .filter((i) => i.trigger.kind === 'at' && !state.injects.get(i.id)?.delivered && !state.injects.get(i.id)?.held && !state.injects.get(i.id)?.skipped && state.injects.has(i.id))
    .map((i) => injectDueAt(scenario, state, i))
    .filter((t): t is number => t !== null);
  return {
    audience: 'room',
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    clock: clockView(scenario, state, nowMs),
    storyTime: latestStoryTime(injects),
    injects,
    pending: scenario.roles.filter((r) => pendingByRole.has(r.id)).map((r) => ({ role: r.id, title: r.title, count: pendingByRole.get(r.id)!.count, since: pendingByRole.get(r.id)!.since })),
    nextInjectAt: scheduled.length ? Math.min(...scheduled) : null,
    feedback: state.status !== 'ended' ? null : {
      given: state.feedback?.size ?? 0,
      of: new Set([
        ...(state.setup?.participants.some((p) => p.roles.length > 0) ? state.setup.participants.flatMap((p) => p.roles) : scenario.roles.map((r) => r.id)),
        ...(state.feedback?.keys() ?? []),
      ]).size,
    },
  };
}

function facilitatorView(scenario: Scenario, state: SessionState, nowMs: number): FacilitatorView {
  const defsByInject = new Map<string, PromptDef[]>();
  for (const p of promptDefs(scenario, state)) {
    const list = defsByInject.get(p.inject);
    if (list) list.push(p);
    else defsByInject.set(p.inject, [p]);
  }
  const story: { seq: number; label: string | null } = { seq: -1, label: null };
  const injects = deliverables(scenario, state).map((d): FacilitatorInjectView => {
    const s = state.injects.get(d.id);
    const status: InjectStatus = s?.delivered ? 'delivered' : s?.skipped ? 'skipped' : s?.held ? 'held' : 'pending';
    const content = d.content(s?.delivered?.at ?? 0);
    if (s?.delivered && content.storyTime && s.delivered.seq > story.seq) {
      story.seq = s.delivered.seq;
      story.label = content.storyTime;
    }
    const prompts = (defsByInject.get(d.id) ?? []).map((p): FacilitatorPromptView => {
      const ps = state.prompts.get(p.id);
      const within = p.expect?.within;
      const deliveredAt = s?.delivered?.at;
      return {
        id: p.id, role: p.role, ask: p.ask, type: p.type, options: sharedOptions(p.options),
        expect: p.expect ? shared(p.expect, structuredCloneExpect) : null, objective: p.objective, points: p.points,
        answer: copyAnswer(ps?.last?.answer), answeredAt: ps?.last?.at ?? null, answers: ps?.answers ?? 0,
        grade: ps?.grade && ps.last && ps.grade.answerSeq === ps.last.seq ? { credit: ps.grade.credit, reason: ps.grade.reason } : null,
        overdue: deliveredAt !== undefined && (ps?.answers ?? 0) === 0 && within !== undefined && nowMs - deliveredAt > within * 1000,
      };
    });
    return {
      ...content,
      deliveredAt: s?.delivered?.at ?? null,
      to: [...d.to], toAll: d.toAll, status,
      dueAt: status === 'pending' || status === 'held' ? (d.scenarioInject ? injectDueAt(scenario, state, d.scenarioInject) : null) : null,
      how: s?.delivered?.how ?? null,
      facilitatorNotes: d.scenarioInject?.facilitatorNotes ?? null,
      prompts,
    };
  });
  return {
    audience: 'facilitator',
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    clock: clockView(scenario, state, nowMs),
    setup: state.setup ? { facilitator: state.setup.facilitator, participants: state.setup.participants.map((p) => ({ name: p.name, roles: [...p.roles] })) } : null,
    storyTime: story.label,
    injects,
    steps: scenario.runbook.map((s) => ({ id: s.id, step: s.step, objective: s.objective ?? null, byMs: Math.round(s.by * 1000), metAt: state.steps.get(s.id)?.metAt ?? null })),
    actionsTaken: state.actionsTaken.slice(-VIEW_RECENT).map((a) => ({
      ...a,
      title: scenario.actions.find((x) => x.id === a.action)?.title ?? a.action,
      roleTitle: scenario.roles.find((r) => r.id === a.role)?.title ?? a.role,
    })),
    chat: recentChat(scenario, state),
    notes: [...state.notes],
    ratings: [...state.ratings].map(([objective, r]) => ({ objective, rating: r.rating, reason: r.reason })),
    plan: [...state.plan.values()].map((p) => ({ ...p })),
    hotwash: scenario.debrief.questions.map((question, i) => ({ question, answer: state.hotwash.get(i) ?? null })),
    scores: referenceScores(scenario, state),
  };
}

function structuredCloneExpect(e: Expect): Expect {
  return {
    best: [...e.best], acceptable: [...e.acceptable], acceptableCredit: e.acceptableCredit,
    keywords: e.keywords.map((g) => [...g]), avoid: e.avoid.map((g) => ({ any: [...g.any], why: g.why })), ...(e.within !== undefined ? { within: e.within } : {}),
  };
}

/** The projection as first written: every part rebuilt from the state on every call, nothing kept. */
export function projectReference(scenario: Scenario, state: SessionState, audience: Audience, nowMs: number): Projection | null {
  switch (audience.kind) {
    case 'facilitator':
      return facilitatorView(scenario, state, nowMs);
    case 'room':
      return roomView(scenario, state, nowMs);
    case 'role':
      return roleView(scenario, state, audience.role, nowMs);
  }
}

/** scoreState, with the objectives and totals summed as first written (one pass per objective). */
function referenceScores(scenario: Scenario, state: SessionState): Scores {
  const { prompts, steps, metrics } = scoreState(scenario, state);
  const objectives: DebriefObjective[] = scenario.objectives.map((o) => {
    let points = 0;
    let possible = 0;
    for (const p of prompts) if (p.objective === o.id) { points += p.points; possible += p.possible; }
    for (const s of steps) if (s.objective === o.id) { points += s.points; possible += s.possible; }
    const percent = percentOf(points, possible);
    const computed = ratingFor(percent);
    const override = state.ratings.get(o.id);
    return {
      id: o.id, title: o.title, description: o.description ?? null, capability: o.capability ?? null,
      points, possible, percent, computed_rating: computed,
      rating: override ? override.rating : computed,
      rating_override: override ? { rating: override.rating, reason: override.reason } : null,
      eeg: o.eeg ? { P: o.eeg.P, S: o.eeg.S, M: o.eeg.M, U: o.eeg.U } : null,
    };
  });
  let points = 0;
  let possible = 0;
  for (const p of prompts) { points += p.points; possible += p.possible; }
  for (const s of steps) { points += s.points; possible += s.possible; }
  const percent = percentOf(points, possible);
  const capped = cappedRating(ratingFor(percent), objectives);
  return { score: { points, possible, percent, computed_rating: capped.rating, rating: capped.rating, capped_by: capped.cappedBy }, objectives, prompts, steps, metrics };
}
