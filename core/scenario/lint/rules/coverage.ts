// Rules about who has something to do and what the room sees, and about what every objective
// needs: a runbook step that measures it, an evaluation guide.
import { scenarioElement, type Rule, type RuleFinding } from '../context.ts';

/** Fewer than this many prompts and actions in a whole exercise leaves a player watching. */
export const MIN_ROLE_TASKS = 2;

/**
 * idle-role: a role whose prompts (prompts it answers) and actions (actions it may take: those that
 * list it in `roles`, or leave `roles` out) come to fewer than two over the whole exercise.
 */
export const idleRole: Rule = ({ scenario }) => {
  const findings: RuleFinding[] = [];
  scenario.roles.forEach((role, i) => {
    const prompts = scenario.injects.reduce((n, inject) => n + inject.prompts.filter((p) => p.role === role.id).length, 0);
    const actions = scenario.actions.filter((a) => a.roles.includes(role.id)).length;
    if (prompts + actions >= MIN_ROLE_TASKS) return;
    findings.push({
      rule: 'idle-role', severity: 'warning', element: { kind: 'role', id: role.id }, path: ['roles', i, 'id'],
      message: `role '${role.id}' has ${plural(prompts, 'prompt')} and ${plural(actions, 'action')} in the whole exercise; give it at least ${MIN_ROLE_TASKS} things to decide or do, or merge it into another role`,
    });
  });
  return findings;
};

/** empty-room: no inject is addressed to `all`, so the room screen stays empty all session. */
export const emptyRoom: Rule = ({ scenario }) => {
  if (scenario.injects.some((i) => i.toAll)) return [];
  return [{
    rule: 'empty-room', severity: 'warning', element: scenarioElement(scenario), path: ['injects'], at: 'key',
    message: 'no inject is addressed to all, so the room screen shows nothing all session; address the opening situation or a news item to all',
  }];
};

/** no-step: an objective that no runbook step names. */
export const noStep: Rule = ({ scenario }) =>
  scenario.objectives.flatMap((o, i): RuleFinding[] => scenario.runbook.some((s) => s.objective === o.id) ? [] : [{
    rule: 'no-step', severity: 'warning', element: { kind: 'objective', id: o.id }, path: ['objectives', i, 'id'],
    message: `objective '${o.id}' has no runbook step; add a step with 'objective: ${o.id}' so that the debrief measures it by what the team did, not only by its answers`,
  }]);

/** no-eeg: an objective without an exercise evaluation guide (a note). */
export const noEeg: Rule = ({ scenario }) =>
  scenario.objectives.flatMap((o, i): RuleFinding[] => o.eeg ? [] : [{
    rule: 'no-eeg', severity: 'note', element: { kind: 'objective', id: o.id }, path: ['objectives', i, 'id'],
    message: `objective '${o.id}' has no eeg: evaluators get no description of what P, S, M and U look like for it`,
  }]);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
