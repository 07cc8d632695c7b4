// Across runs (issue 18, item 4): each objective's and capability's rating over the ended runs of
// the data file (sessions.trends, imported runs included), and the comparison of runs as a file
// (sessions.exportComparison: CSV or HTML, like any other export).
import { reduce } from '../../engine/reduce.ts';
import { ok, type BridgeResult, type ExportedReport, type ParsedParams } from '../../protocol/bridge.ts';
import { comparisonFileName, renderComparison } from '../../report/comparison.ts';
import { loadScenario } from '../../scenario/load.ts';
import { computeDebrief } from '../../scoring/debrief.ts';
import { computeTrends, type TrendRunInput, type Trends } from '../../scoring/trends.ts';
import { compare } from './sessions.ts';
import type { Handlers, ServiceContext } from './types.ts';

const MIME = { csv: 'text/csv', html: 'text/html' } as const;

export function trendHandlers(ctx: ServiceContext): Pick<Handlers, 'sessions.trends' | 'sessions.exportComparison'> {
  return {
    'sessions.trends': async () => ok(trendsOf(ctx)),
    'sessions.exportComparison': async (params) => exportComparison(ctx, params),
  };
}

/**
 * The trends over every ended run stored. Like sessions.list, reading keeps nothing open: a session
 * not open already is folded here and let go. A run whose scenario text no longer loads is left out.
 */
export function trendsOf(ctx: ServiceContext): Trends {
  const inputs: TrendRunInput[] = [];
  for (const record of ctx.storage.sessions.list()) {
    const open = ctx.sessions.peek(record.sessionId);
    let scenario = open?.scenario;
    let events = open?.runtime.events;
    if (!scenario || !events) {
      const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
      if (!loaded.ok) continue;
      scenario = loaded.value;
      events = ctx.storage.events.load(record.sessionId);
    }
    const state = open?.runtime.state ?? reduce(scenario, events);
    if (state.status !== 'ended') continue;
    const debrief = computeDebrief(scenario, events, { sessionId: record.sessionId, contentHash: record.contentHash });
    inputs.push({
      sessionId: record.sessionId, date: state.started?.wall ?? record.createdAt, contentHash: record.contentHash,
      origin: record.origin?.bundleFile ?? null, debrief,
    });
  }
  return computeTrends(inputs);
}

async function exportComparison(ctx: ServiceContext, params: ParsedParams<'sessions.exportComparison'>): Promise<BridgeResult<ExportedReport>> {
  const comparison = compare(ctx, params.sessionIds);
  if (!comparison.ok) return comparison;
  return ok({
    format: params.format, fileName: comparisonFileName(comparison.value, params.format), mime: MIME[params.format],
    content: renderComparison(comparison.value, params.format), encoding: 'utf8',
  });
}
