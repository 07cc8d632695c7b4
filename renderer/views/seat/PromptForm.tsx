// One prompt for a role: choose, pick several, or write; the last answer counts and is shown.
import { useState } from 'react';
import type { RolePromptView } from '../../../core/engine/projections.ts';

function answerLabel(prompt: RolePromptView): string {
  const { answer } = prompt;
  if (answer === null) return '';
  const label = (id: string) => prompt.options.find((o) => o.id === id)?.label ?? id;
  return Array.isArray(answer) ? answer.map(label).join(', ') : prompt.type === 'text' ? answer : label(answer);
}

export function PromptForm({ prompt, disabled, onAnswer }: {
  prompt: RolePromptView;
  disabled: boolean;
  onAnswer: (answer: string | string[]) => Promise<boolean>;
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
        {prompt.type === 'choice' ? prompt.options.map((o) => (
          <label key={o.id}><input type="radio" name={name} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> <span className="user-text">{o.label}</span></label>
        )) : null}
        {prompt.type === 'multi' ? prompt.options.map((o) => (
          <label key={o.id}><input type="checkbox" name={name} value={o.id} checked={multi.includes(o.id)}
            onChange={(e) => setMulti(e.target.checked ? [...multi, o.id] : multi.filter((x) => x !== o.id))} /> <span className="user-text">{o.label}</span></label>
        )) : null}
        {prompt.type === 'text' ? (
          <textarea aria-label={`Answer: ${prompt.ask}`} rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        ) : null}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary small" disabled={disabled || busy || value === null}>{prompt.answer === null ? 'Submit answer' : 'Change answer'}</button>
        {prompt.answer !== null ? <span className="dim">Your answer: <span className="user-text">{answerLabel(prompt)}</span></span> : <span className="badge warn">waiting for you</span>}
      </div>
    </form>
  );
}
