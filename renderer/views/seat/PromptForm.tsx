// One prompt for a role: choose, pick several, or write; the last answer counts and is shown.
import { useState } from 'react';
import type { RolePromptView } from '../../../core/engine/projections.ts';
import { PROMPT_TYPE_SPECS } from '../../../core/scenario/prompt-types.ts';
import { formatClock } from '../../components/format.ts';
import { PROMPT_INPUTS, type Draft } from './prompt-inputs.tsx';

function answerLabel(prompt: RolePromptView): string {
  return prompt.answer === null ? '' : PROMPT_TYPE_SPECS[prompt.type].show(prompt.answer, prompt.options);
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
  const input = PROMPT_INPUTS[prompt.type];
  const [draft, setDraft] = useState<Draft>(() => input.initial(prompt.answer));
  const [busy, setBusy] = useState(false);

  const value = input.value(draft);
  const name = `prompt-${prompt.id}`;

  return (
    <form className="prompt" aria-labelledby={`${name}-ask`} onSubmit={async (e) => {
      e.preventDefault();
      if (value === null) return;
      setBusy(true);
      const ok = await onAnswer(value);
      setBusy(false);
      if (ok && input.clearAfterSend) setDraft(input.initial(null));
    }}>
      <fieldset disabled={disabled || busy}>
        <legend id={`${name}-ask`}><strong className="user-text">{prompt.ask}</strong></legend>
        <Window prompt={prompt} nowMs={nowMs} />
        {input.fields({ prompt, name, draft, setDraft })}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary small" disabled={disabled || busy || value === null}>{prompt.answer === null ? 'Submit answer' : 'Change answer'}</button>
        {prompt.answer !== null ? <span className="dim">Your answer: <span className="user-text">{answerLabel(prompt)}</span></span> : <span className="badge warn">waiting for you</span>}
      </div>
    </form>
  );
}
