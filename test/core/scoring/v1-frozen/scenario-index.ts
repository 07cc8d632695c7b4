// FROZEN: core/engine/scenario-index.ts as of version 1 (git c35b30e~1), imports pointed at today's core. A reference for
// the property that 1.1 leaves a version-1 file's debrief unchanged; never edit to make it pass.
// Lookups into a normalized scenario, built once per scenario object and cached: the engine asks
// "which prompt is this", "which steps can this answer meet" on every event.

import type { Action, Inject, MetBy, Objective, Prompt, Role, Scenario, Step } from '../../../../core/scenario/types.ts';

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
  stepsByPrompt: Map<string, { step: Step; clause: Extract<MetBy, { kind: 'prompt' }> }[]>;
  stepsByAction: Map<string, Step[]>;
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
  for (const step of scenario.runbook) {
    for (const clause of step.metBy) {
      if (clause.kind === 'prompt') {
        const list = index.stepsByPrompt.get(clause.prompt) ?? [];
        list.push({ step, clause });
        index.stepsByPrompt.set(clause.prompt, list);
      } else if (clause.kind === 'action') { // (frozen copy: the one edit, so that 1.1's `all` kind type-checks; a v1 file has none)
        const list = index.stepsByAction.get(clause.action) ?? [];
        list.push(step);
        index.stepsByAction.set(clause.action, list);
      }
    }
  }
  cache.set(scenario, index);
  return index;
}
