// State as a fold of the events. `reduce` is pure: it builds a fresh state and never touches its
// inputs. `applyEvent` folds one more event into a state the caller owns (the runtime keeps one
// live state this way instead of re-folding the whole log on every decision).

import type { Scenario } from '../scenario/types.ts';
import { PROMPT_TYPE_SPECS } from '../scenario/prompt-types.ts';
import type { SessionEvent } from './event.ts';
import { isEngineEvent, type EngineEvent } from './events.ts';
import { copyFeedback } from './feedback.ts';
import { indexScenario, type MetBySlot } from './scenario-index.ts';
import type { PromptState, SessionState } from './state.ts';

export function initialState(scenario: Scenario): SessionState {
  const state: SessionState = {
    scenarioId: scenario.id,
    status: 'setup',
    speed: 1,
    lastAt: 0,
    lastSeq: 0,
    setup: null,
    started: null,
    ended: null,
    injects: new Map(),
    adhoc: [],
    prompts: new Map(),
    actionFirstAt: new Map(),
    actionByRole: new Map(),
    actionsTaken: [],
    steps: new Map(scenario.runbook.map((s) => [s.id, { id: s.id, metAt: null, metSeq: null }])),
    chat: [],
    notes: [],
    ratings: new Map(),
    plan: new Map(),
    hotwash: new Map(),
    pauses: [],
    speedChanges: [],
    recoveries: [],
    counters: { adhoc: 0, plan: 0 },
  };
  for (const inject of scenario.injects) {
    state.injects.set(inject.id, { id: inject.id, adhoc: false, delivered: null, held: false, skipped: false });
    for (const prompt of inject.prompts) state.prompts.set(prompt.id, emptyPrompt(prompt.id, inject.id, false));
  }
  return state;
}

function emptyPrompt(id: string, inject: string, adhoc: boolean): PromptState {
  return { id, inject, adhoc, answers: 0, first: null, last: null, optionFirstAt: new Map(), grade: null };
}

/** The fold: the state after every event, in order. Events of unknown types are skipped. */
export function reduce(scenario: Scenario, events: readonly SessionEvent[]): SessionState {
  const state = initialState(scenario);
  for (const event of events) applyEvent(scenario, state, event);
  return state;
}

function meetStep(state: SessionState, stepId: string, at: number, seq: number): void {
  const step = state.steps.get(stepId);
  if (step && step.metAt === null) {
    step.metAt = at;
    step.metSeq = seq;
  }
}

/**
 * A clause of a step's `met_by` is satisfied now. A plain entry meets the step; a clause inside
 * `{all: [...]}` is remembered at its first satisfaction, and the step is met when the last of the
 * entry's clauses is satisfied (events fold in time order, so that is the latest of their times).
 */
function satisfy(state: SessionState, stepId: string, slot: MetBySlot, at: number, seq: number): void {
  const step = state.steps.get(stepId);
  if (!step || step.metAt !== null) return;
  if (slot.inner === null) {
    meetStep(state, stepId, at, seq);
    return;
  }
  step.partial ??= new Map();
  let times = step.partial.get(slot.entry);
  if (!times) step.partial.set(slot.entry, (times = new Array<number | null>(slot.size).fill(null)));
  if (times[slot.inner] !== null) return;
  times[slot.inner] = at;
  if (times.every((t) => t !== null)) meetStep(state, stepId, at, seq);
}

/**
 * Folds one event into `state` (mutating it). Records of the past (actions, chat, notes) are frozen
 * when folded, so views can share them instead of copying them on every push.
 */
export function applyEvent(scenario: Scenario, state: SessionState, raw: SessionEvent): void {
  if (!isEngineEvent(raw)) return;
  const event: EngineEvent = raw;
  const index = indexScenario(scenario);
  state.lastSeq = event.seq;
  if (event.at > state.lastAt) state.lastAt = event.at;
  switch (event.type) {
    case 'session.setup':
      state.setup = {
        facilitator: event.payload.facilitator,
        participants: event.payload.participants.map((p) => ({ name: p.name, roles: [...p.roles] })),
        contentHash: event.payload.contentHash ?? null,
      };
      break;
    case 'session.started':
      state.status = 'running';
      state.speed = event.payload.speed;
      state.started = { at: event.at, wall: event.wall };
      break;
    case 'session.paused':
      state.status = 'paused';
      state.pauses.push({ at: event.at, seq: event.seq, reason: event.payload.reason, resumedAt: null });
      break;
    case 'session.resumed': {
      state.status = 'running';
      const open = state.pauses[state.pauses.length - 1];
      if (open && open.resumedAt === null) open.resumedAt = event.at;
      break;
    }
    case 'session.speed':
      state.speed = event.payload.speed;
      state.speedChanges.push({ at: event.at, speed: event.payload.speed });
      break;
    case 'inject.delivered': {
      const inject = state.injects.get(event.payload.inject);
      if (inject && !inject.delivered) {
        inject.delivered = { at: event.at, seq: event.seq, how: event.payload.how, due: event.payload.due };
        inject.held = false;
      }
      break;
    }
    case 'inject.held': {
      const inject = state.injects.get(event.payload.inject);
      if (inject) inject.held = true;
      break;
    }
    case 'inject.released': {
      const inject = state.injects.get(event.payload.inject);
      if (inject) inject.held = false;
      break;
    }
    case 'inject.skipped': {
      const inject = state.injects.get(event.payload.inject);
      if (inject) {
        inject.skipped = true;
        inject.held = false;
      }
      break;
    }
    case 'adhoc.sent': {
      const p = event.payload;
      state.counters.adhoc++;
      state.adhoc.push({ ...p, to: [...p.to], seq: event.seq, at: event.at });
      state.injects.set(p.inject, { id: p.inject, adhoc: true, delivered: null, held: false, skipped: false });
      if (p.prompt) state.prompts.set(p.prompt.id, emptyPrompt(p.prompt.id, p.inject, true));
      break;
    }
    case 'prompt.answered': {
      const p = event.payload;
      const prompt = state.prompts.get(p.prompt);
      if (!prompt) break;
      const record = { seq: event.seq, at: event.at, role: p.role, answer: p.answer };
      prompt.answers++;
      prompt.first ??= record;
      prompt.last = record;
      const chosen = typeof p.answer === 'string' ? [p.answer] : p.answer;
      for (const option of chosen) if (!prompt.optionFirstAt.has(option)) prompt.optionFirstAt.set(option, event.at);
      const defined = index.prompts.get(p.prompt);
      for (const { step, clause, slot } of index.stepsByPrompt.get(p.prompt) ?? []) {
        if (state.steps.get(step.id)?.metAt !== null || !defined) continue;
        let met: boolean;
        if (clause.with && clause.with.length > 0) met = chosen.some((o) => clause.with?.includes(o));
        else met = PROMPT_TYPE_SPECS[defined.type].meetsStep(p.answer, defined.expect);
        if (met) satisfy(state, step.id, slot, event.at, event.seq);
      }
      break;
    }
    case 'action.taken': {
      const { action, role } = event.payload;
      state.actionsTaken.push(Object.freeze({ seq: event.seq, at: event.at, action, role }));
      if (!state.actionFirstAt.has(action)) state.actionFirstAt.set(action, event.at);
      let byRole = state.actionByRole.get(action);
      if (!byRole) state.actionByRole.set(action, (byRole = new Map()));
      const stats = byRole.get(role);
      if (stats) stats.times.push(event.at);
      else byRole.set(role, { firstAt: event.at, times: [event.at] });
      for (const { step, slot } of index.stepsByAction.get(action) ?? []) satisfy(state, step.id, slot, event.at, event.seq);
      break;
    }
    case 'chat.posted':
      state.chat.push(Object.freeze({ seq: event.seq, at: event.at, role: event.payload.role, text: event.payload.text }));
      break;
    case 'note.added': {
      const p = event.payload;
      state.notes.push(Object.freeze({ seq: event.seq, at: event.at, text: p.text, tag: p.tag, objective: p.objective ?? null, role: p.role ?? null }));
      break;
    }
    case 'note.edited': {
      const p = event.payload;
      const i = state.notes.findIndex((n) => n.seq === p.note);
      const old = state.notes[i];
      if (old) state.notes[i] = Object.freeze({ ...old, text: p.text, tag: p.tag, objective: p.objective ?? null, role: p.role ?? null });
      break;
    }
    case 'note.deleted': {
      const i = state.notes.findIndex((n) => n.seq === event.payload.note);
      if (i >= 0) {
        state.notes.splice(i, 1);
        (state.deletedNotes ??= new Set()).add(event.payload.note);
      }
      break;
    }
    case 'answer.graded': {
      const p = event.payload;
      const prompt = state.prompts.get(p.prompt);
      if (!prompt) break;
      prompt.grade = { seq: event.seq, at: event.at, credit: p.credit, reason: p.reason, answerSeq: p.answerSeq };
      const defined = index.prompts.get(p.prompt);
      if (defined && PROMPT_TYPE_SPECS[defined.type].freeText && p.credit >= 0.5) {
        for (const { step, clause, slot } of index.stepsByPrompt.get(p.prompt) ?? []) {
          if (!clause.with || clause.with.length === 0) satisfy(state, step.id, slot, event.at, event.seq);
        }
      }
      break;
    }
    case 'objective.rated': {
      const p = event.payload;
      if (p.rating === null) state.ratings.delete(p.objective);
      else state.ratings.set(p.objective, { rating: p.rating, reason: p.reason, at: event.at });
      break;
    }
    case 'session.ended':
      state.status = 'ended';
      state.ended = { at: event.at, wall: event.wall };
      break;
    case 'session.recovered':
      state.recoveries.push({ at: event.at, lastAt: event.payload.lastAt });
      break;
    case 'plan.item.saved': {
      const p = event.payload;
      state.counters.plan++;
      state.plan.set(p.id, { id: p.id, issue: p.issue, corrective_action: p.corrective_action, owner: p.owner, due: p.due, objective: p.objective });
      break;
    }
    case 'plan.item.removed':
      state.plan.delete(event.payload.id);
      break;
    case 'hotwash.answered':
      // A blank answer clears the question (the facilitator emptied its box and saved).
      if (event.payload.answer.trim() === '') state.hotwash.delete(event.payload.question);
      else state.hotwash.set(event.payload.question, event.payload.answer);
      break;
    case 'feedback.given': {
      const { role, ...form } = event.payload;
      (state.feedback ??= new Map()).set(role, { ...copyFeedback(form), seq: event.seq, at: event.at });
      break;
    }
  }
}
