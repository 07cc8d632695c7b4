// The report's charts, drawn as inline SVG by our own code (no script, no library, no image):
// the exercise timeline per role, score per objective, and time-to metrics against targets.
// Big sessions stay light: decisions are counted into time bins rather than drawn one by one.
import type { DebriefTimelineEntry } from '../../scoring/debrief-types.ts';
import { fmtClock, fmtPercent, fmtSpeed } from '../format.ts';
import { metricStatus, type ReportView } from '../view.ts';
import { classToken, h, type Html } from './tags.ts';

const WIDTH = 1000;
const LABEL_W = 210;
const PLOT_W = WIDTH - LABEL_W - 30;
// A lane label must fit in LABEL_W at the report's 14px DejaVu Sans (about 8.5px a character),
// or its start is cut off at the chart's left edge.
const LABEL_CHARS = 22;

function n(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

// The speed labels' size at the chart's 14px DejaVu Sans: its digits and × advance about 8.9 px.
const SPEED_CHAR_W = 9;
const SPEED_PAD = 6;
const SPEED_ROW_H = 16;

export interface PlacedLabel {
  /** Centre of the label (text-anchor middle). */
  x: number;
  width: number;
  /** 0 is the row nearest the plot; each further row sits SPEED_ROW_H higher. */
  row: number;
}

/**
 * Lays labels out on rows so that no two overlap (issue 14, item 18: speed changes a few seconds
 * apart printed on top of each other). Each label, in order of x, takes the lowest row whose last
 * label ends before it starts; a label is kept inside [min, max] by sliding it, never by clipping.
 */
export function layoutLabels(items: readonly { x: number; text: string }[], min: number, max: number): PlacedLabel[] {
  const ends: number[] = [];
  const placed = items.map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.x - b.item.x || a.index - b.index)
    .map(({ item, index }) => {
      const width = [...item.text].length * SPEED_CHAR_W + SPEED_PAD;
      const x = Math.min(Math.max(item.x, min + width / 2), max - width / 2);
      let row = ends.findIndex((end) => end <= x - width / 2);
      if (row === -1) {
        row = ends.length;
        ends.push(0);
      }
      ends[row] = x + width / 2;
      return { index, label: { x, width, row } };
    });
  const out: PlacedLabel[] = new Array<PlacedLabel>(items.length);
  for (const { index, label } of placed) out[index] = label;
  return out;
}

/** A tick step (seconds) that gives at most about ten ticks. */
function tickStep(span: number): number {
  const steps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
  return steps.find((s) => span / s <= 10) ?? Math.ceil(span / 10);
}

function timeAxis(span: number, x: (s: number) => number, top: number, bottom: number): Html[] {
  const out: Html[] = [];
  const step = tickStep(span);
  for (let t = 0; t <= span + 0.001; t += step) {
    out.push(h('line', { class: 'grid', x1: n(x(t)), x2: n(x(t)), y1: top, y2: bottom }));
    out.push(h('text', { x: n(x(t)), y: bottom + 17, 'text-anchor': 'middle' }, fmtClock(t)));
  }
  out.push(h('line', { class: 'axis', x1: LABEL_W, x2: LABEL_W + PLOT_W, y1: bottom, y2: bottom }));
  return out;
}

function decisionRole(entry: DebriefTimelineEntry): string | null {
  if (entry.role !== null) return entry.role;
  if (entry.actor === 'facilitator' || entry.actor === 'system') return null;
  return entry.actor.startsWith('role:') ? entry.actor.slice(5) : entry.actor;
}

export function timelineChart(view: ReportView): Html {
  const { debrief } = view;
  const lastEvent = debrief.timeline.reduce((max, e) => Math.max(max, e.at_s), 0);
  const span = Math.max(debrief.session.duration_s, lastEvent, 60);
  const x = (s: number) => LABEL_W + (Math.min(Math.max(s, 0), span) / span) * PLOT_W;
  const bins = 150;
  const binOf = (s: number) => Math.min(bins - 1, Math.floor((Math.max(s, 0) / span) * bins));

  const laneIds: string[] = view.roles.map((r) => r.role);
  const counts = new Map<string, number[]>();
  const deliveries: number[] = [];
  for (const entry of debrief.timeline) {
    if (entry.kind === 'delivery') deliveries.push(entry.at_s);
    if (entry.kind !== 'decision') continue;
    const role = decisionRole(entry);
    if (role === null) continue;
    if (!counts.has(role)) {
      counts.set(role, new Array<number>(bins).fill(0));
      if (!laneIds.includes(role)) laneIds.push(role);
    }
    const row = counts.get(role);
    if (row) row[binOf(entry.at_s)] = (row[binOf(entry.at_s)] ?? 0) + 1;
  }
  let max = 1;
  for (const row of counts.values()) for (const c of row) max = Math.max(max, c);

  const speedTexts = debrief.controls.speed_changes.map((change) => ({ x: x(change.at_s), text: fmtSpeed(change.speed) }));
  const speedLabels = layoutLabels(speedTexts, LABEL_W - 20, WIDTH);
  const speedRows = speedLabels.reduce((rows, l) => Math.max(rows, l.row + 1), 1);
  const laneH = 22;
  const top = 26 + (speedRows - 1) * SPEED_ROW_H;
  const lanes = ['', ...laneIds];
  const bottom = top + lanes.length * laneH;
  const parts: Html[] = [];
  for (const pause of debrief.controls.pauses) {
    const end = pause.resumed_at_s ?? span;
    parts.push(h('rect', { class: 'pause', x: n(x(pause.at_s)), y: top, width: n(Math.max(1, x(end) - x(pause.at_s))), height: bottom - top }));
  }
  parts.push(...timeAxis(span, x, top, bottom));
  speedLabels.forEach((label, i) => {
    const at = speedTexts[i]?.x ?? label.x;
    parts.push(h('text', { class: 'speed', x: n(label.x), y: top - 8 - label.row * SPEED_ROW_H, 'text-anchor': 'middle' }, speedTexts[i]?.text ?? ''));
    // A tick marks the moment itself, wherever its label had to go.
    parts.push(h('line', { class: 'speed-tick', x1: n(at), x2: n(at), y1: top - 4, y2: top }));
  });
  lanes.forEach((lane, i) => {
    const y = top + i * laneH;
    const label = i === 0 ? 'Injects delivered' : view.roleTitle(lane);
    parts.push(h('text', { x: LABEL_W - 8, y: y + laneH / 2 + 4, 'text-anchor': 'end' }, clip(label, LABEL_CHARS)));
    parts.push(h('line', { class: 'grid', x1: LABEL_W, x2: LABEL_W + PLOT_W, y1: y + laneH, y2: y + laneH }));
    if (i === 0) {
      for (const at of deliveries) {
        parts.push(h('line', { class: 'delivery', x1: n(x(at)), x2: n(x(at)), y1: y + 3, y2: y + laneH - 3 }));
      }
      return;
    }
    const row = counts.get(lane);
    if (!row) return;
    const binW = PLOT_W / bins;
    row.forEach((count, b) => {
      if (count === 0) return;
      const height = Math.max(2, ((laneH - 6) * count) / max);
      parts.push(h('rect', { class: 'decision', x: n(LABEL_W + b * binW), y: n(y + laneH - 3 - height), width: n(Math.max(1, binW - 0.5)), height: n(height) }));
    });
  });
  const height = bottom + 24;
  return figure(
    h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': 'Timeline of deliveries and decisions per role' }, parts),
    `Deliveries (ticks) and decisions per role (bars: decisions per ${fmtClock(span / bins)} of exercise time, tallest = ${max}). Grey bands: pauses; ×N: speed changes.`,
  );
}

export function objectivesChart(view: ReportView): Html {
  const objectives = view.debrief.objectives;
  const rowH = 24;
  const top = 22;
  const bottom = top + Math.max(1, objectives.length) * rowH;
  const plotW = PLOT_W - 50;
  const x = (pct: number) => LABEL_W + (Math.min(Math.max(pct, 0), 100) / 100) * plotW;
  const parts: Html[] = [];
  for (const [pct, rating] of [[40, 'M'], [70, 'S'], [90, 'P']] as const) {
    parts.push(h('line', { class: 'threshold', x1: n(x(pct)), x2: n(x(pct)), y1: top - 4, y2: bottom }));
    parts.push(h('text', { x: n(x(pct)), y: top - 8, 'text-anchor': 'middle' }, `${rating} ${pct}%`));
  }
  objectives.forEach((o, i) => {
    const y = top + i * rowH;
    parts.push(h('text', { x: LABEL_W - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, clip(o.title, LABEL_CHARS)));
    const pct = o.percent ?? 0;
    parts.push(h('rect', { class: `bar bar-${classToken(o.rating)}`, x: LABEL_W, y: y + 4, width: n(Math.max(0, x(pct) - LABEL_W)), height: rowH - 8 }));
    parts.push(h('text', { x: n(x(pct) + 6), y: y + rowH / 2 + 4 }, `${fmtPercent(o.percent)} ${o.rating ?? ''}`.trim()));
  });
  parts.push(h('line', { class: 'axis', x1: LABEL_W, x2: LABEL_W, y1: top - 4, y2: bottom }));
  const height = bottom + 10;
  return figure(
    h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': 'Score per objective' }, parts),
    'Score per objective (percent of possible points; dashed lines: rating thresholds).',
  );
}

export function metricsChart(view: ReportView): Html | null {
  const metrics = view.debrief.metrics;
  if (metrics.length === 0) return null;
  const span = Math.max(60, ...metrics.map((m) => Math.max(m.target_s, m.at_s ?? 0))) * 1.08;
  const rowH = 26;
  const top = 10;
  const bottom = top + metrics.length * rowH;
  const x = (s: number) => LABEL_W + (Math.min(Math.max(s, 0), span) / span) * PLOT_W;
  const parts: Html[] = [...timeAxis(span, x, top, bottom)];
  metrics.forEach((m, i) => {
    const y = top + i * rowH;
    const status = metricStatus(m.at_s, m.target_s);
    parts.push(h('text', { x: LABEL_W - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end' }, clip(m.name, LABEL_CHARS)));
    const cls = status === 'on target' ? 'metric-ok' : status === 'late' ? 'metric-late' : 'metric-missed';
    const end = m.at_s ?? span;
    parts.push(h('rect', { class: cls, x: LABEL_W, y: y + 5, width: n(Math.max(1, x(end) - LABEL_W)), height: rowH - 10 }));
    if (m.at_s === null) parts.push(h('text', { x: LABEL_W + 6, y: y + rowH / 2 + 4 }, 'not met'));
    parts.push(h('line', { class: 'target', x1: n(x(m.target_s)), x2: n(x(m.target_s)), y1: y + 2, y2: y + rowH - 2 }));
  });
  const height = bottom + 24;
  return figure(
    h('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': 'Time-to metrics against targets' }, parts),
    'Time-to metrics: bar to the exercise time the step was met (green on target, amber late, grey not met); red line: target.',
  );
}

function figure(svg: Html, caption: string): Html {
  return h('figure', null, svg, h('figcaption', null, caption));
}
