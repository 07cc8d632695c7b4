// An inject composed live: to everyone or some roles, any channel, with an optional prompt.
import { forwardRef, useState } from 'react';
import { CHANNELS, PROMPT_TYPES, type Channel, type PromptType } from '../../../core/scenario/types.ts';
import { PROMPT_TYPE_SPECS } from '../../../core/scenario/prompt-types.ts';
import type { Command } from '../../../core/engine/commands.ts';
import { channelLabel } from '../../components/InjectCard.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';

/** The composer's default, free text, first; then the others in their order. */
const PROMPT_TYPE_ORDER: PromptType[] = ['text', ...PROMPT_TYPES.filter((t) => t !== 'text')];

export const AdhocComposer = forwardRef<HTMLInputElement, {
  roles: { id: string; title: string }[];
  disabled: boolean;
  send: (command: Command) => Promise<{ ok: boolean }>;
}>(function AdhocComposer({ roles, disabled, send }, ref) {
  const [toAll, setToAll] = useState(true);
  const [to, setTo] = useState<string[]>([]);
  const [channel, setChannel] = useState<Channel>('chat');
  const [from, setFrom] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [withPrompt, setWithPrompt] = useState(false);
  const [promptRole, setPromptRole] = useState(roles[0]?.id ?? '');
  const [ask, setAsk] = useState('');
  const [promptType, setPromptType] = useState<PromptType>('text');
  const [options, setOptions] = useState('');
  const withOptions = PROMPT_TYPE_SPECS[promptType].options;

  const optionList = options.split('\n').map((o) => o.trim()).filter(Boolean);
  const ready = title.trim() !== '' && (toAll || to.length > 0) && (!withPrompt || (ask.trim() !== '' && (!withOptions || optionList.length >= 2)));

  async function submit() {
    const command: Command = {
      type: 'adhoc.send', to: toAll ? 'all' : to, channel, title: title.trim(), body,
      ...(from.trim() ? { from: from.trim() } : {}),
      ...(withPrompt ? { prompt: {
        role: promptRole, ask: ask.trim(), type: promptType,
        ...(withOptions ? { options: optionList.map((label, i) => ({ id: `o${i + 1}`, label })) } : {}),
      } } : {}),
    };
    const result = await send(command);
    if (result.ok) {
      setTitle(''); setBody(''); setAsk(''); setOptions(''); setWithPrompt(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); if (ready) void submit(); }} aria-label="Ad-hoc inject">
      <div className="row">
        <label><input type="checkbox" checked={toAll} onChange={(e) => setToAll(e.target.checked)} /> Everyone</label>
        {!toAll ? roles.map((r) => (
          <label key={r.id}><input type="checkbox" checked={to.includes(r.id)} onChange={(e) => setTo(e.target.checked ? [...to, r.id] : to.filter((x) => x !== r.id))} /> {r.title}</label>
        )) : null}
      </div>
      <div className="row">
        <select aria-label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((c) => <option key={c} value={c}>{channelLabel(c)}</option>)}
        </select>
        <input aria-label="From" placeholder="From (optional)" value={from} onChange={(e) => setFrom(e.target.value)} maxLength={LIMITS.name} style={{ flex: 1 }} />
      </div>
      <input ref={ref} aria-label="Inject title" placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.title} />
      <textarea aria-label="Inject body" placeholder="Body (markdown)" rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={LIMITS.body} />
      <label><input type="checkbox" checked={withPrompt} onChange={(e) => setWithPrompt(e.target.checked)} /> Ask a question (not scored)</label>
      {withPrompt ? (
        <div className="stack">
          <div className="row">
            <select aria-label="Prompt role" value={promptRole} onChange={(e) => setPromptRole(e.target.value)}>
              {roles.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
            <select aria-label="Prompt type" value={promptType} onChange={(e) => setPromptType(e.target.value as PromptType)}>
              {PROMPT_TYPE_ORDER.map((t) => <option key={t} value={t}>{PROMPT_TYPE_SPECS[t].label}</option>)}
            </select>
          </div>
          <input aria-label="Question" placeholder="Question" value={ask} onChange={(e) => setAsk(e.target.value)} maxLength={LIMITS.title} />
          {withOptions ? <textarea aria-label="Options, one a line" placeholder="Options, one a line" rows={3} value={options} onChange={(e) => setOptions(e.target.value)} /> : null}
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={disabled || !ready}>Send inject</button>
    </form>
  );
});
