// One prompt for a role: choose, pick several, or write; the last answer counts and is shown.
import { useState } from 'react';
import type { RolePromptView } from '../../../core/engine/projections.ts';
import { formatClock } from '../../components/format.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';

function answerLabel(prompt: RolePromptView): string {
  const { answer } = prompt;
  if (answer === null) return '';
  const label = (id: string) => prompt.options.find((o) => o.id === id)?.label ?? id;
  return Array.isArray(answer) ? answer.map(label).join(', ') : prompt.type === 'text' ? answer : label(answer);
}

/**
 * The prompt's window, from the time its inject arrived: how long is left, or that it has passed.
 * The last answer counts, at the time it is given: a change after the window makes the answer late
 * even when the first one was on time, so the seat says so before the change is sent.
 */
function Window({ prompt, nowMs }: { prompt: RolePromptView; nowMs: number }) {
  if (prompt.answerBy === null) return null;
  const left = prompt.answerBy - nowMs;
  const answered = prompt.answer !== null;
  const inTime = answered && prompt.answeredAt !== null && prompt.answeredAt <= prompt.answerBy;
  if (left > 0) {
    return (
      <span className="badge accent countdown" data-testid="prompt-window">
        {answered ? `${formatClock(left)} left to change it in time` : `${formatClock(left)} left to answer in time`}
      </span>
    );
  }
  if (!answered) return <span className="badge danger countdown" data-testid="prompt-window">Past its time by {formatClock(-left)}: answer now, it still counts</span>;
  return (
    <span className="dim countdown" data-testid="prompt-window">
      {inTime ? 'Answered in time. Its time is up: if you change your answer now, the new time counts and it will be late.' : 'Answered after its time. A change now counts at the time you make it.'}
    </span>
  );
}

export function PromptForm({ prompt, disabled, onAnswer, nowMs }: {
  prompt: RolePromptView;
  disabled: boolean;
  onAnswer: (answer: string | string[]) => Promise<boolean>;
  /** Exercise ms now, for the prompt's countdown. */
  nowMs: number;
}) {
  const initial = prompt.answer;
  const [choice, setChoice] = useState<string>(typeof initial === 'string' && prompt.type === 'choice' ? initial : '');
  const [multi, setMulti] = useState<string[]>(Array.isArray(initial) ? initial : []);
  const [text, setText] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const value: string | string[] | null = prompt.type === 'choice' ? (choice || null) : prompt.type === 'multi' ? (multi.length ? multi : null) : (text.trim() ? text : null);
  const name = `prompt-${prompt.id}`;

  return (
    <form className="prompt" aria-labelledby={`${name}-ask`} onSubmit={async (e) => {
      e.preventDefault();
      if (value === null) return;
      setBusy(true);
      const ok = await onAnswer(value);
      setBusy(false);
      if (ok && prompt.type === 'text') setText('');
    }}>
      <fieldset disabled={disabled || busy}>
        <legend id={`${name}-ask`}><strong className="user-text">{prompt.ask}</strong></legend>
        <Window prompt={prompt} nowMs={nowMs} />
        {prompt.type === 'choice' ? prompt.options.map((o) => (
          <label key={o.id}><input type="radio" name={name} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> <span className="user-text">{o.label}</span></label>
        )) : null}
        {prompt.type === 'multi' ? prompt.options.map((o) => (
          <label key={o.id}><input type="checkbox" name={name} value={o.id} checked={multi.includes(o.id)}
            onChange={(e) => setMulti(e.target.checked ? [...multi, o.id] : multi.filter((x) => x !== o.id))} /> <span className="user-text">{o.label}</span></label>
        )) : null}
        {prompt.type === 'text' ? (
          <textarea aria-label={`Answer: ${prompt.ask}`} rows={3} maxLength={LIMITS.answer} value={text} onChange={(e) => setText(e.target.value)} />
        ) : null}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary small" disabled={disabled || busy || value === null}>{prompt.answer === null ? 'Submit answer' : 'Change answer'}</button>
        {prompt.answer !== null ? <span className="dim">Your answer: <span className="user-text">{answerLabel(prompt)}</span></span> : <span className="badge warn">waiting for you</span>}
      </div>
    </form>
  );
}
