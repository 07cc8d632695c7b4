// Trends (issue 18, item 4): each objective's and each capability's rating over the runs kept in a
// data file. Pure: the runs' debriefs in, one series per objective (of one scenario: objective ids
// are a scenario's own) and per capability (across scenarios: the same capability named in two
// scenarios is one series), each point a run in date order with the scenario version it ran.
//
// A capability's point in a run pools the points of that run's objectives of the capability (its
// percent) and takes the lowest of their ratings in force (its rating): a capability is only as
// ready as its weakest objective, and a facilitator's override counts as it does in the report.
import type { Rating } from '../scenario/types.ts';
import type { Debrief } from './debrief-types.ts';

export interface TrendRunInput {
  sessionId: string;
  /** When the run started (or was set up, if never started), epoch ms: the x of every point. */
  date: number;
  /** The hash of the scenario text it ran: points with different hashes ran different versions. */
  contentHash: string;
  /** Set for a run imported from another facilitator's bundle: where it came from. */
  origin?: string | null;
  debrief: Debrief;
}

export interface TrendPoint {
  sessionId: string;
  date: number;
  rating: Rating | null;
  /** 0..100, full precision; null when nothing of it was possible. */
  percent: number | null;
  contentHash: string;
  scenarioId: string;
}

export interface TrendSeries {
  /** Unique among the series of its kind: `scenarioId/objectiveId`, or the folded capability name. */
  key: string;
  kind: 'objective' | 'capability';
  /** The objective's title (its latest run's), or the capability as first written. */
  title: string;
  /** For an objective: its id and scenario. */
  objectiveId?: string;
  scenarioId?: string;
  /** For a capability: the scenarios it appears in, in order of first run. */
  scenarioIds: string[];
  points: TrendPoint[];
}

export interface TrendRun {
  sessionId: string;
  date: number;
  scenarioId: string;
  scenarioTitle: string;
  contentHash: string;
  facilitator: string;
  rating: Rating | null;
  percent: number | null;
  origin: string | null;
}

export interface Trends {
  /** The runs, oldest first. */
  runs: TrendRun[];
  objectives: TrendSeries[];
  capabilities: TrendSeries[];
}

/** Ratings from worst to best, for "lowest" and for charts' y axis. */
export const RATING_ORDER: readonly Rating[] = ['U', 'M', 'S', 'P'];

/** The key a capability is matched by: case, surrounding and repeated blanks do not make a new one. */
export function capabilityKey(capability: string): string {
  return capability.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function lowest(ratings: readonly (Rating | null)[]): Rating | null {
  let low: Rating | null = null;
  for (const r of ratings) if (r !== null && (low === null || RATING_ORDER.indexOf(r) < RATING_ORDER.indexOf(low))) low = r;
  return low;
}

export function computeTrends(inputs: readonly TrendRunInput[]): Trends {
  const ordered = [...inputs].sort((a, b) => a.date - b.date || a.sessionId.localeCompare(b.sessionId));
  const objectives = new Map<string, TrendSeries>();
  const capabilities = new Map<string, TrendSeries>();
  const runs: TrendRun[] = [];
  for (const run of ordered) {
    const { debrief } = run;
    const scenarioId = debrief.scenario.id;
    runs.push({
      sessionId: run.sessionId, date: run.date, scenarioId, scenarioTitle: debrief.scenario.title, contentHash: run.contentHash,
      facilitator: debrief.session.facilitator ?? '', rating: debrief.score.rating, percent: debrief.score.percent, origin: run.origin ?? null,
    });
    const point = (rating: Rating | null, percent: number | null): TrendPoint => ({ sessionId: run.sessionId, date: run.date, rating, percent, contentHash: run.contentHash, scenarioId });
    const byCapability = new Map<string, { title: string; points: number; possible: number; ratings: (Rating | null)[] }>();
    for (const o of debrief.objectives) {
      const key = `${scenarioId}/${o.id}`;
      const series = objectives.get(key) ?? { key, kind: 'objective' as const, title: o.title, objectiveId: o.id, scenarioId, scenarioIds: [scenarioId], points: [] };
      series.title = o.title;
      series.points.push(point(o.rating, o.percent));
      objectives.set(key, series);
      if (o.capability === null || capabilityKey(o.capability) === '') continue;
      const ck = capabilityKey(o.capability);
      const pooled = byCapability.get(ck) ?? { title: o.capability.trim(), points: 0, possible: 0, ratings: [] };
      pooled.points += o.points;
      pooled.possible += o.possible;
      pooled.ratings.push(o.rating);
      byCapability.set(ck, pooled);
    }
    for (const [ck, pooled] of byCapability) {
      const series = capabilities.get(ck) ?? { key: ck, kind: 'capability' as const, title: pooled.title, scenarioIds: [], points: [] };
      if (!series.scenarioIds.includes(scenarioId)) series.scenarioIds.push(scenarioId);
      series.points.push(point(lowest(pooled.ratings), pooled.possible > 0 ? (pooled.points / pooled.possible) * 100 : null));
      capabilities.set(ck, series);
    }
  }
  const byTitle = (a: TrendSeries, b: TrendSeries) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
  return { runs, objectives: [...objectives.values()], capabilities: [...capabilities.values()].sort(byTitle) };
}
