// Scoring's public surface: the debrief model, the rules, and the dry-run simulator.
export type * from './debrief-types.ts';
export { computeDebrief, type DebriefExtras } from './debrief.ts';
export { scoreState, type Scores } from './score.ts';
export { buildTimeline } from './timeline.ts';
export * from './rules.ts';
export { keywordCredit, matchedGroups, words } from './keywords.ts';
export { simulatePlay, playCommand, describePlayEvent, type SimulateOptions, type SimulationResult, type RejectedScriptEvent } from './simulate.ts';
