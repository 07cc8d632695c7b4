// computeDebrief(scenario, events) -> the `drillbook/debrief@1` model. Pure and deterministic: the
// same events always give the same debrief (re-scoring a stored session weeks later included).

import type { Scenario } from '../scenario/types.ts';
import type { SessionEvent } from '../engine/event.ts';
import { reduce } from '../engine/reduce.ts';
import { isEngineEvent } from '../engine/events.ts';
import type { SessionState } from '../engine/state.ts';
import type { Debrief, DebriefValidatedAction } from './debrief-types.ts';
import { summarizeFeedback } from './feedback.ts';
import { scoreState } from './score.ts';
import { buildTimeline } from './timeline.ts';

export interface DebriefExtras {
  sessionId?: string;
  /** The content hash of the scenario text the session ran with. */
  contentHash?: string | null;
  /** Dry runs: the script events that were rejected. */
  rejected?: { at_s: number; event: string; reason: string }[];
}

const iso = (wall: number | undefined): string | null => (wall === undefined || !Number.isFinite(wall) ? null : new Date(wall).toISOString());

/** The pauses, each with how long it lasted on the wall clock (the exercise clock stood still). */
function pausesOf(pauses: SessionState['pauses'], events: readonly SessionEvent[]): Debrief['controls']['pauses'] {
  const wallOf = new Map(events.map((e) => [e.seq, e.wall] as const));
  return pauses.map((p) => {
    // The resume that ended this pause is the first session.resumed after it.
    const resumed = p.resumedAt === null ? undefined : events.find((e) => e.seq > p.seq && e.type === 'session.resumed');
    const start = wallOf.get(p.seq);
    const wall_s = resumed === undefined || start === undefined ? null : Math.max(0, (resumed.wall - start) / 1000);
    return { at_s: p.at / 1000, resumed_at_s: p.resumedAt === null ? null : p.resumedAt / 1000, reason: p.reason, wall_s };
  });
}

export function computeDebrief(scenario: Scenario, events: readonly SessionEvent[], extras: DebriefExtras = {}): Debrief {
  const state = reduce(scenario, events);
  const scores = scoreState(scenario, state);
  const roleTitle = (id: string): string => scenario.roles.find((r) => r.id === id)?.title ?? id;
  const participants = (state.setup?.participants ?? []).flatMap((p) =>
    p.roles.length === 0 ? [] : p.roles.map((role) => ({ name: p.name, role, role_title: roleTitle(role) })));
  const people = (state.setup?.participants ?? []).filter((p) => p.roles.length > 0).length;
  const endAt = state.ended?.at ?? state.lastAt;
  const debrief: Debrief = {
    format: 'drillbook/debrief@1',
    scenario: { id: scenario.id, title: scenario.title, level: scenario.level, content_hash: extras.contentHash ?? state.setup?.contentHash ?? null },
    session: {
      id: extras.sessionId ?? '',
      started_at: iso(state.started?.wall),
      ended_at: iso(state.ended?.wall),
      duration_s: state.started ? (endAt - state.started.at) / 1000 : 0,
      facilitator: state.setup?.facilitator ?? null,
      participants,
      people,
    },
    score: scores.score,
    objectives: scores.objectives,
    prompts: scores.prompts,
    steps: scores.steps,
    metrics: scores.metrics,
    timeline: buildTimeline(scenario, events),
    notes: state.notes.map((n) => ({ seq: n.seq, at_s: n.at / 1000, tag: n.tag, text: n.text, objective: n.objective, role: n.role })),
    controls: {
      pauses: pausesOf(state.pauses, events),
      speed_changes: state.speedChanges.map((s) => ({ at_s: s.at / 1000, speed: s.speed })),
    },
    hotwash: scenario.debrief.questions.map((question, i) => ({ question, answer: state.hotwash.get(i) ?? null })),
    improvement_plan: [...state.plan.values()].map((p) => ({ ...p })),
    feedback: summarizeFeedback(scenario, state),
  };
  const validated = validatedActions(events);
  if (validated.length > 0) debrief.validated_actions = validated;
  if (extras.rejected) debrief.rejected = extras.rejected.map((r) => ({ ...r }));
  return debrief;
}

/** The last verdict on each corrective action this run tested, in the order they were first tested. */
function validatedActions(events: readonly SessionEvent[]): DebriefValidatedAction[] {
  const byId = new Map<string, DebriefValidatedAction>();
  for (const e of events) {
    if (!isEngineEvent(e) || e.type !== 'action.validated') continue;
    const p = e.payload;
    byId.set(p.action, {
      id: p.action, validated: p.validated, note: p.note, issue: p.issue, corrective_action: p.corrective_action,
      owner: p.owner, capability: p.capability, at_s: e.at / 1000,
    });
  }
  return [...byId.values()];
}
