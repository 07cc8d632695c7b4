// sessions.*: starting a session from the library, the history, opening one, comparing runs.
import type { SessionEvent } from '../../engine/event.ts';
import { reduce } from '../../engine/reduce.ts';
import type { SessionState } from '../../engine/state.ts';
import { fail, ok, type BridgeResult, type Comparison, type SessionDetail, type SessionSummary } from '../../protocol/bridge.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/types.ts';
import { computeDebrief } from '../../scoring/debrief.ts';
import { buildComparison } from '../../report/comparison.ts';
import type { LiveSession } from '../session-registry.ts';
import type { StoredSessionRecord } from '../storage.ts';
import type { Handlers, ServiceContext } from './types.ts';

export function sessionHandlers(ctx: ServiceContext): Pick<Handlers, 'sessions.create' | 'sessions.list' | 'sessions.open' | 'sessions.compare' | 'sessions.importBundles'> {
  return {
    'sessions.create': async (params) => {
      const found = ctx.library.find(params.entryId);
      if (!found) return fail('not-found', `There is no scenario '${params.entryId}' in the library to start a session from.`);
      const record: StoredSessionRecord = {
        sessionId: ctx.newId(), entryId: params.entryId, scenarioText: found.stored.text, scenarioFileName: found.stored.fileName,
        contentHash: found.stored.contentHash, createdAt: ctx.wall(), roomScreen: params.roomScreen, seating: params.seating,
      };
      ctx.storage.sessions.put(record);
      const live = ctx.sessions.start(record, found.scenario, false);
      const setup = live.runtime.dispatch('facilitator', { type: 'session.setup', facilitator: params.facilitator, participants: params.participants });
      if (!setup.ok) return fail(setup.rejection.code, setup.rejection.message);
      return ok(summaryOf(live));
    },
    'sessions.list': async () => ok(listSessions(ctx)),
    'sessions.open': async (params) => openSession(ctx, params.sessionId),
    'sessions.compare': async (params) => compare(ctx, params.sessionIds),
    'sessions.importBundles': async (params) => {
      const importer = ctx.importBundle;
      if (!importer) return fail('unsupported', 'Session bundles are imported by the desktop app, `drillbook serve`, or `drillbook sessions DB --import FILE`.');
      // One file's refusal does not stop the others: each says what became of it.
      return ok(params.files.map((file) => importer(file.fileName, file.content)));
    },
  };
}

/** The session's detail (sessions.open, and what openReview answers). */
export function openSession(ctx: ServiceContext, sessionId: string): BridgeResult<SessionDetail> {
  const live = ctx.sessions.get(sessionId);
  if (!live.ok) return live;
  const { scenario, runtime } = live.value;
  return ok({
    ...summaryOf(live.value),
    roles: scenario.roles.map((r) => ({ id: r.id, title: r.title })),
    objectives: scenario.objectives.map((o) => ({ id: o.id, title: o.title })),
    eventCount: runtime.events.length,
  });
}

/**
 * Every stored session, summarized from its log. Reading never writes and keeps nothing: a
 * session not open already is folded here and let go, not started (recovery happens once, at
 * start-up, for sessions that were running; issue 14).
 */
function listSessions(ctx: ServiceContext): SessionSummary[] {
  const out: SessionSummary[] = [];
  for (const record of ctx.storage.sessions.list()) {
    const open = ctx.sessions.peek(record.sessionId);
    if (open) {
      out.push(summaryOf(open));
      continue;
    }
    const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
    if (!loaded.ok) continue;
    const events = ctx.storage.events.load(record.sessionId);
    out.push(summarize(record, loaded.value, reduce(loaded.value, events), events, undefined));
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

/** Runs of one scenario side by side (sessions.compare, and its export). */
export function compare(ctx: ServiceContext, sessionIds: string[]): BridgeResult<Comparison> {
  const runs: Parameters<typeof buildComparison>[0][number][] = [];
  for (const id of sessionIds) {
    const live = ctx.sessions.get(id);
    if (!live.ok) return live;
    const { record, runtime, scenario } = live.value;
    runs.push({
      debrief: computeDebrief(scenario, runtime.events, { sessionId: id }),
      facts: {
        sessionId: id, createdAt: record.createdAt, startedAt: runtime.state.started?.wall ?? null, status: runtime.state.status,
        contentHash: record.contentHash, origin: record.origin?.bundleFile ?? null,
      },
    });
  }
  const built = buildComparison(runs);
  return built.ok ? ok(built.value) : fail(built.code, built.message);
}

function summaryOf(live: LiveSession): SessionSummary {
  return summarize(live.record, live.scenario, live.runtime.state, live.runtime.events, live.reviewOf);
}

function summarize(record: StoredSessionRecord, scenario: Scenario, state: Readonly<SessionState>, events: readonly SessionEvent[], reviewOf: string | undefined): SessionSummary {
  return {
    sessionId: record.sessionId,
    entryId: record.entryId,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    facilitator: state.setup?.facilitator ?? '',
    participants: (state.setup?.participants ?? []).map((p) => ({ name: p.name, roles: [...p.roles] })),
    roomScreen: record.roomScreen,
    seating: record.seating,
    status: state.status,
    createdAt: record.createdAt,
    startedAt: state.started?.wall ?? null,
    endedAt: state.ended?.wall ?? null,
    percent: state.status === 'ended' ? computeDebrief(scenario, events).score.percent : null,
    ...(reviewOf === undefined ? {} : { readOnly: true, sourceSessionId: reviewOf }),
    ...(record.origin ? { readOnly: true, origin: record.origin } : {}),
  };
}
