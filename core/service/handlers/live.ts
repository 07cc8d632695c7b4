// live.*: commands into a running session, and replay (what an audience saw just after an event).
import type { Actor } from '../../engine/event.ts';
import { project, type Audience as EngineAudience } from '../../engine/projections.ts';
import { reduce } from '../../engine/reduce.ts';
import { parseCommand } from '../../protocol/commands.ts';
import { fail, ok, type Audience, type BridgeResult, type DispatchAck } from '../../protocol/bridge.ts';
import { isReadOnly, readOnly } from '../session-registry.ts';
import type { Handlers, ServiceContext } from './types.ts';

/** The Bridge's wire audience (`role:<id>`) as the engine names it. */
export function toEngineAudience(audience: Audience): EngineAudience {
  if (audience === 'facilitator' || audience === 'room') return { kind: audience };
  return { kind: 'role', role: audience.slice('role:'.length) };
}

/** A command as an actor: its shape checked here, its meaning by the engine. */
export function dispatch(ctx: ServiceContext, sessionId: string, actor: Actor, raw: unknown): BridgeResult<DispatchAck> {
  const live = ctx.sessions.get(sessionId);
  if (!live.ok) return live;
  if (isReadOnly(live.value)) return readOnly(live.value);
  const command = parseCommand(raw);
  if (!command.ok) return fail(command.rejection.code, command.rejection.message);
  const result = live.value.runtime.dispatch(actor, command.value);
  if (!result.ok) return fail(result.rejection.code, result.rejection.message);
  return ok({ seq: live.value.runtime.state.lastSeq });
}

export function liveHandlers(ctx: ServiceContext): Pick<Handlers, 'live.dispatch' | 'live.replay'> {
  return {
    'live.dispatch': async (params) => dispatch(ctx, params.sessionId, params.actor, params.command),
    'live.replay': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      const events = live.value.runtime.events.slice(0, params.seq);
      const state = reduce(live.value.scenario, events);
      const at = events[events.length - 1]?.at ?? 0;
      const view = project(live.value.scenario, state, toEngineAudience(params.audience), at);
      if (!view) return fail('unknown-role', `There is no role '${params.audience}' in this scenario.`);
      return ok(view);
    },
  };
}
