// debrief.*: the debrief model, and the facilitator's edits to it (plan, hotwash, ratings), each
// made through the engine's commands so that they are events like any other.
import type { Command } from '../../engine/commands.ts';
import { fail, ok, type BridgeResult } from '../../protocol/bridge.ts';
import { computeDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-types.ts';
import { isReadOnly, readOnly, type LiveSession } from '../session-registry.ts';
import { dispatch } from './live.ts';
import { withRegister } from './register.ts';
import type { Handlers, ServiceContext } from './types.ts';

/** The session's debrief, under the id it is known by (a review: its id in the file it came from). */
export function debriefOf(live: LiveSession): Debrief {
  return computeDebrief(live.scenario, live.runtime.events, { sessionId: live.reviewOf ?? live.record.sessionId, contentHash: live.record.contentHash });
}

function commandAll(live: LiveSession, commands: Command[]): BridgeResult<null> {
  if (isReadOnly(live)) return readOnly(live);
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
      return live.ok ? ok(withRegister(ctx, live.value, debriefOf(live.value))) : live;
    },
    'debrief.savePlan': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      const current = live.value.runtime.state.plan;
      // One command for the whole plan, so a bad row refuses the lot (issue 14); ids the plan does not
      // know are the UI's drafts, that is new items.
      const items = params.items.map(({ id, ...item }) => (current.has(id) ? { id, ...item } : item));
      const done = commandAll(live.value, [{ type: 'plan.save', items }]);
      if (!done.ok) return done;
      return ok(debriefOf(live.value).improvement_plan);
    },
    'debrief.saveHotwash': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      const answers = params.answers.map((a) => ({ question: a.index, answer: a.answer }));
      const done = commandAll(live.value, [{ type: 'hotwash.save', answers }]);
      if (!done.ok) return done;
      return ok(debriefOf(live.value).hotwash);
    },
    'debrief.rate': async (params) => dispatch(ctx, params.sessionId, 'facilitator',
      { type: 'objective.rate', objective: params.objective, rating: params.rating, reason: params.reason }),
  };
}
