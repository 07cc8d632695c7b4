// debrief.*: the debrief model, and the facilitator's edits to it (plan, hotwash, ratings), each
// made through the engine's commands so that they are events like any other.
import type { Command } from '../../engine/commands.ts';
import { fail, ok, type BridgeResult } from '../../protocol/bridge.ts';
import { computeDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-types.ts';
import { readOnly, type LiveSession } from '../session-registry.ts';
import { dispatch } from './live.ts';
import type { Handlers, ServiceContext } from './types.ts';

/** The session's debrief, under the id it is known by (a review: its id in the file it came from). */
export function debriefOf(live: LiveSession): Debrief {
  return computeDebrief(live.scenario, live.runtime.events, { sessionId: live.reviewOf ?? live.record.sessionId, contentHash: live.record.contentHash });
}

function commandAll(live: LiveSession, commands: Command[]): BridgeResult<null> {
  if (live.reviewOf !== undefined) return readOnly(live);
  for (const command of commands) {
    const result = live.runtime.dispatch('facilitator', command);
    if (!result.ok) return fail(result.rejection.code, result.rejection.message);
  }
  return ok(null);
}

export function debriefHandlers(ctx: ServiceContext): Pick<Handlers, 'debrief.get' | 'debrief.savePlan' | 'debrief.saveHotwash' | 'debrief.rate'> {
  return {
    'debrief.get': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      return live.ok ? ok(debriefOf(live.value)) : live;
    },
    'debrief.savePlan': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      const current = live.value.runtime.state.plan;
      const wanted = new Set(params.items.map((i) => i.id));
      const commands: Command[] = [];
      for (const id of current.keys()) if (!wanted.has(id)) commands.push({ type: 'plan.item.remove', id });
      for (const item of params.items) {
        const old = current.get(item.id);
        const same = old && old.issue === item.issue && old.corrective_action === item.corrective_action && old.owner === item.owner && old.due === item.due && old.objective === item.objective;
        if (!same) commands.push({ type: 'plan.item.save', ...(old ? { id: item.id } : {}), issue: item.issue, corrective_action: item.corrective_action, owner: item.owner, due: item.due, objective: item.objective });
      }
      const done = commandAll(live.value, commands);
      if (!done.ok) return done;
      return ok(debriefOf(live.value).improvement_plan);
    },
    'debrief.saveHotwash': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      const state = live.value.runtime.state;
      const commands: Command[] = params.answers
        .filter((a) => (state.hotwash.get(a.index) ?? '') !== a.answer)
        .map((a) => ({ type: 'hotwash.answer', question: a.index, answer: a.answer }));
      const done = commandAll(live.value, commands);
      if (!done.ok) return done;
      return ok(debriefOf(live.value).hotwash);
    },
    'debrief.rate': async (params) => dispatch(ctx, params.sessionId, 'facilitator',
      { type: 'objective.rate', objective: params.objective, rating: params.rating, reason: params.reason }),
  };
}
