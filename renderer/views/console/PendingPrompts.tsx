// Each role's prompts still waiting for an answer (overdue ones marked), and the text answers
// that wait for the facilitator's grade (provisional keyword credit, or no keywords at all).
import { useState, type ReactNode } from 'react';
import type { FacilitatorPromptView, FacilitatorView } from '../../../core/engine/projections.ts';
import type { Command } from '../../../core/engine/commands.ts';
import type { DebriefPrompt } from '../../../core/scoring/debrief-types.ts';
import { formatPercent, formatSeconds } from '../../components/format.ts';
import { Empty } from '../../components/states.tsx';
import { gradeQueue } from './grade-queue.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';
import { PROMPT_TYPE_SPECS } from '../../../core/scenario/prompt-types.ts';

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

function GradeForm({ promptId, initial, send }: { promptId: string; initial: number; send: (c: Command) => Promise<unknown> }) {
  const [credit, setCredit] = useState(initial);
  const [reason, setReason] = useState('');
  return (
    <form className="row" onSubmit={(e) => {
      e.preventDefault();
      if (!reason.trim()) return;
      void send({ type: 'answer.grade', prompt: promptId, credit, reason: reason.trim() }).then(() => setReason(''));
    }}>
      <label>Credit <input type="number" min={0} max={1} step={0.1} value={credit} style={{ width: '4.5rem' }}
        onChange={(e) => setCredit(Math.min(1, Math.max(0, Number(e.target.value))))} aria-label={`Credit for ${promptId}`} /></label>
      <input placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-label={`Reason for the grade of ${promptId}`} style={{ flex: 1 }} maxLength={LIMITS.reason} />
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

/** The reasons a text answer lost credit for saying what it should not (version 1.1 `avoid`). */
export function AvoidedReasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="avoided" aria-label="Said what to avoid">
      {reasons.map((why, i) => <li key={i}><span className="badge warn">avoid</span> <span className="user-text">{why}</span></li>)}
    </ul>
  );
}

/**
 * Text answers waiting for a grade, oldest first, each with its keyword credit and avoided reasons;
 * the first one takes the one-key grades (a, 0, 1). Graded answers follow, to grade again.
 */
export function TextAnswersToGrade({ view, send, roleTitle, oneKey }: {
  view: FacilitatorView;
  send: (c: Command) => Promise<unknown>;
  roleTitle: (id: string) => string;
  /** The buttons of the one-key grades (registry commands), shown on the oldest waiting answer. */
  oneKey: ReactNode;
}) {
  const queue = gradeQueue(view);
  const graded = view.scores.prompts.filter((p) => PROMPT_TYPE_SPECS[p.type].freeText && p.graded_by_facilitator);
  const answer = (p: DebriefPrompt) => (typeof p.answer === 'string' ? p.answer : '');
  if (queue.length === 0 && graded.length === 0) return <Empty>No text answers yet.</Empty>;
  return (
    <div className="stack">
      {queue.length === 0 ? <p className="dim">No answer is waiting for a grade.</p> : (
        <ol className="stack grade-queue" aria-label="Answers waiting for a grade, oldest first" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {queue.map((p, i) => (
            <li key={p.id} className="prompt" aria-current={i === 0 ? 'step' : undefined}>
              <div className="dim">{formatSeconds(p.answered_at_s)} · {roleTitle(p.role)}: <span className="user-text">{p.ask}</span></div>
              <p className="user-text">{answer(p)}</p>
              <div>
                {p.provisional
                  ? <span className="badge">provisional: keyword credit {formatPercent(p.correctness * 100)}</span>
                  : <span className="badge warn">needs review (no keywords)</span>}
              </div>
              <AvoidedReasons reasons={p.avoided} />
              {i === 0 ? <div className="row" role="toolbar" aria-label="One-key grade">{oneKey}</div> : null}
              <GradeForm key={p.answered_at_s} promptId={p.id} initial={p.provisional ? Math.round(p.correctness * 100) / 100 : 0.5} send={send} />
            </li>
          ))}
        </ol>
      )}
      {graded.length > 0 ? (
        <ul className="stack" aria-label="Graded text answers" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {graded.map((p) => (
            <li key={p.id} className="prompt">
              <div className="dim">{roleTitle(p.role)}: <span className="user-text">{p.ask}</span></div>
              <p className="user-text">{answer(p)}</p>
              {p.grade ? <p><span className="badge ok">graded {p.grade.credit}</span> <span className="user-text dim">{p.grade.reason}</span></p> : null}
              <GradeForm promptId={p.id} initial={p.grade?.credit ?? 0.5} send={send} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
