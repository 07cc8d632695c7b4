// Quick notes, keyboard first: `n` focuses the box, Alt+1/2/3 pick the tag, Enter saves
// (Shift+Enter for a new line).
import { forwardRef } from 'react';
import type { NoteTag } from '../../../core/scenario/types.ts';
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import { formatClock } from '../../components/format.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';

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
      <textarea ref={ref} rows={2} value={draft.text} maxLength={LIMITS.note} aria-label="Note text" placeholder="What did you see? Enter saves."
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
      </div>
      <NoteList notes={notes} objectives={objectives} />
    </form>
  );
});

const TAG_LABEL = new Map(NOTE_TAGS.map((t) => [t.tag, t.label]));

/** The notes taken so far, newest first, with their time, tag and objective as the report will print them. */
function NoteList({ notes, objectives }: { notes: FacilitatorView['notes']; objectives: { id: string; title: string }[] }) {
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  if (notes.length === 0) return <p className="dim">No notes yet.</p>;
  return (
    <>
      <p className="dim">{notes.length === 1 ? '1 note' : `${notes.length} notes`}, newest first</p>
      <ol className="note-list" reversed aria-label="Notes taken">
        {[...notes].reverse().map((n) => (
          <li key={n.seq}>
            <span className="dim">{formatClock(n.at)}</span> <strong>{TAG_LABEL.get(n.tag) ?? n.tag}</strong>
            {n.objective ? <span className="dim"> · {titles.get(n.objective) ?? n.objective}</span> : null}
            <div className="note-text">{n.text}</div>
          </li>
        ))}
      </ol>
    </>
  );
}
