// Live scores and runbook coverage, for the facilitator only: the live scores in the facilitator's
// view (core/scoring/live-scores.ts, the same rules as the debrief), so the overall band and its cap
// here are the ones the debrief will show.
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import { capObjectiveText, capReason, overallOf } from '../../../core/report/overall.ts';
import { formatClock, formatPercent } from '../../components/format.ts';

export function LiveScores({ view, nowMs }: { view: FacilitatorView; nowMs: number }) {
  const scores = view.scores;
  const overall = overallOf(scores);
  return (
    <div className="stack">
      {view.clock.status !== 'setup' ? (
        <>
          <div className="row" style={{ justifyContent: 'space-between' }} aria-label="Overall score">
            <strong>Overall</strong>
            <strong>{scores.score.rating ? <span className="badge accent" title="Overall rating (band in force)">{scores.score.rating}</span> : null} {formatPercent(scores.score.percent)}</strong>
          </div>
          {overall.cap ? <div className="dim" title={capReason(overall)}>capped by <span className="user-text">{capObjectiveText(overall.cap)}</span>: {formatPercent(overall.percent)} would be {overall.percentBand}</div> : null}
          {scores.objectives.map((o) => (
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
