// The debrief regrouped the way a report reads it: per objective, with role titles looked up.
// Shared by the HTML and Markdown renderers so that both tell the same story in the same order.
import type {
  Debrief,
  DebriefNote,
  DebriefObjective,
  DebriefPrompt,
  DebriefStep,
} from '../scoring/debrief-types.ts';
import { fmtClock, fmtDuration } from './format.ts';

export interface ObjectiveView {
  /** null for the group of things tied to no known objective. */
  objective: DebriefObjective | null;
  prompts: DebriefPrompt[];
  steps: DebriefStep[];
  strengths: DebriefNote[];
  improvements: DebriefNote[];
  observations: DebriefNote[];
}

export interface RoleGroup {
  role: string;
  title: string;
  names: string[];
}

export interface ReportView {
  debrief: Debrief;
  objectives: ObjectiveView[];
  roles: RoleGroup[];
  /** How many people took part (a person holding two roles counts once). */
  people: number;
  roleTitle(role: string | null): string;
  objectiveTitle(id: string | null): string;
  /** A prompt as a reader knows it: its question, quoted. */
  promptLabel(id: string): string;
}

function emptyGroup(objective: DebriefObjective | null): ObjectiveView {
  return { objective, prompts: [], steps: [], strengths: [], improvements: [], observations: [] };
}

export function buildView(debrief: Debrief): ReportView {
  const groups = new Map<string, ObjectiveView>();
  for (const objective of debrief.objectives) {
    if (!groups.has(objective.id)) groups.set(objective.id, emptyGroup(objective));
  }
  const other = emptyGroup(null);
  const groupOf = (id: string | null) => (id === null ? other : (groups.get(id) ?? other));

  for (const prompt of debrief.prompts) groupOf(prompt.objective).prompts.push(prompt);
  for (const step of debrief.steps) groupOf(step.objective).steps.push(step);
  for (const note of debrief.notes) {
    const group = groupOf(note.objective);
    if (note.tag === 'strength') group.strengths.push(note);
    else if (note.tag === 'improvement') group.improvements.push(note);
    else group.observations.push(note);
  }
  for (const group of [...groups.values(), other]) {
    group.prompts.sort((a, b) => a.delivered_at_s - b.delivered_at_s);
  }

  const roles = new Map<string, RoleGroup>();
  for (const p of debrief.session.participants) {
    const group = roles.get(p.role) ?? { role: p.role, title: p.role_title || p.role, names: [] };
    group.names.push(p.name);
    roles.set(p.role, group);
  }
  const asks = new Map(debrief.prompts.map((p) => [p.id, p.ask.replace(/\s+/g, ' ').trim()] as const));
  const objectiveTitles = new Map(debrief.objectives.map((o) => [o.id, o.title] as const));
  const hasOther =
    other.prompts.length + other.steps.length + other.strengths.length + other.improvements.length + other.observations.length > 0;

  return {
    debrief,
    objectives: hasOther ? [...groups.values(), other] : [...groups.values()],
    roles: [...roles.values()],
    people: debrief.session.people ?? new Set(debrief.session.participants.map((p) => p.name)).size,
    roleTitle: (role) => (role === null ? '' : (roles.get(role)?.title ?? role)),
    objectiveTitle: (id) => (id === null ? '' : (objectiveTitles.get(id) ?? id)),
    promptLabel: (id) => {
      const ask = asks.get(id);
      return ask === undefined ? id : `"${ask.length > 80 ? `${ask.slice(0, 79)}…` : ask}"`;
    },
  };
}

/** The expected answer in words: best options, acceptable ones, keyword groups, avoid groups. */
export function expectedText(prompt: DebriefPrompt): string {
  const parts: string[] = [];
  const best = prompt.expected_labels.best.length > 0 ? prompt.expected_labels.best : prompt.expected.best;
  const acceptable =
    prompt.expected_labels.acceptable.length > 0 ? prompt.expected_labels.acceptable : prompt.expected.acceptable;
  if (best.length > 0) parts.push(`Best: ${best.join('; ')}`);
  if (acceptable.length > 0) parts.push(`Acceptable: ${acceptable.join('; ')}`);
  if (prompt.expected.keywords.length > 0) {
    parts.push(`Keywords: ${prompt.expected.keywords.map((group) => group.join(' / ')).join('; ')}`);
  }
  // Version 1.1: what the answer should not say, and why.
  if (prompt.expected.avoid.length > 0) {
    parts.push(`Avoid: ${prompt.expected.avoid.map((group) => `${group.any.join(' / ')} (${group.why})`).join('; ')}`);
  }
  return parts.join('. ');
}

/** The answer as a reader sees it: option labels, or the text itself. */
export function answerText(prompt: DebriefPrompt): string | null {
  if (prompt.answer === null) return null;
  if (prompt.answer_labels.length > 0) return prompt.answer_labels.join('; ');
  return Array.isArray(prompt.answer) ? prompt.answer.join('; ') : prompt.answer;
}

/** How a runbook step went: "met at 4:10, on time", "met at 20:00, late", "missed". */
export function stepStatus(step: DebriefStep): 'on time' | 'late' | 'missed' {
  if (step.met_at_s === null) return 'missed';
  return step.on_time ? 'on time' : 'late';
}

export function metricStatus(at: number | null, target: number): 'on target' | 'late' | 'not met' {
  if (at === null) return 'not met';
  return at <= target ? 'on target' : 'late';
}

/** "3 people in 4 roles": people are counted once however many roles each holds. */
export function participantsLine(view: ReportView): string {
  const people = view.people === 1 ? '1 person' : `${view.people} people`;
  const roles = view.roles.length === 1 ? '1 role' : `${view.roles.length} roles`;
  return `${people} in ${roles}`;
}

/**
 * A pause as a reader needs it. The exercise clock stands still while paused, so "9:44 to 9:44"
 * says nothing: the wall-clock length does ("at 9:44 for 2 min 10 s").
 */
export function pauseText(p: { at_s: number; resumed_at_s: number | null; wall_s?: number | null }): string {
  const at = fmtClock(p.at_s);
  if (p.resumed_at_s === null) return `at ${at}, until the end`;
  const moved = Math.floor(p.resumed_at_s) !== Math.floor(p.at_s) ? ` (clock resumed at ${fmtClock(p.resumed_at_s)})` : '';
  return p.wall_s === undefined || p.wall_s === null ? `at ${at}${moved}` : `at ${at} for ${fmtDuration(p.wall_s)}${moved}`;
}
