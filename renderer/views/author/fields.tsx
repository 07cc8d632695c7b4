// The inputs of the forms: a text field edited in place, and an id field that renames on commit
// (Enter or leaving the field) so that every reference follows and a half-typed id is never tried.
import { useEffect, useId, useRef, useState } from 'react';
import { isRecord } from '../../../core/scenario/path.ts';

export type Item = Record<string, unknown> & { id: string };

/** The mappings with an id of a list (what the author is typing may not be one yet). */
export const items = (v: unknown): Item[] => (Array.isArray(v) ? v.filter((x): x is Item => isRecord(x) && typeof x.id === 'string') : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Scroll the selected element into view when the problems panel selects it. */
export function useReveal(selected: boolean) {
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return ref;
}

export function TextField({ label, value, onChange, multiline = false }: { label: string; value: unknown; onChange: (v: string) => void; multiline?: boolean }) {
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const id = useId();
  // A textarea is labelled by reference, not wrapped: a wrapping label's name would take in its text.
  return multiline ? (
    <div className="stack" style={{ gap: 4 }}><label htmlFor={id}>{label}</label><textarea id={id} rows={3} value={shown} onChange={(e) => onChange(e.target.value)} /></div>
  ) : (
    <label>{label} <input value={shown} onChange={(e) => onChange(e.target.value)} /></label>
  );
}

export function IdField({ label, value, onRename }: { label: string; value: string; onRename: (next: string) => boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    if (!onRename(draft)) setDraft(value);
  };
  return (
    <label>{label} <input value={draft} spellCheck={false} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }} /></label>
  );
}

/**
 * A text applied on leaving the field (or Enter, on one line): for values parsed from what is typed
 * (keyword groups, a list of words), so a half-typed one is never written and re-read under the cursor.
 */
export function CommitField({ label, value, onCommit, multiline = false, hint }: { label: string; value: string; onCommit: (text: string) => void; multiline?: boolean; hint?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const id = useId();
  const commit = (text: string) => { if (text !== value) onCommit(text); };
  const described = hint ? `${id}-hint` : undefined;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <label htmlFor={id}>{label}</label>
      {multiline
        ? <textarea id={id} rows={3} value={draft} spellCheck={false} aria-describedby={described} onChange={(e) => setDraft(e.target.value)} onBlur={(e) => commit(e.target.value)} />
        : <input id={id} value={draft} spellCheck={false} aria-describedby={described} onChange={(e) => setDraft(e.target.value)} onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(e.currentTarget.value); } }} />}
      {hint ? <span id={described} className="dim">{hint}</span> : null}
    </div>
  );
}

/** A select of ids with a "(none)" choice; an id that is not in the list stays shown as it is. */
export function IdSelect({ label, value, choices, onChange, none = '(none)' }: { label: string; value: string; choices: { id: string; label: string }[]; onChange: (id: string) => void; none?: string | null }) {
  return (
    <label>{label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== null || value === '' ? <option value="">{none ?? '(none)'}</option> : null}
        {value !== '' && !choices.some((c) => c.id === value) ? <option value={value}>{value}</option> : null}
        {choices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
      </select>
    </label>
  );
}

/** Up, down, duplicate, delete for one element of a list. */
export function ItemButtons({ name, index, count, onMove, onDuplicate, onDelete }: {
  name: string; index: number; count: number;
  onMove: (to: number) => void; onDuplicate: () => void; onDelete: () => void;
}) {
  return (
    <div className="row">
      <button type="button" className="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${name} up`}>↑</button>
      <button type="button" className="small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${name} down`}>↓</button>
      <button type="button" className="small" onClick={onDuplicate} aria-label={`Duplicate ${name}`}>Duplicate</button>
      <button type="button" className="small" onClick={onDelete} aria-label={`Delete ${name}`}>Delete</button>
    </div>
  );
}

/** BASE-1, BASE-2... the first not in `used`. */
export function nextId(base: string, used: readonly string[]): string {
  for (let n = 1; ; n++) if (!used.includes(`${base}-${n}`)) return `${base}-${n}`;
}
