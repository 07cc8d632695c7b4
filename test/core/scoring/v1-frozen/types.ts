// The debrief's types as version 1 had them: the 1.1 fields (eeg, avoided, provisional,
// expected.avoid, score.computed_rating/rating/capped_by) left out.
import type { DebriefMetric, DebriefObjective as Now, DebriefPrompt as NowPrompt, DebriefStep } from '../../../../core/scoring/debrief-types.ts';

export type DebriefObjective = Omit<Now, 'eeg'>;
export type DebriefPrompt = Omit<NowPrompt, 'avoided' | 'provisional' | 'expected'> & { expected: { best: string[]; acceptable: string[]; keywords: string[][] } };
export type { DebriefMetric, DebriefStep };
