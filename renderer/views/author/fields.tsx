// The inputs of the forms: a text field edited in place, and an id field that renames on commit
// (Enter or leaving the field) so that every reference follows and a half-typed id is never tried.
import { useEffect, useId, useState } from 'react';

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
