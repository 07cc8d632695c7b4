// words-meet-comms: the common mistake the curriculum names is a team that fixes the system and
// tells no one. A communication step that a text answer alone can meet lets words stand in for
// the act of telling (posting the status page, sending the update).
import type { MetBy, Objective, Scenario } from '../../types.ts';
import { PROMPT_TYPE_SPECS } from '../../prompt-types.ts';
import type { Rule, RuleFinding } from '../context.ts';

/** Words in an objective's title or capability that make it about communication. */
const COMMUNICATION = /\b(communicat\w*|comms|stakeholders?|status[ -]page|public information|notif(y|ies|ied|ication\w*)|announc\w*|messag\w*|press|media|inform(s|ed|ing)?)\b/i;

export function isAboutCommunication(o: Objective): boolean {
  return COMMUNICATION.test(o.title) || COMMUNICATION.test(o.capability ?? '');
}

/**
 * The first entry of a step's `met_by` that words alone satisfy: `{prompt: ID}` on a text prompt,
 * or `{all: [...]}` made only of prompt entries. Entries that name an action are fine, and so is
 * a choice or multi prompt's `{prompt, with}` (a decision, not a text).
 */
function wordsOnlyEntry(s: Scenario, metBy: readonly MetBy[]): number {
  const isText = (id: string) => s.injects.some((i) => i.prompts.some((p) => p.id === id && PROMPT_TYPE_SPECS[p.type].freeText));
  return metBy.findIndex((m) => {
    if (m.kind === 'prompt') return m.with === undefined && isText(m.prompt);
    if (m.kind === 'all') return m.entries.every((e) => e.kind === 'prompt');
    return false;
  });
}

export const wordsMeetComms: Rule = ({ scenario }) => {
  const findings: RuleFinding[] = [];
  const comms = new Set(scenario.objectives.filter(isAboutCommunication).map((o) => o.id));
  scenario.runbook.forEach((step, i) => {
    if (step.objective === undefined || !comms.has(step.objective)) return;
    const entry = wordsOnlyEntry(scenario, step.metBy);
    if (entry < 0) return;
    const m = step.metBy[entry];
    const what = m?.kind === 'all' ? 'an all-of entry made only of answers' : `a text answer to '${m?.kind === 'prompt' ? m.prompt : ''}'`;
    findings.push({
      rule: 'words-meet-comms', severity: 'warning', element: { kind: 'step', id: step.id }, path: ['runbook', i, 'met_by', entry],
      message: `step '${step.id}' of communication objective '${step.objective}' is met by ${what} alone; require the act too, e.g. met_by: [{all: [{prompt: ...}, {action: ...}]}]`,
    });
  });
  return findings;
};
