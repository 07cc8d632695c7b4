// Text answers waiting for the facilitator's grade, oldest first (scenario-format.md, version 1.1):
// provisional ones (scored by keywords, not graded) and those without keywords that need review.
// Read from the live scores in the facilitator's view, so the queue follows every decision.
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import type { Command as EngineCommand } from '../../../core/engine/commands.ts';
import type { DebriefPrompt } from '../../../core/scoring/debrief-types.ts';
import { PROMPT_TYPE_SPECS } from '../../../core/scenario/prompt-types.ts';

export function gradeQueue(view: FacilitatorView): DebriefPrompt[] {
  const waiting = view.scores.prompts.filter((p) => PROMPT_TYPE_SPECS[p.type].freeText && p.answered_at_s !== null && (p.provisional || p.needs_review));
  // A stable sort keeps scenario order among answers given at the same time.
  return waiting.sort((a, b) => (a.answered_at_s ?? 0) - (b.answered_at_s ?? 0));
}

const REASON_LIMIT = 2000;

/** The one-key grades of the oldest waiting answer: accept its keyword credit, no credit, full credit. */
export type QuickGrade = 'accept' | 'none' | 'full';

export function quickGrade(prompt: DebriefPrompt, kind: QuickGrade): Extract<EngineCommand, { type: 'answer.grade' }> | null {
  if (kind === 'accept') {
    if (!prompt.provisional) return null;
    // A grade clears the debrief's `avoided` list: the reason keeps what the answer said to avoid.
    const avoided = prompt.avoided.length > 0 ? `; said what to avoid: ${prompt.avoided.join('; ')}` : '';
    return { type: 'answer.grade', prompt: prompt.id, credit: prompt.correctness, reason: `Keyword credit confirmed${avoided}`.slice(0, REASON_LIMIT) };
  }
  return { type: 'answer.grade', prompt: prompt.id, credit: kind === 'full' ? 1 : 0, reason: kind === 'full' ? 'Full credit' : 'No credit' };
}
