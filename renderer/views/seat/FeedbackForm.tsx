// The participant feedback form (HSEEP), shown on a role's seat once the session has ended: top
// strengths and areas for improvement, what the evaluators may have missed, suggested corrective
// actions with a priority and an owner, 1-5 ratings of the exercise's design and conduct, and the
// scenario's own questions. Sent as one `feedback.submit`; sending again replaces this role's
// earlier form. What is typed stays in this component only (never in the app store), so on a
// shared screen it goes when the screen is hidden.
import { useId, useState } from 'react';
import type { RoleView } from '../../../core/engine/projections.ts';
import { FEEDBACK_PRIORITIES, STANDARD_FEEDBACK, type FeedbackAnswer, type FeedbackForm as Form, type FeedbackPriority } from '../../../core/engine/feedback.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';

const PRIORITY_WORDS: Record<FeedbackPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

interface Draft {
  strengths: string[];
  improvements: string[];
  missed: string;
  actions: { action: string; priority: FeedbackPriority; owner: string }[];
  design: number | null;
  conduct: number | null;
  /** By question id (a Map: a scenario's ids never meet an object's prototype). */
  answers: ReadonlyMap<string, number | string>;
}

const slots = (list: readonly string[]): string[] => Array.from({ length: LIMITS.feedbackItems }, (_, i) => list[i] ?? '');

function draftOf(given: Form | null): Draft {
  return {
    strengths: slots(given?.strengths ?? []),
    improvements: slots(given?.improvements ?? []),
    missed: given?.missed ?? '',
    actions: given && given.actions.length > 0 ? given.actions.map((a) => ({ ...a })) : [{ action: '', priority: 'medium', owner: '' }],
    design: given?.design ?? null,
    conduct: given?.conduct ?? null,
    answers: new Map((given?.answers ?? []).map((a) => [a.question, a.answer])),
  };
}

function Scale({ legend, value, onChange, disabled }: { legend: string; value: number | null; onChange: (v: number | null) => void; disabled: boolean }) {
  const name = useId();
  return (
    <fieldset disabled={disabled}>
      <legend className="user-text">{legend}</legend>
      <div className="row" role="radiogroup" aria-label={legend}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}><input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} /> {n}</label>
        ))}
        <label><input type="radio" name={name} value="" checked={value === null} onChange={() => onChange(null)} /> No rating</label>
      </div>
    </fieldset>
  );
}

function Items({ legend, label, values, onChange, disabled }: { legend: string; label: string; values: string[]; onChange: (v: string[]) => void; disabled: boolean }) {
  return (
    <fieldset disabled={disabled} className="stack">
      <legend>{legend}</legend>
      {values.map((v, i) => (
        <input key={i} aria-label={`${label} ${i + 1}`} value={v} maxLength={LIMITS.feedbackText}
          onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))} />
      ))}
    </fieldset>
  );
}

export function FeedbackForm({ view, onSend }: { view: RoleView; onSend: (form: Form) => Promise<boolean> }) {
  const given = view.feedback.given;
  const [draft, setDraft] = useState<Draft>(() => draftOf(given));
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (patch: Partial<Draft>) => { setDraft((d) => ({ ...d, ...patch })); setSent(false); };

  const form = (): Form => ({
    strengths: draft.strengths.filter((s) => s.trim() !== ''),
    improvements: draft.improvements.filter((s) => s.trim() !== ''),
    missed: draft.missed,
    actions: draft.actions.filter((a) => a.action.trim() !== '' || a.owner.trim() !== ''),
    design: draft.design,
    conduct: draft.conduct,
    answers: view.feedback.questions.flatMap((q): FeedbackAnswer[] => {
      const a = draft.answers.get(q.id);
      if (q.type === 'scale') return typeof a === 'number' ? [{ question: q.id, answer: a }] : [];
      return typeof a === 'string' && a.trim() !== '' ? [{ question: q.id, answer: a }] : [];
    }),
  });

  return (
    <section className="panel stack" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Your feedback on the exercise</h2>
      <p className="dim">
        Anonymous: the debrief and the reports show what was said, never who said it. Fill in what you wish; you can send it again to change it, and your latest answers count.
      </p>
      {given && !sent ? <p className="dim" role="status">You have sent your feedback. Change anything below and send it again if you wish.</p> : null}
      <form className="stack" aria-label="Feedback form" onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          if (await onSend(form())) setSent(true);
        } finally {
          setBusy(false);
        }
      }}>
        <Items legend={`${STANDARD_FEEDBACK.strengths} (up to ${LIMITS.feedbackItems})`} label="Strength" values={draft.strengths} disabled={busy} onChange={(strengths) => set({ strengths })} />
        <Items legend={`${STANDARD_FEEDBACK.improvements} (up to ${LIMITS.feedbackItems})`} label="Area for improvement" values={draft.improvements} disabled={busy} onChange={(improvements) => set({ improvements })} />
        <label className="stack" style={{ alignItems: 'stretch' }}>
          <span>{STANDARD_FEEDBACK.missed}</span>
          <textarea rows={2} value={draft.missed} maxLength={LIMITS.feedbackText} disabled={busy} onChange={(e) => set({ missed: e.target.value })} />
        </label>
        <fieldset disabled={busy} className="stack">
          <legend>Suggested corrective actions (for the facilitator to consider)</legend>
          {draft.actions.map((a, i) => (
            <div key={i} className="row" role="group" aria-label={`Suggested action ${i + 1}`}>
              <input aria-label={`Action ${i + 1}`} value={a.action} maxLength={LIMITS.feedbackText} style={{ flex: 2 }}
                onChange={(e) => set({ actions: draft.actions.map((x, j) => (j === i ? { ...x, action: e.target.value } : x)) })} />
              <select aria-label={`Priority of action ${i + 1}`} value={a.priority}
                onChange={(e) => set({ actions: draft.actions.map((x, j) => (j === i ? { ...x, priority: e.target.value as FeedbackPriority } : x)) })}>
                {FEEDBACK_PRIORITIES.map((p) => <option key={p} value={p}>{PRIORITY_WORDS[p]}</option>)}
              </select>
              <input aria-label={`Who should own action ${i + 1}`} placeholder="Who should own it" value={a.owner} maxLength={LIMITS.name} style={{ flex: 1 }}
                onChange={(e) => set({ actions: draft.actions.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)) })} />
            </div>
          ))}
          {draft.actions.length < LIMITS.feedbackActions ? (
            <button type="button" className="small" onClick={() => set({ actions: [...draft.actions, { action: '', priority: 'medium', owner: '' }] })}>Add another action</button>
          ) : null}
        </fieldset>
        <Scale legend={STANDARD_FEEDBACK.design} value={draft.design} disabled={busy} onChange={(design) => set({ design })} />
        <Scale legend={STANDARD_FEEDBACK.conduct} value={draft.conduct} disabled={busy} onChange={(conduct) => set({ conduct })} />
        {view.feedback.questions.map((q) => {
          const a = draft.answers.get(q.id);
          return q.type === 'scale'
            ? <Scale key={q.id} legend={`${q.ask} (1 to 5)`} value={typeof a === 'number' ? a : null} disabled={busy}
              onChange={(v) => set({ answers: new Map(draft.answers).set(q.id, v ?? '') })} />
            : (
              <label key={q.id} className="stack" style={{ alignItems: 'stretch' }}>
                <span className="user-text">{q.ask}</span>
                <textarea rows={2} value={typeof a === 'string' ? a : ''} maxLength={LIMITS.feedbackText} disabled={busy}
                  onChange={(e) => set({ answers: new Map(draft.answers).set(q.id, e.target.value) })} />
              </label>
            );
        })}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{given ? 'Send my feedback again' : 'Send my feedback'}</button>
          {sent ? <span role="status">Thank you: your feedback was sent.</span> : null}
        </div>
      </form>
    </section>
  );
}
