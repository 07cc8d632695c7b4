// The hotwash: the team's answers to the scenario's debrief questions. Saved together through
// debrief.saveHotwash as one engine command (hotwash.save): all or nothing, and an emptied box
// clears its answer. Unsaved text is a draft in the app store, so it survives going to another
// view and back (issue 14, item 14).
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { Empty } from '../../components/states.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';
import { useApp } from '../../store/use-app.ts';

export function HotwashForm({ sessionId, debrief, onSave, readOnly = false }: { sessionId: string; debrief: Debrief; onSave: (answers: { index: number; answer: string }[]) => Promise<boolean>; readOnly?: boolean }) {
  const draft = useApp((s) => s.drafts[sessionId]?.hotwash);
  const setDraft = useApp((s) => s.setDraft);
  const clearDraft = useApp((s) => s.clearDraft);
  if (debrief.hotwash.length === 0) return <Empty>This scenario has no hotwash questions.</Empty>;
  if (readOnly) {
    return (
      <dl className="stack">
        {debrief.hotwash.map((h, i) => (
          <div key={i}><dt>{h.question}</dt><dd className="user-text">{h.answer ?? <em className="dim">no answer</em>}</dd></div>
        ))}
      </dl>
    );
  }
  const answers = draft ?? debrief.hotwash.map((h) => h.answer ?? '');
  const dirty = draft !== undefined;
  return (
    <form className="stack" onSubmit={async (e) => {
      e.preventDefault();
      if (await onSave(answers.map((answer, index) => ({ index, answer })))) clearDraft(sessionId, 'hotwash');
    }}>
      {debrief.hotwash.map((h, i) => (
        <label key={i} className="stack" style={{ alignItems: 'stretch' }}>
          <span>{h.question}</span>
          <textarea rows={2} value={answers[i] ?? ''} maxLength={LIMITS.hotwash} onChange={(e) => {
            setDraft(sessionId, 'hotwash', debrief.hotwash.map((_, j) => (j === i ? e.target.value : answers[j] ?? '')));
          }} />
        </label>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={!dirty}>Save answers</button>
        {dirty ? <>
          <span className="dim" role="status">Unsaved answers: they stay here until you save or discard them.</span>
          <button type="button" className="small" onClick={() => clearDraft(sessionId, 'hotwash')}>Discard changes</button>
        </> : null}
      </div>
    </form>
  );
}
