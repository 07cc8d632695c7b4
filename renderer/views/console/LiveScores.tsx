// Live scores and runbook coverage, for the facilitator only: recomputed by the host's scoring
// from the events so far.
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import { formatClock, formatPercent } from '../../components/format.ts';

export function LiveScores({ debrief, view, nowMs }: { debrief: Debrief | null; view: FacilitatorView; nowMs: number }) {
  return (
    <div className="stack">
      {debrief ? (
        <>
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <strong>Overall</strong><strong>{formatPercent(debrief.score.percent)}</strong>
          </div>
          {debrief.objectives.map((o) => (
            <div key={o.id}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <span>{o.title}</span><span>{formatPercent(o.percent)} {o.rating ? <span className="badge">{o.rating}</span> : null}</span>
              </div>
              <div className="scorebar" aria-hidden="true"><div style={{ width: `${Math.max(0, Math.min(100, o.percent ?? 0))}%` }} /></div>
            </div>
          ))}
        </>
      ) : <p className="dim">Scores appear once the session has started.</p>}
      <table className="grid" aria-label="Runbook coverage">
        <thead><tr><th>Runbook step</th><th>By</th><th>Met</th></tr></thead>
        <tbody>
          {view.steps.map((s) => {
            const late = s.metAt === null && nowMs > s.byMs;
            return (
              <tr key={s.id}>
                <td>{s.step}</td>
                <td>{formatClock(s.byMs)}</td>
                <td>{s.metAt !== null
                  ? <span className={s.metAt <= s.byMs ? 'badge ok' : 'badge warn'}>{formatClock(s.metAt)}</span>
                  : late ? <span className="badge danger">missed</span> : <span className="dim">not yet</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
