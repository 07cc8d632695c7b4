// The participants' feedback as the debrief summarises it (core/scoring/feedback.ts): anonymous,
// so no role or name here either. Forms keep arriving after the end, hence the refresh button.
import type { DebriefFeedback } from '../../../core/scoring/debrief-types.ts';
import { FEEDBACK_ACTIONS_NOTE, feedbackHeadline, fmtDistribution, fmtMedian, priorityLabel } from '../../../core/report/feedback.ts';
import { Empty } from '../../components/states.tsx';

export function FeedbackSummary({ feedback, onRefresh }: { feedback: DebriefFeedback | undefined; onRefresh?: () => void }) {
  if (!feedback) return <Empty>This session was recorded before the feedback form existed.</Empty>;
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <p data-testid="feedback-headline">{feedbackHeadline(feedback)}</p>
        {onRefresh ? <button type="button" className="small" onClick={onRefresh}>Refresh</button> : null}
      </div>
      {feedback.respondents === 0 ? null : (
        <>
          <table className="grid" aria-label="Ratings">
            <thead><tr><th>Rating (1 to 5)</th><th>Answers</th><th>Median</th><th>How many gave 1 to 5</th></tr></thead>
            <tbody>
              {feedback.scales.map((q) => (
                <tr key={q.id}><td className="user-text">{q.ask}</td><td>{q.count}</td><td>{fmtMedian(q.median)}</td><td className="nowrap">{fmtDistribution(q.distribution)}</td></tr>
              ))}
            </tbody>
          </table>
          {feedback.texts.map((q) => (
            <div key={q.id}>
              <h3 className="user-text">{q.ask}</h3>
              {q.answers.length === 0 ? <p className="dim">No answers.</p> : (
                <ul aria-label={q.ask}>
                  {q.answers.map((a, i) => <li key={i}><span className="user-text">{a.text}</span>{a.count > 1 ? <span className="dim"> (×{a.count})</span> : null}</li>)}
                </ul>
              )}
            </div>
          ))}
          <h3>Suggested corrective actions</h3>
          {feedback.actions.length === 0 ? <p className="dim">No corrective actions were suggested.</p> : (
            <>
              <p className="dim">{FEEDBACK_ACTIONS_NOTE}</p>
              <table className="grid" aria-label="Suggested corrective actions">
                <thead><tr><th>Corrective action</th><th>Priority</th><th>Who should own it</th></tr></thead>
                <tbody>
                  {feedback.actions.map((a, i) => (
                    <tr key={i}><td className="user-text">{a.action}</td><td>{priorityLabel(a.priority)}</td><td className="user-text">{a.owner || <span className="dim">not said</span>}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
