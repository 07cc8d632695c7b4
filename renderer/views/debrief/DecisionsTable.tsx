// The debrief's decisions, each with what was expected and how its points came about: correctness
// (and where it came from: an option, keywords, the facilitator's grade and reason), timeliness
// (against the prompt's window) and "correctness × timeliness × points = score" (issue 14, item 16).
import type { Debrief, DebriefPrompt } from '../../../core/scoring/debrief-types.ts';
import { correctnessSource, pointsFormula, timelinessSource } from '../../../core/report/explain.ts';
import { fmtDuration, fmtFraction, fmtPoints } from '../../../core/report/format.ts';
import { answerText, expectedText } from '../../../core/report/view.ts';
import { formatSeconds } from '../../components/format.ts';
import { AvoidedReasons } from '../console/PendingPrompts.tsx';

function Answer({ p }: { p: DebriefPrompt }) {
  const answer = answerText(p);
  return (
    <>
      {answer === null ? <em className="dim">no answer</em> : answer}
      {p.needs_review ? <> <span className="badge warn">needs review</span></> : null}
      {p.provisional ? <> <span className="badge" title="Scored by keywords, not graded by the facilitator">provisional</span></> : null}
      <AvoidedReasons reasons={p.avoided} />
    </>
  );
}

export function DecisionsTable({ debrief, roleTitle }: { debrief: Debrief; roleTitle: (id: string) => string }) {
  return (
    <table className="grid decisions">
      <thead>
        <tr><th>Role</th><th>Question</th><th>Expected</th><th>Answer</th><th>Response</th><th>Correct</th><th>Timely</th><th>Points</th></tr>
      </thead>
      <tbody>
        {debrief.prompts.map((p) => (
          <tr key={p.id}>
            <td>{roleTitle(p.role)}</td>
            <td className="user-text">{p.ask}</td>
            <td className="user-text">{expectedText(p) || <em className="dim">no expectation</em>}</td>
            <td className="user-text"><Answer p={p} /></td>
            <td>{formatSeconds(p.response_time_s)}{p.within_s !== null ? <div className="dim">within {fmtDuration(p.within_s)}</div> : null}</td>
            <td>
              {p.answer === null ? '—' : fmtFraction(p.correctness)}
              <div className="dim">{correctnessSource(p)}</div>
              {p.grade ? <div className="user-text grade-reason">Reason: {p.grade.reason}</div> : null}
            </td>
            <td>{p.answer === null ? '—' : fmtFraction(p.timeliness)}<div className="dim">{timelinessSource(p, fmtDuration)}</div></td>
            <td className="nowrap">
              {p.answer === null ? `${fmtPoints(0)} / ${fmtPoints(p.possible)}` : pointsFormula(p)}
              {p.answer !== null ? <div className="dim">of {fmtPoints(p.possible)}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
