// Live scores for the facilitator's view, which is projected after every event. A prompt's score
// depends only on its delivery, its last answer and its grade, and the fold replaces each of those
// records instead of changing it; a step's only on when it was met. So each is kept while those
// are the same, and a decision re-scores one prompt instead of all of them. The totals are summed
// again each time, in the same order as scoreState, so the result equals scoreState's exactly
// (a property test compares the two over random sessions).

import type { Scenario } from '../scenario/types.ts';
import type { AnswerRecord, GradeRecord, InjectState, SessionState } from '../engine/state.ts';
import type { DebriefPrompt, DebriefStep } from './debrief-types.ts';
import { scorePrompt, scoreStep, totalScores, type Scores } from './score.ts';

interface PromptEntry {
  delivered: InjectState['delivered'];
  last: AnswerRecord | null;
  grade: GradeRecord | null;
  value: DebriefPrompt | null;
}

interface Kept {
  scenario: Scenario;
  prompts: Map<string, PromptEntry>;
  steps: Map<string, { metAt: number | null; value: DebriefStep }>;
}

const kept = new WeakMap<SessionState, Kept>();

// Kept scores are shared by consecutive views: frozen, so no reader can change one under another.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function keptFor(scenario: Scenario, state: SessionState): Kept {
  let k = kept.get(state);
  if (!k || k.scenario !== scenario) {
    k = { scenario, prompts: new Map(), steps: new Map() };
    kept.set(state, k);
  }
  return k;
}

/** scoreState(scenario, state), reusing the prompt and step scores of the last call on this state. */
export function liveScores(scenario: Scenario, state: SessionState): Scores {
  const k = keptFor(scenario, state);
  const prompts: DebriefPrompt[] = [];
  for (const inject of scenario.injects) {
    for (const prompt of inject.prompts) {
      const ps = state.prompts.get(prompt.id);
      const delivered = state.injects.get(prompt.inject)?.delivered ?? null;
      const last = ps?.last ?? null;
      const grade = ps?.grade ?? null;
      let entry = k.prompts.get(prompt.id);
      if (!entry || entry.delivered !== delivered || entry.last !== last || entry.grade !== grade || (entry.value === null) !== (ps === undefined || delivered === null)) {
        entry = { delivered, last, grade, value: deepFreeze(scorePrompt(prompt, state)) };
        k.prompts.set(prompt.id, entry);
      }
      if (entry.value) prompts.push(entry.value);
    }
  }
  const steps = scenario.runbook.map((step) => {
    const metAt = state.steps.get(step.id)?.metAt ?? null;
    let entry = k.steps.get(step.id);
    if (!entry || entry.metAt !== metAt) {
      entry = { metAt, value: deepFreeze(scoreStep(step, metAt)) };
      k.steps.set(step.id, entry);
    }
    return entry.value;
  });
  return totalScores(scenario, state, prompts, steps);
}
