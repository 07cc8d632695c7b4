// One delivered inject as its audience sees it: channel, sender, title, markdown body, and a
// dashboard's table or chart drawn. Sender and title are shown as text, never as markup.
import type { InjectContent } from '../../core/engine/projections.ts';
import type { Chart, Table } from '../../core/scenario/types.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import { formatClock } from './format.ts';

const CHANNEL_LABEL: Record<InjectContent['channel'], string> = {
  alert: 'Alert', chat: 'Chat', email: 'Email', ticket: 'Ticket', 'status-page': 'Status page',
  news: 'News', call: 'Call', dashboard: 'Dashboard', note: 'Note',
};

export function channelLabel(channel: InjectContent['channel']): string {
  return CHANNEL_LABEL[channel];
}

function DataTable({ table }: { table: Table }) {
  return (
    <table className="grid">
      <thead><tr>{table.columns.map((c, i) => <th key={i} scope="col">{c}</th>)}</tr></thead>
      <tbody>{table.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c}>{String(cell)}</td>)}</tr>)}</tbody>
    </table>
  );
}

export function LineChart({ chart }: { chart: Chart }) {
  const points = chart.points;
  if (points.length === 0) return <p className="dim">{chart.label}: no data.</p>;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)];
  const W = 400, H = 140, P = 24;
  const sx = (x: number) => P + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * P);
  const sy = (y: number) => H - P - ((y - y0) / (y1 - y0 || 1)) * (H - 2 * P);
  const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
  const unit = chart.unit ? ` ${chart.unit}` : '';
  const last = points[points.length - 1]!;
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${chart.label}: from ${ys[0]}${unit} to ${last[1]}${unit}, peak ${y1}${unit}`} preserveAspectRatio="none">
        <line x1={P} y1={H - P} x2={W - P} y2={H - P} stroke="#3a4350" />
        <line x1={P} y1={P} x2={P} y2={H - P} stroke="#3a4350" />
        <path d={path} fill="none" stroke="#5cb8ff" strokeWidth={2.5} />
        {points.map(([x, y], i) => <circle key={i} cx={sx(x)} cy={sy(y)} r={3} fill="#9fd6ff" />)}
        <text x={P + 2} y={P - 6} fill="#b7c0ca" fontSize={11}>{y1}{unit}</text>
        <text x={P + 2} y={H - 6} fill="#b7c0ca" fontSize={11}>{y0}{unit}</text>
      </svg>
      <figcaption className="dim">{chart.label}</figcaption>
    </figure>
  );
}

export function InjectCard({ inject, headingLevel = 3 }: { inject: InjectContent; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="inject-card" data-channel={inject.channel} aria-label={`${channelLabel(inject.channel)}: ${inject.title}`}>
      <header>
        <span className="channel">{channelLabel(inject.channel)}</span>
        {inject.from ? <span className="dim user-text">from {inject.from}</span> : null}
        <span className="dim">at {formatClock(inject.deliveredAt)}</span>
        {inject.storyTime ? <span className="badge accent">{inject.storyTime}</span> : null}
      </header>
      <Heading className="user-text">{inject.title}</Heading>
      <Markdown source={inject.body} />
      {inject.table ? <DataTable table={inject.table} /> : null}
      {inject.chart ? <LineChart chart={inject.chart} /> : null}
    </article>
  );
}
