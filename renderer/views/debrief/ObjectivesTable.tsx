// Scores per objective with the computed rating, and the facilitator's override (with a reason).
import { useState } from 'react';
import type { Debrief, DebriefObjective } from '../../../core/scoring/debrief-types.ts';
import { RATINGS, type Rating } from '../../../core/scenario/types.ts';
import { eegInForce } from '../../../core/report/overall.ts';
import { formatPercent, formatPoints } from '../../components/format.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';

const RATING_TEXT: Record<Rating, string> = {
  P: 'Performed without challenges', S: 'Performed with some challenges', M: 'Performed with major challenges', U: 'Unable to be performed',
};

function Override({ objective, onRate }: { objective: DebriefObjective; onRate: (rating: Rating, reason: string) => Promise<boolean> }) {
  const [rating, setRating] = useState<Rating>(objective.rating ?? 'S');
  const [reason, setReason] = useState('');
  return (
    <form className="row" onSubmit={async (e) => {
      e.preventDefault();
      if (reason.trim() && (await onRate(rating, reason.trim()))) setReason('');
    }}>
      <select aria-label={`Rating for ${objective.title}`} value={rating} onChange={(e) => setRating(e.target.value as Rating)}>
        {RATINGS.map((r) => <option key={r} value={r}>{r} — {RATING_TEXT[r]}</option>)}
      </select>
      <input aria-label={`Reason for the rating of ${objective.title}`} placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={LIMITS.reason} />
      <button type="submit" className="small" disabled={!reason.trim()}>Override</button>
    </form>
  );
}

/** `readOnly` (a session opened from a bundle): the ratings as they stand, without the override column. */
export function ObjectivesTable({ debrief, onRate, readOnly = false }: { debrief: Debrief; onRate: (objective: string, rating: Rating, reason: string) => Promise<boolean>; readOnly?: boolean }) {
  return (
    <table className="grid">
      <thead><tr><th>Objective</th><th>Points</th><th>Percent</th><th>Rating</th>{readOnly ? null : <th>Override</th>}</tr></thead>
      <tbody>
        {debrief.objectives.map((o) => (
          <tr key={o.id}>
            <td>{o.title}{o.capability ? <div className="dim">{o.capability}</div> : null}</td>
            <td className="nowrap">{formatPoints(o.points)} / {formatPoints(o.possible)}</td>
            <td>{formatPercent(o.percent)}</td>
            <td>
              {o.rating ? <span className="badge accent" title={RATING_TEXT[o.rating]}>{o.rating}</span> : '—'}
              {o.rating_override ? <div className="dim">computed {o.computed_rating ?? '—'}; overridden: <span className="user-text">{o.rating_override.reason}</span></div> : null}
              {eegInForce(o) !== null ? <div className="eeg"><span className="dim">Evaluation guide ({o.rating}):</span> <Markdown source={eegInForce(o) ?? ''} /></div> : null}
            </td>
            {readOnly ? null : <td><Override objective={o} onRate={(r, reason) => onRate(o.id, r, reason)} /></td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
