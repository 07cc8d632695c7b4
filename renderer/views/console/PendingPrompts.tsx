// Each role's prompts still waiting for an answer (overdue ones marked), and the text answers
// that need the facilitator's grade.
import { useState } from 'react';
import type { FacilitatorPromptView, FacilitatorView } from '../../../core/engine/projections.ts';
import type { Command } from '../../../core/engine/commands.ts';
import { Empty } from '../../components/states.tsx';

export function pendingByRole(view: FacilitatorView): Map<string, { prompt: FacilitatorPromptView; overdue: boolean }[]> {
  const map = new Map<string, { prompt: FacilitatorPromptView; overdue: boolean }[]>();
  for (const inject of view.injects) {
    if (inject.status !== 'delivered') continue;
    for (const p of inject.prompts) {
      if (p.answers > 0) continue;
      const list = map.get(p.role) ?? [];
      list.push({ prompt: p, overdue: p.overdue });
      map.set(p.role, list);
    }
  }
  return map;
}

function GradeForm({ prompt, send }: { prompt: FacilitatorPromptView; send: (c: Command) => Promise<unknown> }) {
  const [credit, setCredit] = useState(prompt.grade?.credit ?? 0.5);
  const [reason, setReason] = useState('');
  return (
    <form className="row" onSubmit={(e) => {
      e.preventDefault();
      if (!reason.trim()) return;
      void send({ type: 'answer.grade', prompt: prompt.id, credit, reason: reason.trim() }).then(() => setReason(''));
    }}>
      <label>Credit <input type="number" min={0} max={1} step={0.1} value={credit} style={{ width: '4.5rem' }}
        onChange={(e) => setCredit(Math.min(1, Math.max(0, Number(e.target.value))))} aria-label={`Credit for ${prompt.id}`} /></label>
      <input placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-label={`Reason for the grade of ${prompt.id}`} style={{ flex: 1 }} maxLength={2000} />
      <button type="submit" className="small" disabled={!reason.trim()}>Grade</button>
    </form>
  );
}

export function PendingPrompts({ view, roleTitle }: { view: FacilitatorView; roleTitle: (id: string) => string }) {
  const pending = pendingByRole(view);
  if (pending.size === 0) return <Empty>No prompt is waiting for an answer.</Empty>;
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {[...pending].map(([role, prompts]) => (
        <li key={role}>
          <strong>{roleTitle(role)}</strong>
          <ul>
            {prompts.map(({ prompt, overdue }) => (
              <li key={prompt.id} className={overdue ? 'overdue' : undefined}>
                {prompt.ask}{overdue ? ' — overdue' : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function TextAnswersToGrade({ view, send }: { view: FacilitatorView; send: (c: Command) => Promise<unknown> }) {
  const answered = view.injects.flatMap((i) => i.prompts).filter((p) => p.type === 'text' && p.answer !== null && p.points !== null);
  if (answered.length === 0) return <Empty>No text answers yet.</Empty>;
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {answered.map((p) => (
        <li key={p.id} className="prompt">
          <div className="dim">{p.role}: {p.ask}</div>
          <p className="user-text">{typeof p.answer === 'string' ? p.answer : ''}</p>
          {p.grade ? <p><span className="badge ok">graded {p.grade.credit}</span> <span className="user-text dim">{p.grade.reason}</span></p> : null}
          <GradeForm prompt={p} send={send} />
        </li>
      ))}
    </ul>
  );
}
