// Projections decide who sees what, before anything leaves the host. Each is built field by field
// from an allow-list (never by copying scenario objects and deleting keys), so a key added to the
// scenario later cannot leak into a role's or the room's view. All views are plain JSON.
//
// facilitator: everything. room: injects addressed to everyone, the clock, the story time, and
// which roles have decisions pending. role: its brief, its injects, its own prompts (no `expect`,
// no points), its own answers, the actions it may take, the room chat.

import type { Channel, Chart, Expect, Inject, NoteTag, Option, PromptType, Rating, Scenario, Table } from '../scenario/types.ts';
import type { DeliveryHow, Participant, PauseReason } from './events.ts';
import { liveScores } from '../scoring/live-scores.ts';
import type { Scores } from '../scoring/score.ts';
import { indexScenario } from './scenario-index.ts';
import { injectDueAt } from './scheduler.ts';
import type { AdhocInject, AnswerRecord, GradeRecord, InjectState, SessionState, SessionStatus } from './state.ts';

/** Who a projection is for. */
export type Audience = { kind: 'facilitator' } | { kind: 'room' } | { kind: 'role'; role: string };

/** How many recent chat messages and decisions a live view carries (the log keeps them all). */
export const VIEW_RECENT = 200;

export interface ClockView {
  status: SessionStatus;
  /** Exercise ms when the view was made. */
  exerciseMs: number;
  speed: number;
  /** The scenario's planned length, ms. */
  durationMs: number;
  /** Why the session is paused, when it is. */
  pausedFor: PauseReason | null;
}

/** What any audience may see of an inject once delivered to it. */
export interface InjectContent {
  id: string;
  channel: Channel;
  from: string | null;
  title: string;
  body: string;
  storyTime: string | null;
  table: Table | null;
  chart: Chart | null;
  deliveredAt: number;
  adhoc: boolean;
}

export interface ChatView {
  seq: number;
  at: number;
  role: string | null;
  /** Who wrote it, as people read it: the role's title, or 'Facilitator'. */
  from: string;
  text: string;
}

export interface RolePromptView {
  id: string;
  inject: string;
  ask: string;
  type: PromptType;
  options: Option[];
  answer: string | string[] | null;
  answeredAt: number | null;
  /** Exercise ms its inject reached this role. */
  deliveredAt: number;
  /**
   * Exercise ms by which an answer counts as on time (delivery plus the prompt's `within`), or null
   * when the prompt has no window. Only the time: the rest of `expect` never leaves the host.
   */
  answerBy: number | null;
}

export interface RoleView {
  audience: 'role';
  scenario: { id: string; title: string; summary: string };
  role: { id: string; title: string; brief: string | null };
  clock: ClockView;
  storyTime: string | null;
  injects: InjectContent[];
  prompts: RolePromptView[];
  /** The actions this role may take; `takenAt` holds the latest times it took each (at most VIEW_RECENT), `taken` how often. */
  actions: { id: string; title: string; description: string | null; takenAt: number[]; taken: number }[];
  chat: ChatView[];
}

export interface RoomView {
  audience: 'room';
  scenario: { id: string; title: string; summary: string };
  clock: ClockView;
  storyTime: string | null;
  injects: InjectContent[];
  /**
   * Roles with delivered prompts still unanswered: how many, and since when (exercise ms of the
   * oldest unanswered delivery). Role titles and counts only: no prompt text, no answer.
   */
  pending: { role: string; title: string; count: number; since: number }[];
  /**
   * Exercise ms at which the next inject on a fixed schedule (`at:`) falls due, or null when none is
   * left. Only the time: not which inject or for whom. Injects set off by decisions (`after:`,
   * `when:`) are left out, so that the room cannot read a consequence from the countdown.
   */
  nextInjectAt: number | null;
}

export type InjectStatus = 'pending' | 'held' | 'delivered' | 'skipped';

export interface FacilitatorInjectView extends Omit<InjectContent, 'deliveredAt'> {
  to: string[];
  toAll: boolean;
  status: InjectStatus;
  /** Exercise ms at which it falls due, when known. */
  dueAt: number | null;
  deliveredAt: number | null;
  how: DeliveryHow | null;
  facilitatorNotes: string | null;
  prompts: FacilitatorPromptView[];
}

export interface FacilitatorPromptView {
  id: string;
  role: string;
  ask: string;
  type: PromptType;
  options: Option[];
  expect: Expect | null;
  objective: string | null;
  points: number | null;
  answer: string | string[] | null;
  answeredAt: number | null;
  answers: number;
  grade: { credit: number; reason: string } | null;
  /** Delivered, unanswered, and past its `within`. */
  overdue: boolean;
}

export interface FacilitatorView {
  audience: 'facilitator';
  scenario: { id: string; title: string; summary: string };
  clock: ClockView;
  setup: { facilitator: string; participants: Participant[] } | null;
  storyTime: string | null;
  injects: FacilitatorInjectView[];
  steps: { id: string; step: string; objective: string | null; byMs: number; metAt: number | null }[];
  /** The latest actions taken, with the action's and the role's titles for the feed. */
  actionsTaken: { seq: number; at: number; action: string; role: string; title: string; roleTitle: string }[];
  chat: ChatView[];
  notes: { seq: number; at: number; text: string; tag: NoteTag; objective: string | null; role: string | null }[];
  ratings: { objective: string; rating: Rating; reason: string }[];
  plan: { id: string; issue: string; corrective_action: string; owner: string; due: string; objective: string | null }[];
  hotwash: { question: string; answer: string | null }[];
  /** Live scores (facilitator only): the same rules as the debrief, on the state so far. */
  scores: Scores;
}

export type Projection = FacilitatorView | RoomView | RoleView;

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
  scenarioInject: Inject | null;
  adhocInject: AdhocInject | null;
  /** Its prompts (scenario order), the same objects on every call. */
  prompts: PromptDef[];
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

// Built once per scenario and per ad-hoc record (neither changes once made), so that a view is
// not rebuilding a closure and a prompt list for every inject on every push.
const scenarioDeliverables = new WeakMap<Scenario, Deliverable[]>();
const adhocDeliverables = new WeakMap<AdhocInject, Deliverable>();

function scenarioDeliverable(inject: Inject): Deliverable {
  return {
    id: inject.id, to: inject.to, toAll: inject.toAll, adhoc: false, scenarioInject: inject, adhocInject: null,
    prompts: inject.prompts.map((p) => ({ id: p.id, inject: inject.id, role: p.role, ask: p.ask, type: p.type, options: p.options, expect: p.expect, objective: p.objective ?? null, points: p.points })),
  };
}

function adhocDeliverable(a: AdhocInject): Deliverable {
  let d = adhocDeliverables.get(a);
  if (!d) {
    d = {
      id: a.inject, to: a.to, toAll: a.toAll, adhoc: true, scenarioInject: null, adhocInject: a,
      prompts: a.prompt ? [{ id: a.prompt.id, inject: a.inject, role: a.prompt.role, ask: a.prompt.ask, type: a.prompt.type, options: a.prompt.options, expect: null, objective: null, points: null }] : [],
    };
    adhocDeliverables.set(a, d);
  }
  return d;
}

/** Scenario injects in file order, then ad-hoc ones in the order sent. */
function deliverables(scenario: Scenario, state: SessionState): Deliverable[] {
  let fromScenario = scenarioDeliverables.get(scenario);
  if (!fromScenario) {
    fromScenario = scenario.injects.map(scenarioDeliverable);
    scenarioDeliverables.set(scenario, fromScenario);
  }
  return state.adhoc.length === 0 ? fromScenario : [...fromScenario, ...state.adhoc.map(adhocDeliverable)];
}

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

// What a delivered inject shows (room and roles) is fixed by its delivery record, which the fold
// replaces rather than changes: one frozen copy per delivery, shared by every view that shows it.
const deliveredContents = new WeakMap<NonNullable<InjectState['delivered']>, InjectContent>();

function deliveredContentOf(d: Deliverable, delivered: NonNullable<InjectState['delivered']>): InjectContent {
  let c = deliveredContents.get(delivered);
  if (!c || c.id !== d.id) {
    c = Object.freeze(content(d, delivered.at));
    deliveredContents.set(delivered, c);
  }
  return c;
}

/** Delivered injects visible to `visible`, in delivery order. */
function deliveredContent(scenario: Scenario, state: SessionState, visible: (d: Deliverable) => boolean): InjectContent[] {
  const out: { seq: number; content: InjectContent }[] = [];
  for (const d of deliverables(scenario, state)) {
    const delivered = state.injects.get(d.id)?.delivered;
    if (delivered && visible(d)) out.push({ seq: delivered.seq, content: deliveredContentOf(d, delivered) });
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

// Chat lines carry the writer's title, so that no screen shows a role id (issue 14, item 18).
// Role titles are no secret: the room screen lists them too.
function recentChat(scenario: Scenario, state: SessionState): ChatView[] {
  const roles = indexScenario(scenario).roles;
  return state.chat.slice(-VIEW_RECENT).map((c) => ({ ...c, from: c.role === null ? 'Facilitator' : (roles.get(c.role)?.title ?? c.role) }));
}

const copyAnswer = (answer: string | string[] | undefined | null): string | string[] | null =>
  answer === undefined || answer === null ? null : typeof answer === 'string' ? answer : [...answer];

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
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    clock: clockView(scenario, state, nowMs),
    storyTime: latestStoryTime(injects),
    injects,
    pending: scenario.roles.filter((r) => pendingByRole.has(r.id)).map((r) => {
      const p = pendingByRole.get(r.id)!;
      return { role: r.id, title: r.title, count: p.count, since: p.since };
    }),
    nextInjectAt: nextScheduledAt(scenario, state),
  };
}

// The facilitator's inject list is most of its view, and an event changes one or two entries of it.
// Each entry (and each prompt in it) is kept, frozen, with what it was made from; the next view of
// the same state reuses it while those are the same. The fold replaces delivery, answer and grade
// records rather than changing them, so comparing them by identity is exact.
interface KeptPrompt {
  def: PromptDef;
  last: AnswerRecord | null;
  grade: GradeRecord | null;
  answers: number;
  overdue: boolean;
  view: FacilitatorPromptView;
}

interface KeptInject {
  d: Deliverable;
  delivered: InjectState['delivered'];
  status: InjectStatus;
  dueAt: number | null;
  prompts: FacilitatorPromptView[];
  view: FacilitatorInjectView;
}

interface FacilitatorKept {
  scenario: Scenario;
  injects: Map<string, KeptInject>;
  prompts: Map<string, KeptPrompt>;
}

const facilitatorKept = new WeakMap<SessionState, FacilitatorKept>();

function facilitatorKeptFor(scenario: Scenario, state: SessionState): FacilitatorKept {
  let kept = facilitatorKept.get(state);
  if (!kept || kept.scenario !== scenario) {
    kept = { scenario, injects: new Map(), prompts: new Map() };
    facilitatorKept.set(state, kept);
  }
  return kept;
}

function facilitatorPrompt(kept: FacilitatorKept, state: SessionState, p: PromptDef, deliveredAt: number | undefined, nowMs: number): FacilitatorPromptView {
  const ps = state.prompts.get(p.id);
  const within = p.expect?.within;
  const last = ps?.last ?? null;
  const grade = ps?.grade ?? null;
  const answers = ps?.answers ?? 0;
  const overdue = deliveredAt !== undefined && answers === 0 && within !== undefined && nowMs - deliveredAt > within * 1000;
  const k = kept.prompts.get(p.id);
  if (k && k.def === p && k.last === last && k.grade === grade && k.answers === answers && k.overdue === overdue) return k.view;
  const answer = copyAnswer(last?.answer);
  if (Array.isArray(answer)) Object.freeze(answer);
  const view: FacilitatorPromptView = Object.freeze({
    id: p.id, role: p.role, ask: p.ask, type: p.type, options: sharedOptions(p.options),
    expect: p.expect ? shared(p.expect, structuredCloneExpect) : null, objective: p.objective, points: p.points,
    answer, answeredAt: last?.at ?? null, answers,
    grade: grade && last && grade.answerSeq === last.seq ? Object.freeze({ credit: grade.credit, reason: grade.reason }) : null,
    overdue,
  });
  kept.prompts.set(p.id, { def: p, last, grade, answers, overdue, view });
  return view;
}

function facilitatorInject(kept: FacilitatorKept, scenario: Scenario, state: SessionState, d: Deliverable, nowMs: number): FacilitatorInjectView {
  const s = state.injects.get(d.id);
  const delivered = s?.delivered ?? null;
  const status: InjectStatus = delivered ? 'delivered' : s?.skipped ? 'skipped' : s?.held ? 'held' : 'pending';
  const dueAt = status === 'pending' || status === 'held' ? (d.scenarioInject ? injectDueAt(scenario, state, d.scenarioInject) : null) : null;
  const k = kept.injects.get(d.id);
  // The kept prompt list stands until one of its prompts changes (most views change none).
  let prompts: FacilitatorPromptView[] | null = k && k.prompts.length === d.prompts.length ? k.prompts : null;
  for (let i = 0; i < d.prompts.length; i++) {
    const view = facilitatorPrompt(kept, state, d.prompts[i] as PromptDef, delivered?.at, nowMs);
    if (prompts && prompts[i] === view) continue;
    prompts = prompts ? prompts.slice(0, i) : [];
    prompts.push(view);
    for (let j = i + 1; j < d.prompts.length; j++) prompts.push(facilitatorPrompt(kept, state, d.prompts[j] as PromptDef, delivered?.at, nowMs));
    break;
  }
  prompts ??= [];
  if (k && k.d === d && k.delivered === delivered && k.status === status && k.dueAt === dueAt && k.prompts === prompts) return k.view;
  const view: FacilitatorInjectView = Object.freeze({
    ...content(d, delivered?.at ?? 0),
    deliveredAt: delivered?.at ?? null,
    to: Object.freeze([...d.to]) as string[], toAll: d.toAll, status,
    dueAt,
    how: delivered?.how ?? null,
    facilitatorNotes: d.scenarioInject?.facilitatorNotes ?? null,
    prompts: Object.freeze(prompts) as FacilitatorPromptView[],
  });
  kept.injects.set(d.id, { d, delivered, status, dueAt, prompts, view });
  return view;
}

export function facilitatorView(scenario: Scenario, state: SessionState, nowMs: number): FacilitatorView {
  const kept = facilitatorKeptFor(scenario, state);
  let story: { seq: number; label: string | null } = { seq: -1, label: null };
  const injects = deliverables(scenario, state).map((d): FacilitatorInjectView => {
    const view = facilitatorInject(kept, scenario, state, d, nowMs);
    const delivered = state.injects.get(d.id)?.delivered;
    if (delivered && view.storyTime && delivered.seq > story.seq) story = { seq: delivered.seq, label: view.storyTime };
    return view;
  });
  return {
    audience: 'facilitator',
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
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

function structuredCloneExpect(e: Expect): Expect {
  return {
    best: [...e.best], acceptable: [...e.acceptable], acceptableCredit: e.acceptableCredit,
    keywords: e.keywords.map((g) => [...g]), avoid: e.avoid.map((g) => ({ any: [...g.any], why: g.why })), ...(e.within !== undefined ? { within: e.within } : {}),
  };
}

export function project(scenario: Scenario, state: SessionState, audience: Audience, nowMs: number): Projection | null {
  switch (audience.kind) {
    case 'facilitator':
      return facilitatorView(scenario, state, nowMs);
    case 'room':
      return roomView(scenario, state, nowMs);
    case 'role':
      return roleView(scenario, state, audience.role, nowMs);
  }
}
