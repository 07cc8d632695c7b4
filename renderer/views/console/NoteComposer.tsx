// Quick notes, keyboard first: `n` focuses the box, Alt+1/2/3 pick the tag, Enter saves
// (Shift+Enter for a new line).
import { forwardRef } from 'react';
import type { NoteTag } from '../../../core/scenario/types.ts';
import type { FacilitatorView } from '../../../core/engine/projections.ts';

export const NOTE_TAGS: { tag: NoteTag; label: string; key: string }[] = [
  { tag: 'observation', label: 'Observation', key: 'Alt+1' },
  { tag: 'strength', label: 'Strength', key: 'Alt+2' },
  { tag: 'improvement', label: 'Improvement', key: 'Alt+3' },
];

export interface NoteDraft {
  text: string;
  tag: NoteTag;
  objective: string;
}

export const NoteComposer = forwardRef<HTMLTextAreaElement, {
  draft: NoteDraft;
  onChange: (draft: NoteDraft) => void;
  onSubmit: () => void;
  objectives: { id: string; title: string }[];
  notes: FacilitatorView['notes'];
}>(function NoteComposer({ draft, onChange, onSubmit, objectives, notes }, ref) {
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); onSubmit(); }} aria-label="Quick note">
      <div className="tagbar" role="group" aria-label="Note tag">
        {NOTE_TAGS.map((t) => (
          <button key={t.tag} type="button" className="small" aria-pressed={draft.tag === t.tag} onClick={() => onChange({ ...draft, tag: t.tag })}>
            {t.label} <kbd>{t.key}</kbd>
          </button>
        ))}
      </div>
      <textarea ref={ref} rows={2} value={draft.text} maxLength={4000} aria-label="Note text" placeholder="What did you see? Enter saves."
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); onSubmit(); }
          if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
        }} />
      <div className="row">
        <select aria-label="Objective of the note" value={draft.objective} onChange={(e) => onChange({ ...draft, objective: e.target.value })}>
          <option value="">No objective</option>
          {objectives.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
        </select>
        <button type="submit" className="small primary" disabled={!draft.text.trim()}>Save note</button>
        <span className="dim">{notes.length} notes</span>
      </div>
    </form>
  );
});
