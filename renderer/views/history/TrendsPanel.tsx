// History's trends (issue 18, item 4): one objective's or capability's rating over the ended runs
// of the data file, imported runs included. The chart is an SVG with the ratings P, S, M, U on the
// y axis and the runs in date order on the x axis; the same figures are always in the table below
// it (the chart's text alternative, and what a screen reader reads). A point whose scenario text
// differs from the previous run of that scenario is marked: the run used another version.
import { useEffect, useMemo, useState } from 'react';
import type { TrendPoint, Trends, TrendSeries } from '../../../core/scoring/trends.ts';
import { RATING_ORDER } from '../../../core/scoring/trends.ts';
import { fmtSessionStart } from '../../../core/report/format.ts';
import { useApp } from '../../store/use-app.ts';
import { Load } from '../../components/states.tsx';
import { formatPercent } from '../../components/format.ts';

const W = 640;
const H = 200;
const LEFT = 36;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 28;

/** Top to bottom: the best rating first. */
const Y_RATINGS = [...RATING_ORDER].reverse();

function yOf(rating: string): number {
  const i = Y_RATINGS.indexOf(rating as (typeof Y_RATINGS)[number]);
  return TOP + (i * (H - TOP - BOTTOM)) / (Y_RATINGS.length - 1);
}

function xOf(i: number, n: number): number {
  return n <= 1 ? (LEFT + W - RIGHT) / 2 : LEFT + (i * (W - LEFT - RIGHT)) / (n - 1);
}

/** For each point: whether its scenario text differs from the previous point of the same scenario. */
function versionChanges(points: readonly TrendPoint[]): boolean[] {
  const last = new Map<string, string>();
  return points.map((p) => {
    const before = last.get(p.scenarioId);
    last.set(p.scenarioId, p.contentHash);
    return before !== undefined && before !== p.contentHash;
  });
}

function describe(series: TrendSeries): string {
  const rated = series.points.filter((p) => p.rating !== null);
  if (rated.length === 0) return `${series.title}: no rated runs yet.`;
  const first = rated[0]!;
  const last = rated[rated.length - 1]!;
  return `${series.title}: ${series.points.length} runs, rated ${rated.map((p) => p.rating).join(', ')}; from ${first.rating} to ${last.rating}.`;
}

export function TrendChart({ series, scenarioTitles }: { series: TrendSeries; scenarioTitles: Map<string, string> }) {
  const n = series.points.length;
  const changed = versionChanges(series.points);
  const rated = series.points.map((p, i) => ({ p, i })).filter(({ p }) => p.rating !== null);
  const line = rated.map(({ p, i }) => `${xOf(i, n).toFixed(1)},${yOf(p.rating!).toFixed(1)}`).join(' ');
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={describe(series)} className="trend-chart">
        {Y_RATINGS.map((r) => (
          <g key={r}>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(r)} y2={yOf(r)} className="trend-grid" />
            <text x={LEFT - 10} y={yOf(r) + 4} textAnchor="end" className="trend-axis">{r}</text>
          </g>
        ))}
        {series.points.map((p, i) => (changed[i] ? (
          <line key={`v-${p.sessionId}`} x1={xOf(i, n)} x2={xOf(i, n)} y1={TOP - 8} y2={H - BOTTOM + 4} className="trend-version" />
        ) : null))}
        {rated.length > 1 ? <polyline points={line} className="trend-line" fill="none" /> : null}
        {rated.map(({ p, i }) => (
          <circle key={p.sessionId} cx={xOf(i, n)} cy={yOf(p.rating!)} r={5} className={`trend-point rating-${p.rating}`} />
        ))}
        {series.points.map((p, i) => (
          <text key={`x-${p.sessionId}`} x={xOf(i, n)} y={H - 8} textAnchor="middle" className="trend-axis">{i + 1}</text>
        ))}
      </svg>
      <figcaption className="dim">
        Runs 1 to {n}, oldest first.{changed.some(Boolean) ? ' A vertical line marks a run that used another version of its scenario (its text changed).' : ''}
      </figcaption>
      <table className="grid">
        <caption>{series.title}: rating by run</caption>
        <thead><tr><th scope="col">Run</th><th scope="col">Started</th><th scope="col">Scenario</th><th scope="col">Rating</th><th scope="col">Score</th><th scope="col">Scenario version</th></tr></thead>
        <tbody>
          {series.points.map((p, i) => (
            <tr key={p.sessionId}>
              <th scope="row">{i + 1}</th>
              <td>{fmtSessionStart(p.date)}</td>
              <td>{scenarioTitles.get(p.scenarioId) ?? p.scenarioId}</td>
              <td>{p.rating ?? 'not rated'}</td>
              <td>{formatPercent(p.percent)}</td>
              <td title={`Scenario content hash ${p.contentHash}`}>{changed[i] ? 'changed since the previous run' : 'same as before'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function seriesKey(s: TrendSeries): string {
  return `${s.kind}:${s.key}`;
}

export function TrendsPanel() {
  const trends = useApp((s) => s.trends);
  const loadTrends = useApp((s) => s.loadTrends);
  useEffect(() => { void loadTrends(); }, [loadTrends]);
  return (
    <section className="stack" aria-labelledby="trends-heading">
      <h2 id="trends-heading">Trends</h2>
      <Load value={trends} what="the trends" onRetry={() => void loadTrends()}>
        {(t) => <TrendsBody trends={t} />}
      </Load>
    </section>
  );
}

function TrendsBody({ trends }: { trends: Trends }) {
  const all = useMemo(() => [...trends.capabilities, ...trends.objectives], [trends]);
  const [picked, setPicked] = useState<string | null>(null);
  const scenarioTitles = useMemo(() => new Map(trends.runs.map((r) => [r.scenarioId, r.scenarioTitle])), [trends]);
  if (all.length === 0) return <p className="dim">Trends appear once a session has ended.</p>;
  const series = all.find((s) => seriesKey(s) === picked) ?? all[0]!;
  const byScenario = new Map<string, TrendSeries[]>();
  for (const s of trends.objectives) byScenario.set(s.scenarioId ?? '', [...(byScenario.get(s.scenarioId ?? '') ?? []), s]);
  return (
    <>
      <label>
        Show{' '}
        <select value={seriesKey(series)} onChange={(e) => setPicked(e.target.value)}>
          {trends.capabilities.length > 0 ? (
            <optgroup label="Capabilities (across scenarios)">
              {trends.capabilities.map((s) => <option key={seriesKey(s)} value={seriesKey(s)}>{s.title} ({s.points.length} {s.points.length === 1 ? 'run' : 'runs'})</option>)}
            </optgroup>
          ) : null}
          {[...byScenario].map(([scenarioId, list]) => (
            <optgroup key={scenarioId} label={`Objectives of ${scenarioTitles.get(scenarioId) ?? scenarioId}`}>
              {list.map((s) => <option key={seriesKey(s)} value={seriesKey(s)}>{s.title} ({s.points.length} {s.points.length === 1 ? 'run' : 'runs'})</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <TrendChart series={series} scenarioTitles={scenarioTitles} />
    </>
  );
}
