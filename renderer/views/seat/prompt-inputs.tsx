// How a seat answers each prompt type: the draft it keeps while the participant decides, the
// answer that draft sends, and the fields that edit it. A Record over PromptType, so a prompt type
// added to core/scenario/prompt-types.ts without an input here is a compile error (not a text box).
import type { ReactNode } from 'react';
import type { RolePromptView } from '../../../core/engine/projections.ts';
import type { PromptType } from '../../../core/scenario/types.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';

/** What the form holds between keystrokes: an option id, option ids, or text. */
export type Draft = string | string[];

export interface PromptInput {
  /** The draft when the form opens, from the last answer (null before the first). */
  initial(answer: string | string[] | null): Draft;
  /** The answer the draft sends, or null while there is nothing to send. */
  value(draft: Draft): string | string[] | null;
  /** Empty the draft once an answer is sent (text is written afresh; a choice stays chosen). */
  clearAfterSend: boolean;
  fields(props: { prompt: RolePromptView; name: string; draft: Draft; setDraft: (draft: Draft) => void }): ReactNode;
}

const asList = (draft: Draft): string[] => (Array.isArray(draft) ? draft : []);
const asText = (draft: Draft): string => (typeof draft === 'string' ? draft : '');

export const PROMPT_INPUTS: Record<PromptType, PromptInput> = {
  choice: {
    initial: (answer) => (typeof answer === 'string' ? answer : ''),
    value: (draft) => asText(draft) || null,
    clearAfterSend: false,
    fields: ({ prompt, name, draft, setDraft }) => prompt.options.map((o) => (
      <label key={o.id}><input type="radio" name={name} value={o.id} checked={draft === o.id} onChange={() => setDraft(o.id)} /> <span className="user-text">{o.label}</span></label>
    )),
  },
  multi: {
    initial: (answer) => (Array.isArray(answer) ? answer : []),
    value: (draft) => (asList(draft).length ? asList(draft) : null),
    clearAfterSend: false,
    fields: ({ prompt, name, draft, setDraft }) => {
      const chosen = asList(draft);
      return prompt.options.map((o) => (
        <label key={o.id}><input type="checkbox" name={name} value={o.id} checked={chosen.includes(o.id)}
          onChange={(e) => setDraft(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))} /> <span className="user-text">{o.label}</span></label>
      ));
    },
  },
  text: {
    initial: () => '',
    value: (draft) => (asText(draft).trim() ? asText(draft) : null),
    clearAfterSend: true,
    fields: ({ prompt, draft, setDraft }) => (
      <textarea aria-label={`Answer: ${prompt.ask}`} rows={3} maxLength={LIMITS.answer} value={asText(draft)} onChange={(e) => setDraft(e.target.value)} />
    ),
  },
};
