// register.*: the corrective-action register across sessions (core/service/register.ts), its
// files, and carrying open actions into a new run, where the run's verdict is an engine event.
import { fail, ok, type BridgeResult, type ExportedReport, type RegisterChanges } from '../../protocol/bridge.ts';
import type { ActionChange, ImportProblem, RegisterAction } from '../../protocol/register.ts';
import type { Debrief } from '../../scoring/debrief-types.ts';
import {
  applyChanges, buildRegister, carriedActions, changesFromCsv, filterRegister, problemLine, registerCsv, registerJson, storedSessions, withRegisterStatus, type RegisterSession,
} from '../register.ts';
import { readOnly, type LiveSession } from '../session-registry.ts';
import type { Handlers, ServiceContext } from './types.ts';

const today = (ctx: ServiceContext): string => new Date(ctx.wall()).toISOString().slice(0, 10);

function sessionOf(live: LiveSession): RegisterSession {
  return { sessionId: live.record.sessionId, createdAt: live.record.createdAt, scenario: live.scenario, events: live.runtime.events };
}

export function currentRegister(ctx: ServiceContext, only?: string): RegisterAction[] {
  const open = (id: string) => {
    const live = ctx.sessions.peek(id);
    return live ? sessionOf(live) : undefined;
  };
  return buildRegister(storedSessions(ctx.storage, open), ctx.storage.actions.list(), today(ctx), only);
}

/** The debrief with each plan item's standing in the register (not for a bundle under review: its register is elsewhere). */
export function withRegister(ctx: ServiceContext, live: LiveSession, debrief: Debrief): Debrief {
  if (live.reviewOf !== undefined || debrief.improvement_plan.length === 0) return debrief;
  return withRegisterStatus(debrief, live.record.sessionId, currentRegister(ctx, live.record.sessionId));
}

function refused(problems: ImportProblem[], what: string): { ok: false; error: { code: string; message: string } } {
  const shown = problems.slice(0, 20).map(problemLine);
  const more = problems.length > shown.length ? [`... and ${problems.length - shown.length} more.`] : [];
  return fail('invalid-register', [`${what} changed nothing:`, ...shown, ...more].join('\n'));
}

function update(ctx: ServiceContext, changes: readonly (ActionChange & { row?: number })[], what: string): BridgeResult<RegisterChanges> {
  const applied = applyChanges(currentRegister(ctx), changes, ctx.wall());
  if (!applied.ok) return refused(applied.problems, what);
  if (applied.records.length > 0) ctx.storage.actions.put(applied.records);
  return ok({ changes: applied.changes });
}

export function registerHandlers(ctx: ServiceContext): Pick<Handlers,
  'register.list' | 'register.update' | 'register.export' | 'register.import' | 'register.carried' | 'register.validate'> {
  return {
    'register.list': async (params) => ok(filterRegister(currentRegister(ctx), params.filter)),
    'register.update': async (params) => update(ctx, params.changes, 'The edit'),
    'register.export': async (params) => {
      const actions = filterRegister(currentRegister(ctx), params.filter);
      const file: ExportedReport = params.format === 'csv'
        ? { format: 'csv', fileName: 'drillbook-register.csv', mime: 'text/csv', content: registerCsv(actions), encoding: 'utf8' }
        : { format: 'json', fileName: 'drillbook-register.json', mime: 'application/json', content: registerJson(actions), encoding: 'utf8' };
      return ok(file);
    },
    'register.import': async (params) => {
      if (!ctx.readCsv) return fail('unsupported', 'Importing a register CSV needs the desktop app, `drillbook serve` or `drillbook register DB --import FILE`.');
      const read = ctx.readCsv(params.text);
      if (!read.ok) return refused(read.problems, 'The import');
      const parsed = changesFromCsv(read.records);
      if (!parsed.ok) return refused(parsed.problems, 'The import');
      return update(ctx, parsed.changes, 'The import');
    },
    'register.carried': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      if (live.value.reviewOf !== undefined) return ok([]);
      return ok(carriedActions(currentRegister(ctx), sessionOf(live.value)));
    },
    'register.validate': async (params) => {
      const live = ctx.sessions.get(params.sessionId);
      if (!live.ok) return live;
      if (live.value.reviewOf !== undefined) return readOnly(live.value);
      const action = carriedActions(currentRegister(ctx), sessionOf(live.value)).find((a) => a.id === params.action);
      if (!action) {
        return fail('not-found', `The corrective action '${params.action}' is not one this run can test: it is unknown, already validated, or not linked to this scenario's objectives.`);
      }
      const result = live.value.runtime.dispatch('facilitator', {
        type: 'action.validate', action: action.id, validated: params.validated, note: params.note,
        issue: action.issue, corrective_action: action.correctiveAction, owner: action.owner, capability: action.capability,
      });
      if (!result.ok) return fail(result.rejection.code, result.rejection.message);
      const after = currentRegister(ctx).find((a) => a.id === action.id);
      return after ? ok(after) : fail('internal', `The verdict on '${action.id}' was recorded but the action left the register.`);
    },
  };
}
