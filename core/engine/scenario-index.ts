// Lookups into a normalized scenario, built once per scenario object and cached: the engine asks
// "which prompt is this", "which steps can this answer meet" on every event.

import type { Action, Inject, Objective, Prompt, Role, Scenario, SimpleMetBy, Step } from '../scenario/types.ts';

export interface ScenarioIndex {
  injects: Map<string, Inject>;
  /** Position of each inject in the file: the tie-break among deliveries due at the same time. */
  injectOrder: Map<string, number>;
  prompts: Map<string, Prompt>;
  actions: Map<string, Action>;
  roles: Map<string, Role>;
  objectives: Map<string, Objective>;
  steps: Map<string, Step>;
  /** Steps that an answer to this prompt (or a grade of it) may meet, with the matching clause. */
  stepsByPrompt: Map<string, { step: Step; clause: Extract<SimpleMetBy, { kind: 'prompt' }>; slot: MetBySlot }[]>;
  stepsByAction: Map<string, { step: Step; slot: MetBySlot }[]>;
}

/**
 * Where a clause sits in its step's `met_by`: `entry` is the index in `met_by`; `inner` is the index
 * inside an `{all: [...]}` entry (of `size` clauses), or null for a plain entry, which meets the
 * step by itself.
 */
export interface MetBySlot {
  entry: number;
  inner: number | null;
  size: number;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const index: ScenarioIndex = {
    injects: new Map(),
    injectOrder: new Map(),
    prompts: new Map(),
    actions: new Map(scenario.actions.map((a) => [a.id, a])),
    roles: new Map(scenario.roles.map((r) => [r.id, r])),
    objectives: new Map(scenario.objectives.map((o) => [o.id, o])),
    steps: new Map(scenario.runbook.map((s) => [s.id, s])),
    stepsByPrompt: new Map(),
    stepsByAction: new Map(),
  };
  scenario.injects.forEach((inject, i) => {
    index.injects.set(inject.id, inject);
    index.injectOrder.set(inject.id, i);
    for (const prompt of inject.prompts) index.prompts.set(prompt.id, prompt);
  });
  const add = (step: Step, clause: SimpleMetBy, slot: MetBySlot): void => {
    if (clause.kind === 'prompt') {
      const list = index.stepsByPrompt.get(clause.prompt) ?? [];
      list.push({ step, clause, slot });
      index.stepsByPrompt.set(clause.prompt, list);
    } else {
      const list = index.stepsByAction.get(clause.action) ?? [];
      list.push({ step, slot });
      index.stepsByAction.set(clause.action, list);
    }
  };
  for (const step of scenario.runbook) {
    step.metBy.forEach((clause, entry) => {
      if (clause.kind === 'all') clause.entries.forEach((inner, n) => add(step, inner, { entry, inner: n, size: clause.entries.length }));
      else add(step, clause, { entry, inner: null, size: 1 });
    });
  }
  cache.set(scenario, index);
  return index;
}
