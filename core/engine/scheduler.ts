// The scheduler: from the state alone, when each pending inject falls due. Pure; the runtime asks it
// after every event and sets one timer for the earliest due time.
//
// A condition's time is the exercise time at which it first became true, or, for the timer-driven
// forms (`unanswered ... for`, `missed`), the time at which it will become true if nothing else
// happens first. Every form is monotone: once true it stays true, so a delivery's due time never
// moves into the past.
//
// Tie-break among deliveries due at the same time: earliest due time first, then the inject's
// position in the scenario file; after each delivery the due times are computed again (an `after`
// inject with no delay then falls due at the same time and follows).

import type { Condition, Inject, Scenario } from '../scenario/types.ts';
import { indexScenario } from './scenario-index.ts';
import type { SessionState } from './state.ts';

export const ms = (seconds: number): number => Math.round(seconds * 1000);

/**
 * `missed` is true once the step's `by` time has passed without the step being met: a step met at
 * exactly `by` is on time, so the condition turns true one millisecond later.
 */
export const MISSED_AFTER_MS = 1;

export function conditionTime(scenario: Scenario, state: SessionState, condition: Condition): number | null {
  switch (condition.kind) {
    case 'answered': {
      const prompt = state.prompts.get(condition.prompt);
      if (!prompt) return null;
      if (!condition.with || condition.with.length === 0) return prompt.first?.at ?? null;
      let earliest: number | null = null;
      for (const option of condition.with) {
        const at = prompt.optionFirstAt.get(option);
        if (at !== undefined && (earliest === null || at < earliest)) earliest = at;
      }
      return earliest;
    }
    case 'unanswered': {
      const prompt = state.prompts.get(condition.prompt);
      const delivered = prompt ? state.injects.get(prompt.inject)?.delivered : null;
      if (!prompt || !delivered) return null;
      const at = delivered.at + ms(condition.for);
      return prompt.first !== null && prompt.first.at < at ? null : at;
    }
    case 'action': {
      const at = condition.by === undefined
        ? state.actionFirstAt.get(condition.action)
        : state.actionByRole.get(condition.action)?.get(condition.by)?.firstAt;
      return at ?? null;
    }
    case 'met':
      return state.steps.get(condition.step)?.metAt ?? null;
    case 'missed': {
      const step = indexScenario(scenario).steps.get(condition.step);
      if (!step) return null;
      const by = ms(step.by);
      const metAt = state.steps.get(condition.step)?.metAt ?? null;
      return metAt !== null && metAt <= by ? null : by + MISSED_AFTER_MS;
    }
    case 'any': {
      let earliest: number | null = null;
      for (const c of condition.conditions) {
        const at = conditionTime(scenario, state, c);
        if (at !== null && (earliest === null || at < earliest)) earliest = at;
      }
      return earliest;
    }
    case 'all': {
      let latest = 0;
      for (const c of condition.conditions) {
        const at = conditionTime(scenario, state, c);
        if (at === null) return null;
        if (at > latest) latest = at;
      }
      return latest;
    }
  }
}

/** When a scenario inject falls due (exercise ms), or null when it cannot yet be known. */
export function injectDueAt(scenario: Scenario, state: SessionState, inject: Inject): number | null {
  const trigger = inject.trigger;
  switch (trigger.kind) {
    case 'at':
      return ms(trigger.at);
    case 'after': {
      const delivered = state.injects.get(trigger.inject)?.delivered;
      return delivered ? delivered.at + ms(trigger.delay) : null;
    }
    case 'when': {
      const at = conditionTime(scenario, state, trigger.condition);
      return at === null ? null : at + ms(trigger.delay);
    }
  }
}

export interface PendingDelivery {
  inject: string;
  /** Exercise ms. */
  due: number;
  /** Position in the scenario file. */
  order: number;
}

/** Every pending inject (not delivered, held or skipped) whose due time is known, in delivery order. */
export function pendingDeliveries(scenario: Scenario, state: SessionState): PendingDelivery[] {
  const out: PendingDelivery[] = [];
  scenario.injects.forEach((inject, order) => {
    const s = state.injects.get(inject.id);
    if (!s || s.delivered || s.held || s.skipped) return;
    const due = injectDueAt(scenario, state, inject);
    if (due !== null) out.push({ inject: inject.id, due, order });
  });
  return out.sort((a, b) => a.due - b.due || a.order - b.order);
}

/** The first delivery due at or before `nowMs`, or null. Deliver it, fold, and ask again. */
export function nextDueDelivery(scenario: Scenario, state: SessionState, nowMs: number): PendingDelivery | null {
  const first = earliestPending(scenario, state);
  return first && first.due <= nowMs ? first : null;
}

/** The earliest due time among pending injects (may lie in the past), or null when none is known. */
export function nextDueAt(scenario: Scenario, state: SessionState): number | null {
  return earliestPending(scenario, state)?.due ?? null;
}

function earliestPending(scenario: Scenario, state: SessionState): PendingDelivery | null {
  let best: PendingDelivery | null = null;
  const injects = scenario.injects;
  for (let order = 0; order < injects.length; order++) {
    const inject = injects[order] as Inject;
    const s = state.injects.get(inject.id);
    if (!s || s.delivered || s.held || s.skipped) continue;
    const due = injectDueAt(scenario, state, inject);
    if (due !== null && (best === null || due < best.due)) best = { inject: inject.id, due, order };
  }
  return best;
}
