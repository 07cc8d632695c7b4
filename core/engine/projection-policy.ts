// Who sees what. Each view is built field by field from an allow-list (never by copying scenario
// objects and deleting keys), so a key added to the scenario later cannot leak into a role's or the
// room's view. All views are plain JSON. What is kept between calls is ./projection-cache.ts's
// business; nothing there changes what anyone sees.
//
//   facilitator  everything: every inject with its status, notes and prompts (with `expect`,
//                objective, points, every answer and grade), the runbook, notes, ratings, the plan,
//                the hotwash and the live scores
//   room         injects addressed to everyone; the clock and story time; which roles have
//                decisions pending (title, count, since: no prompt, no answer); when the next
//                fixed-time inject falls due (not which, not for whom); after the end, how many
//                roles have given feedback (a count, never whose or what)
//   role         its brief; the injects addressed to it; its own prompts (no `expect`, no points:
//                only the time an answer counts as on time) and its own answers; the actions it
//                may take; the room chat; after the end, its own feedback form

import type { Chart, Expect, Option, Scenario, Table } from '../scenario/types.ts';
import { liveScores } from '../scoring/live-scores.ts';
import { deliverables, keep, keptList, keptViewsFor, perDelivery, shared, type Deliverable, type KeptMap, type KeptViews, type PromptDef } from './projection-cache.ts';
import type {
  ChatView, ClockView, FacilitatorInjectView, FacilitatorPromptView, FacilitatorView, InjectContent, InjectStatus,
  RolePromptView, RoleView, RoomView,
} from './projections.ts';
import { copyFeedback, feedbackSeats } from './feedback.ts';
import { indexScenario } from './scenario-index.ts';
import { injectDueAt } from './scheduler.ts';
import type { AdhocInject, SessionState } from './state.ts';

/** How many recent chat messages and decisions a live view carries (the log keeps them all). */
export const VIEW_RECENT = 200;

// ---- role ----

export function roleView(scenario: Scenario, state: SessionState, roleId: string, nowMs: number): RoleView | null {
  const role = indexScenario(scenario).roles.get(roleId);
  if (!role) return null;
  const injects = deliveredContent(scenario, state, (d) => d.to.includes(roleId));
  const prompts: RolePromptView[] = [];
  for (const d of deliverables(scenario, state)) {
    if (d.prompts.length === 0 || !state.injects.get(d.id)?.delivered) continue;
    for (const p of d.prompts) {
      if (p.role !== roleId) continue;
      const ps = state.prompts.get(p.id);
      const deliveredAt = state.injects.get(d.id)?.delivered?.at ?? 0;
      const within = p.expect?.within;
      prompts.push({
        id: p.id, inject: p.inject, ask: p.ask, type: p.type, options: sharedOptions(p.options),
        answer: copyAnswer(ps?.last?.answer), answeredAt: ps?.last?.at ?? null,
        deliveredAt, answerBy: within === undefined ? null : deliveredAt + Math.round(within * 1000),
      });
    }
  }
  return {
    audience: 'role',
    scenario: scenarioHeader(scenario),
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
    feedback: roleFeedback(scenario, state, roleId),
  };
}

function roleFeedback(scenario: Scenario, state: SessionState, roleId: string): RoleView['feedback'] {
  const given = state.feedback?.get(roleId);
  return {
    questions: scenario.feedback.questions.map((q) => ({ id: q.id, ask: q.ask, type: q.type })),
    given: given ? copyFeedback(given) : null,
  };
}

/** The room's count of feedback forms: how many, never whose. */
export function roomFeedback(scenario: Scenario, state: SessionState): RoomView['feedback'] {
  if (state.status !== 'ended') return null;
  const gave = [...(state.feedback?.keys() ?? [])];
  return { given: gave.length, of: feedbackSeats(scenario, state.setup?.participants, gave).size };
}

// ---- room ----

export function roomView(scenario: Scenario, state: SessionState, nowMs: number): RoomView {
  const injects = deliveredContent(scenario, state, (d) => d.toAll);
  const pendingByRole = new Map<string, { count: number; since: number }>();
  for (const d of deliverables(scenario, state)) {
    const delivered = state.injects.get(d.id)?.delivered;
    if (d.prompts.length === 0 || !delivered) continue;
    for (const p of d.prompts) {
      const ps = state.prompts.get(p.id);
      if (!ps || ps.answers !== 0) continue;
      const had = pendingByRole.get(p.role);
      pendingByRole.set(p.role, { count: (had?.count ?? 0) + 1, since: Math.min(had?.since ?? delivered.at, delivered.at) });
    }
  }
  return {
    audience: 'room',
    scenario: scenarioHeader(scenario),
    clock: clockView(scenario, state, nowMs),
    storyTime: latestStoryTime(injects),
    injects,
    pending: scenario.roles.filter((r) => pendingByRole.has(r.id)).map((r) => {
      const p = pendingByRole.get(r.id)!;
      return { role: r.id, title: r.title, count: p.count, since: p.since };
    }),
    nextInjectAt: nextScheduledAt(scenario, state),
    feedback: roomFeedback(scenario, state),
  };
}

/** The earliest due time among injects still pending on a fixed schedule (`at:`), or null. */
export function nextScheduledAt(scenario: Scenario, state: SessionState): number | null {
  let next: number | null = null;
  for (const inject of scenario.injects) {
    if (inject.trigger.kind !== 'at') continue;
    const s = state.injects.get(inject.id);
    if (!s || s.delivered || s.held || s.skipped) continue;
    const due = injectDueAt(scenario, state, inject);
    if (due !== null && (next === null || due < next)) next = due;
  }
  return next;
}

// ---- facilitator ----

export function facilitatorView(scenario: Scenario, state: SessionState, nowMs: number): FacilitatorView {
  const kept = keptViewsFor<FacilitatorInjectView, FacilitatorPromptView>(scenario, state);
  let story: { seq: number; label: string | null } = { seq: -1, label: null };
  const injects = deliverables(scenario, state).map((d): FacilitatorInjectView => {
    const view = facilitatorInject(kept, scenario, state, d, nowMs);
    const delivered = state.injects.get(d.id)?.delivered;
    if (delivered && view.storyTime && delivered.seq > story.seq) story = { seq: delivered.seq, label: view.storyTime };
    return view;
  });
  return {
    audience: 'facilitator',
    scenario: scenarioHeader(scenario),
    clock: clockView(scenario, state, nowMs),
    setup: state.setup ? { facilitator: state.setup.facilitator, participants: state.setup.participants.map((p) => ({ name: p.name, roles: [...p.roles] })) } : null,
    storyTime: story.label,
    injects,
    steps: scenario.runbook.map((s) => ({ id: s.id, step: s.step, objective: s.objective ?? null, byMs: Math.round(s.by * 1000), metAt: state.steps.get(s.id)?.metAt ?? null })),
    actionsTaken: state.actionsTaken.slice(-VIEW_RECENT).map((a) => {
      const index = indexScenario(scenario);
      return { ...a, title: index.actions.get(a.action)?.title ?? a.action, roleTitle: index.roles.get(a.role)?.title ?? a.role };
    }),
    chat: recentChat(scenario, state),
    notes: [...state.notes],
    ratings: [...state.ratings].map(([objective, r]) => ({ objective, rating: r.rating, reason: r.reason })),
    plan: [...state.plan.values()].map((p) => ({ ...p })),
    hotwash: scenario.debrief.questions.map((question, i) => ({ question, answer: state.hotwash.get(i) ?? null })),
    scores: liveScores(scenario, state),
  };
}

function facilitatorInject(kept: KeptViews<FacilitatorInjectView, FacilitatorPromptView>, scenario: Scenario, state: SessionState, d: Deliverable, nowMs: number): FacilitatorInjectView {
  const s = state.injects.get(d.id);
  const delivered = s?.delivered ?? null;
  const status: InjectStatus = delivered ? 'delivered' : s?.skipped ? 'skipped' : s?.held ? 'held' : 'pending';
  const dueAt = status === 'pending' || status === 'held' ? (d.scenarioInject ? injectDueAt(scenario, state, d.scenarioInject) : null) : null;
  const list = keptList(kept.injects.get(d.id)?.view.prompts, d.prompts.map((p) => facilitatorPrompt(kept.prompts, state, p, delivered?.at, nowMs)));
  return keep(kept.injects, d.id, [d, delivered, status, dueAt, list], () => Object.freeze({
    ...content(d, delivered?.at ?? 0),
    deliveredAt: delivered?.at ?? null,
    to: Object.freeze([...d.to]) as string[], toAll: d.toAll, status,
    dueAt,
    how: delivered?.how ?? null,
    facilitatorNotes: d.scenarioInject?.facilitatorNotes ?? null,
    prompts: Object.freeze(list) as FacilitatorPromptView[],
  }));
}

function facilitatorPrompt(kept: KeptMap<FacilitatorPromptView>, state: SessionState, p: PromptDef, deliveredAt: number | undefined, nowMs: number): FacilitatorPromptView {
  const ps = state.prompts.get(p.id);
  const within = p.expect?.within;
  const last = ps?.last ?? null;
  const grade = ps?.grade ?? null;
  const answers = ps?.answers ?? 0;
  // Delivered, unanswered, and past its `within`.
  const overdue = deliveredAt !== undefined && answers === 0 && within !== undefined && nowMs - deliveredAt > within * 1000;
  return keep(kept, p.id, [p, last, grade, answers, overdue], () => {
    const answer = copyAnswer(last?.answer);
    if (Array.isArray(answer)) Object.freeze(answer);
    return Object.freeze({
      id: p.id, role: p.role, ask: p.ask, type: p.type, options: sharedOptions(p.options),
      expect: p.expect ? shared(p.expect, copyExpect) : null, objective: p.objective, points: p.points,
      answer, answeredAt: last?.at ?? null, answers,
      grade: grade && last && grade.answerSeq === last.seq ? Object.freeze({ credit: grade.credit, reason: grade.reason }) : null,
      overdue,
    });
  });
}

// ---- what every audience may see of a delivered inject ----

function content(d: Deliverable, deliveredAt: number): InjectContent {
  const inject = d.scenarioInject;
  if (inject) {
    return {
      id: inject.id, channel: inject.channel, from: inject.from ?? null, title: inject.title, body: inject.body,
      storyTime: inject.storyTime ?? null, table: inject.table ? shared(inject.table, copyTable) : null, chart: inject.chart ? shared(inject.chart, copyChart) : null, deliveredAt, adhoc: false,
    };
  }
  const a = d.adhocInject as AdhocInject;
  return {
    id: a.inject, channel: a.channel, from: a.from ?? null, title: a.title, body: a.body,
    storyTime: null, table: null, chart: null, deliveredAt, adhoc: true,
  };
}

/** Delivered injects for which `visible` holds, in delivery order. */
function deliveredContent(scenario: Scenario, state: SessionState, visible: (d: Deliverable) => boolean): InjectContent[] {
  const out: { seq: number; content: InjectContent }[] = [];
  for (const d of deliverables(scenario, state)) {
    const delivered = state.injects.get(d.id)?.delivered;
    if (delivered && visible(d)) out.push({ seq: delivered.seq, content: perDelivery(d, delivered, () => content(d, delivered.at)) });
  }
  return out.sort((a, b) => a.seq - b.seq).map((x) => x.content);
}

// ---- small parts, each an allow-list ----

function scenarioHeader(scenario: Scenario): { id: string; title: string; summary: string } {
  return { id: scenario.id, title: scenario.title, summary: scenario.summary };
}

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

function latestStoryTime(injects: InjectContent[]): string | null {
  for (let i = injects.length - 1; i >= 0; i--) {
    const story = injects[i]?.storyTime;
    if (story) return story;
  }
  return null;
}

// Chat lines carry the writer's title, so that no screen shows a role id (issue 14, item 18).
// Role titles are no secret: the room screen lists them too.
function recentChat(scenario: Scenario, state: SessionState): ChatView[] {
  const roles = indexScenario(scenario).roles;
  return state.chat.slice(-VIEW_RECENT).map((c) => ({ ...c, from: c.role === null ? 'Facilitator' : (roles.get(c.role)?.title ?? c.role) }));
}

const copyAnswer = (answer: string | string[] | undefined | null): string | string[] | null =>
  answer === undefined || answer === null ? null : typeof answer === 'string' ? answer : [...answer];

const sharedOptions = (options: readonly Option[]): Option[] => shared(options, (o) => o.map((x) => ({ id: x.id, label: x.label })));

function copyTable(table: Table): Table {
  return { columns: [...table.columns], rows: table.rows.map((r) => [...r]) };
}

function copyChart(chart: Chart): Chart {
  return { label: chart.label, ...(chart.unit !== undefined ? { unit: chart.unit } : {}), points: chart.points.map(([x, y]) => [x, y] as [number, number]) };
}

function copyExpect(e: Expect): Expect {
  return {
    best: [...e.best], acceptable: [...e.acceptable], acceptableCredit: e.acceptableCredit,
    keywords: e.keywords.map((g) => [...g]), avoid: e.avoid.map((g) => ({ any: [...g.any], why: g.why })), ...(e.within !== undefined ? { within: e.within } : {}),
  };
}
