// Quick notes, keyboard first: `n` focuses the box, Alt+1/2/3 pick the tag, Enter saves
// (Shift+Enter for a new line). The notes taken are listed below, each with Edit and Delete: a
// correction is a new event in the log (note.edited / note.deleted), never a change to the old one.
import { forwardRef, useState } from 'react';
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

type Note = FacilitatorView['notes'][number];

export interface NoteCorrections {
  /** Saves the note's new text, tag and objective; resolves true when the engine took it. */
  onEdit: (note: Note, draft: NoteDraft) => Promise<boolean>;
  onDelete: (note: Note) => Promise<boolean>;
}

export const NoteComposer = forwardRef<HTMLTextAreaElement, {
  draft: NoteDraft;
  onChange: (draft: NoteDraft) => void;
  onSubmit: () => void;
  objectives: { id: string; title: string }[];
  notes: FacilitatorView['notes'];
} & NoteCorrections>(function NoteComposer({ draft, onChange, onSubmit, objectives, notes, onEdit, onDelete }, ref) {
  return (
    <>
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
    </form>
    <NoteList notes={notes} objectives={objectives} onEdit={onEdit} onDelete={onDelete} />
    </>
  );
});

const TAG_LABEL = new Map(NOTE_TAGS.map((t) => [t.tag, t.label]));

/** The notes taken so far, newest first, with their time, tag and objective as the report will print them. */
function NoteList({ notes, objectives, onEdit, onDelete }: { notes: FacilitatorView['notes']; objectives: { id: string; title: string }[] } & NoteCorrections) {
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  if (notes.length === 0) return <p className="dim">No notes yet.</p>;
  return (
    <>
      <p className="dim">{notes.length === 1 ? '1 note' : `${notes.length} notes`}, newest first</p>
      <ol className="note-list" reversed aria-label="Notes taken">
        {[...notes].reverse().map((n) => (
          <NoteItem key={n.seq} note={n} objectives={objectives} objectiveTitle={n.objective ? titles.get(n.objective) ?? n.objective : null} onEdit={onEdit} onDelete={onDelete} />
        ))}
      </ol>
    </>
  );
}

function NoteItem({ note, objectives, objectiveTitle, onEdit, onDelete }: { note: Note; objectives: { id: string; title: string }[]; objectiveTitle: string | null } & NoteCorrections) {
  const [mode, setMode] = useState<'show' | 'edit' | 'delete'>('show');
  const [draft, setDraft] = useState<NoteDraft>({ text: note.text, tag: note.tag, objective: note.objective ?? '' });
  const when = formatClock(note.at);
  if (mode === 'edit') {
    const save = async () => { if (draft.text.trim() && (await onEdit(note, { ...draft, text: draft.text.trim() }))) setMode('show'); };
    return (
      <li>
        <form className="stack" aria-label={`Edit the note of ${when}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <textarea rows={2} value={draft.text} maxLength={4000} aria-label="Edited note text" autoFocus
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setMode('show'); } }} />
          <div className="row">
            <select aria-label="Tag of the edited note" value={draft.tag} onChange={(e) => setDraft({ ...draft, tag: e.target.value as NoteTag })}>
              {NOTE_TAGS.map((t) => <option key={t.tag} value={t.tag}>{t.label}</option>)}
            </select>
            <select aria-label="Objective of the edited note" value={draft.objective} onChange={(e) => setDraft({ ...draft, objective: e.target.value })}>
              <option value="">No objective</option>
              {objectives.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
            </select>
            <button type="submit" className="small primary" disabled={!draft.text.trim()}>Save the edit</button>
            <button type="button" className="small" onClick={() => setMode('show')}>Cancel</button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li>
      <span className="dim">{when}</span> <strong>{TAG_LABEL.get(note.tag) ?? note.tag}</strong>
      {objectiveTitle ? <span className="dim"> · {objectiveTitle}</span> : null}
      <div className="note-text">{note.text}</div>
      {mode === 'delete' ? (
        <div className="row" role="group" aria-label={`Delete the note of ${when}?`}>
          <span>Delete this note? It leaves the debrief and the reports.</span>
          <button type="button" className="small danger" onClick={async () => { if (!(await onDelete(note))) setMode('show'); }}>Delete the note</button>
          <button type="button" className="small" onClick={() => setMode('show')}>Keep it</button>
        </div>
      ) : (
        <div className="row">
          <button type="button" className="small" aria-label={`Edit the note of ${when}`} onClick={() => { setDraft({ text: note.text, tag: note.tag, objective: note.objective ?? '' }); setMode('edit'); }}>Edit</button>
          <button type="button" className="small" aria-label={`Delete the note of ${when}`} onClick={() => setMode('delete')}>Delete</button>
        </div>
      )}
    </li>
  );
}
