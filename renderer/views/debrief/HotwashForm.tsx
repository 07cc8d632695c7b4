import { useState } from 'react';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { Empty } from '../../components/states.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';

export function HotwashForm({ debrief, onSave, readOnly = false }: { debrief: Debrief; onSave: (answers: { index: number; answer: string }[]) => Promise<boolean>; readOnly?: boolean }) {
  const [answers, setAnswers] = useState(() => debrief.hotwash.map((h) => h.answer ?? ''));
  const [dirty, setDirty] = useState(false);
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
  return (
    <form className="stack" onSubmit={async (e) => {
      e.preventDefault();
      if (await onSave(answers.map((answer, index) => ({ index, answer })).filter((a) => a.answer.trim() !== ''))) setDirty(false);
    }}>
      {debrief.hotwash.map((h, i) => (
        <label key={i} className="stack" style={{ alignItems: 'stretch' }}>
          <span>{h.question}</span>
          <textarea rows={2} value={answers[i] ?? ''} maxLength={LIMITS.hotwash} onChange={(e) => {
            setAnswers((a) => a.map((x, j) => (j === i ? e.target.value : x)));
            setDirty(true);
          }} />
        </label>
      ))}
      <div className="row"><button type="submit" className="primary" disabled={!dirty}>Save answers</button></div>
    </form>
  );
}
