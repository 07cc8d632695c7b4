// "See it" (issue 17): the injects of the scenario being written on one time axis, a lane per
// channel or per role, with their `after` and `when` links drawn as arrows, the runbook's `by` times
// as markers, and the injects each branch can add. The layout is core's (timelineModel); this draws
// it. Hovering, focusing or selecting an inject lights up what it depends on and what depends on it.
// The same model is also a table and lists, for a screen reader and for reading the exact words.
import { useMemo, useState } from 'react';
import { timelineModel, type TimelineInject, type TimelineModel } from '../../../../core/author/timeline.ts';
import { formatLoadError, loadScenario } from '../../../../core/scenario/index.ts';
import type { Scenario } from '../../../../core/scenario/types.ts';
import { channelLabel } from '../../../components/InjectCard.tsx';
import { formatClock } from '../../../components/format.ts';

const WIDTH = 1200;
const LABEL = 130;
const RIGHT = 20;
const TOP = 40;
const ROW = 30;
const BOX_W = 120;
const BOX_H = 22;
const CONDITIONAL_LANE = 'Conditional (time not derivable)';

type LaneBy = 'channel' | 'role';

interface Placed {
  inject: TimelineInject;
  lane: string;
  x: number;
  y: number;
}

/** Lanes in order, each inject placed at its earliest time, stacked in rows where boxes would overlap. */
function place(model: TimelineModel, by: LaneBy, roleTitle: (id: string) => string): { placed: Placed[]; lanes: { name: string; y: number; h: number }[]; height: number } {
  const x = (t: number) => LABEL + (model.end > 0 ? (t / model.end) * (WIDTH - LABEL - RIGHT - BOX_W) : 0);
  const laneOf = (i: TimelineInject) => (i.earliest === null ? CONDITIONAL_LANE : by === 'channel' ? channelLabel(i.channel) : i.toAll ? 'Everyone' : i.to.map(roleTitle).join(', '));
  const names = [...new Set(model.injects.map(laneOf))].sort((a, b) => Number(a === CONDITIONAL_LANE) - Number(b === CONDITIONAL_LANE));
  const placed: Placed[] = [];
  const lanes: { name: string; y: number; h: number }[] = [];
  let y = TOP;
  for (const name of names) {
    const rows: number[] = []; // the right edge of the last box in each row
    const members = model.injects.filter((i) => laneOf(i) === name);
    let conditionalX = LABEL;
    for (const inject of members) {
      const left = inject.earliest === null ? conditionalX : x(inject.earliest);
      if (inject.earliest === null) conditionalX += BOX_W + 8;
      let row = rows.findIndex((edge) => edge + 4 <= left);
      if (row === -1) { rows.push(0); row = rows.length - 1; }
      rows[row] = left + BOX_W;
      placed.push({ inject, lane: name, x: left, y: y + row * ROW });
    }
    const h = Math.max(1, rows.length) * ROW + 10;
    lanes.push({ name, y, h });
    y += h;
  }
  return { placed, lanes, height: y + 10 };
}

export function ScenarioTimeline({ scenario }: { scenario: Scenario }) {
  const model = useMemo(() => timelineModel(scenario), [scenario]);
  const [laneBy, setLaneBy] = useState<LaneBy>('channel');
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const roleTitle = (id: string) => scenario.roles.find((r) => r.id === id)?.title ?? id;
  const { placed, lanes, height } = useMemo(() => place(model, laneBy, roleTitle), [model, laneBy]);
  const at = new Map(placed.map((p) => [p.inject.id, p]));
  const x = (t: number) => LABEL + (model.end > 0 ? (t / model.end) * (WIDTH - LABEL - RIGHT - BOX_W) : 0);

  const focus = hovered ?? selected;
  const lit = new Set<string>();
  if (focus) {
    lit.add(focus);
    // What it depends on, all the way back, and what depends on it directly.
    const queue = [focus];
    while (queue.length) {
      const id = queue.shift() as string;
      for (const e of model.edges) if (e.to === id && e.fromInject && !lit.has(e.fromInject)) { lit.add(e.fromInject); queue.push(e.fromInject); }
    }
    for (const e of model.edges) if (e.fromInject === focus) lit.add(e.to);
  }
  const dependsOn = (id: string) => model.edges.filter((e) => e.to === id).map((e) => `${e.fromKind} ${e.from}`);
  const ticks: number[] = [];
  const step = model.end > 3600 ? 900 : model.end > 1200 ? 300 : 60;
  for (let t = 0; t <= model.end; t += step) ticks.push(t);

  return (
    <section className="panel stack" aria-labelledby="timeline-heading" data-testid="scenario-timeline">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="timeline-heading">Timeline</h2>
        <div className="row" role="group" aria-label="Lanes">
          <button type="button" className="small" aria-pressed={laneBy === 'channel'} onClick={() => setLaneBy('channel')}>By channel</button>
          <button type="button" className="small" aria-pressed={laneBy === 'role'} onClick={() => setLaneBy('role')}>By recipient</button>
        </div>
      </div>
      <div style={{ overflowX: 'auto' }}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ minWidth: 900, maxWidth: WIDTH }} role="group"
          aria-label={`Timeline of ${model.injects.length} injects over ${formatClock(model.end * 1000)}, with ${model.edges.length} dependency links and ${model.steps.length} runbook times. The table below has the same content.`}>
          <defs>
            <marker id="timeline-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
            </marker>
          </defs>
          <g aria-hidden="true" fontSize="11" fill="currentColor">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height - 10} stroke="currentColor" strokeOpacity="0.12" />
                <text x={x(t)} y={TOP - 12} textAnchor="middle">{formatClock(t * 1000)}</text>
              </g>
            ))}
            {lanes.map((l) => (
              <g key={l.name}>
                <line x1={0} x2={WIDTH} y1={l.y - 4} y2={l.y - 4} stroke="currentColor" strokeOpacity="0.2" />
                <text x={4} y={l.y + 15}>{l.name.length > 20 ? `${l.name.slice(0, 19)}…` : l.name}</text>
              </g>
            ))}
            {model.steps.map((s) => (
              <g key={s.id} data-step={s.id}>
                <line x1={x(s.by)} x2={x(s.by)} y1={TOP - 4} y2={height - 10} stroke="#b45309" strokeDasharray="4 3" />
                <text x={x(s.by) + 3} y={height - 2} fill="#b45309"><title>{`Runbook: ${s.step} by ${formatClock(s.by * 1000)}`}</title>{s.id}</text>
              </g>
            ))}
          </g>
          <g aria-hidden="true">
            {model.edges.map((e, n) => {
              const to = at.get(e.to);
              if (!to) return null;
              const from = e.fromInject ? at.get(e.fromInject) : null;
              const step = e.fromKind === 'step' ? model.steps.find((s) => s.id === e.from) : null;
              const start = from ? { x: from.x + BOX_W, y: from.y + BOX_H / 2 } : step ? { x: x(step.by), y: TOP - 4 } : null;
              if (!start) return null;
              const end = { x: to.x, y: to.y + BOX_H / 2 };
              const on = lit.has(e.to) && (!e.fromInject || lit.has(e.fromInject));
              const mid = (start.x + end.x) / 2;
              return (
                <path key={n} data-edge={`${e.from}->${e.to}`} d={`M${start.x},${start.y} C${mid},${start.y} ${mid},${end.y} ${end.x},${end.y}`}
                  fill="none" stroke={on ? '#2563eb' : 'currentColor'} strokeOpacity={focus && !on ? 0.15 : 0.6} strokeWidth={on ? 2 : 1}
                  strokeDasharray={e.kind === 'when' ? '5 3' : undefined} markerEnd="url(#timeline-arrow)" />
              );
            })}
          </g>
          {placed.map(({ inject, x: bx, y: by }) => {
            const on = lit.has(inject.id);
            return (
              <g key={inject.id} data-inject={inject.id} data-lit={on ? 'true' : undefined} tabIndex={0} role="button"
                aria-label={`${inject.title}, ${inject.earliest === null ? 'conditional' : `from ${formatClock(inject.earliest * 1000)}`}, ${inject.trigger}`}
                aria-pressed={selected === inject.id}
                onMouseEnter={() => setHovered(inject.id)} onMouseLeave={() => setHovered(null)}
                onFocus={() => setHovered(inject.id)} onBlur={() => setHovered(null)}
                onClick={() => setSelected((s) => (s === inject.id ? null : inject.id))}
                onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setSelected((s) => (s === inject.id ? null : inject.id)); } }}
                style={{ cursor: 'pointer' }} opacity={focus && !on ? 0.35 : 1}>
                <title>{`${inject.title}\n${inject.trigger}`}</title>
                <rect x={bx} y={by} width={BOX_W} height={BOX_H} rx={4} fill={inject.conditional ? '#fef3c7' : '#e0e7ff'}
                  stroke={on ? '#2563eb' : '#64748b'} strokeWidth={on ? 2 : 1} strokeDasharray={inject.conditional ? '4 2' : undefined} />
                <text x={bx + 5} y={by + 15} fontSize="11" fill="#0f172a">{inject.title.length > 18 ? `${inject.title.slice(0, 17)}…` : inject.title}</text>
              </g>
            );
          })}
        </svg>
      </div>
      <p className="dim">Solid arrows: <code>after</code>. Dashed arrows and boxes: <code>when</code> (may never come). Dashed lines: the runbook's <code>by</code> times.</p>

      <details>
        <summary>The timeline as a table</summary>
        <table aria-label="Injects by earliest time">
          <thead><tr><th scope="col">Earliest</th><th scope="col">Inject</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Trigger</th><th scope="col">Depends on</th></tr></thead>
          <tbody>
            {[...model.injects].sort((a, b) => (a.earliest ?? Infinity) - (b.earliest ?? Infinity)).map((i) => (
              <tr key={i.id} data-row={i.id} data-lit={lit.has(i.id) ? 'true' : undefined} style={lit.has(i.id) && focus ? { outline: '2px solid #2563eb' } : undefined}>
                <td>{i.earliest === null ? 'conditional' : `${formatClock(i.earliest * 1000)}${i.conditional ? ' at the earliest' : ''}`}</td>
                <th scope="row">{i.title}</th>
                <td>{channelLabel(i.channel)}</td>
                <td>{i.toAll ? 'Everyone' : i.to.map(roleTitle).join(', ')}</td>
                <td>{i.trigger}</td>
                <td>{dependsOn(i.id).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <section aria-labelledby="runbook-times-heading">
        <h3 id="runbook-times-heading">Runbook times</h3>
        {model.steps.length === 0 ? <p className="dim">No runbook steps.</p> : (
          <ul>{model.steps.map((s) => <li key={s.id}><strong>{formatClock(s.by * 1000)}</strong> {s.step} <span className="dim">({s.id})</span></li>)}</ul>
        )}
      </section>
      <section aria-labelledby="branches-heading">
        <h3 id="branches-heading">Branches</h3>
        {model.branches.length === 0 ? <p className="dim">No inject depends on a decision: everyone sees the same story.</p> : (
          <ul aria-label="What each branch can add">
            {model.branches.map((b) => (
              <li key={b.id} data-branch={b.id}>When {b.label}: {b.injects.map((id) => model.injects.find((i) => i.id === id)?.title ?? id).join(', ')}</li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** The timeline of a scenario text as the editor holds it: drawn when it loads, its first errors otherwise. */
export function ScenarioTimelineOfText({ text, fileName = 'scenario.yaml' }: { text: string; fileName?: string }) {
  const loaded = useMemo(() => loadScenario(text, fileName), [text, fileName]);
  if (!loaded.ok) {
    return (
      <section className="panel" aria-label="Timeline">
        <p role="status">The timeline shows once the scenario loads. First errors:</p>
        <ul>{loaded.errors.slice(0, 5).map((e, n) => <li key={n}>{formatLoadError(e)}</li>)}</ul>
      </section>
    );
  }
  return <ScenarioTimeline scenario={loaded.value} />;
}
