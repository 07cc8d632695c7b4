// The Events tab: the master scenario events list as a table, one row per inject. Rows can be
// selected together for a bulk edit: shift their times, set their channel or their recipients.
import { useState } from 'react';
import { eventRows, type EventRow } from '../../../core/author/index.ts';
import { formatDuration, parseDuration } from '../../../core/scenario/duration.ts';
import { CHANNELS } from '../../../core/scenario/types.ts';
import { isRecord } from '../../../core/scenario/path.ts';
import type { AuthorEditor } from './use-author-document.ts';
import type { Selection } from './selection.ts';
import { freshInject, injectIds, RecipientsField } from './FormsTab.tsx';
import { ItemButtons, nextId } from './fields.tsx';

function when(row: EventRow): string {
  const t = row.trigger;
  const delay = (d: number | null) => (d ? ` + ${formatDuration(d)}` : '');
  switch (t.kind) {
    case 'at': return t.text;
    case 'after': return `after ${t.inject}${delay(t.delay)}`;
    case 'when': return `when ${t.summary}${delay(t.delay)}`;
    case 'none': return '(no time)';
  }
}

/** "+2m", "-30s", "1:00": a signed duration in seconds, or null. */
export function parseShift(text: string): number | null {
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const seconds = parseDuration(t.replace(/^[+-]\s*/, ''));
  return seconds === null ? null : sign * seconds;
}

export function EventsTab({ editor, selection, onOpen }: { editor: AuthorEditor; selection: Selection | null; onOpen: (s: Selection) => void }) {
  const { edit } = editor;
  const [checked, setChecked] = useState<string[]>([]);
  const [shift, setShift] = useState('+1m');
  const [channel, setChannel] = useState<string>(CHANNELS[0]);
  const [note, setNote] = useState<string | null>(null);
  const root = editor.value;
  if (!isRecord(root)) return <p className="error-box" role="alert">The YAML does not parse, so the events list cannot show it. Fix it in the YAML tab.</p>;
  const rows = eventRows(root);
  const roles = Array.isArray(root.roles) ? root.roles.filter((r): r is { id: string } => isRecord(r) && typeof r.id === 'string') : [];
  const live = checked.filter((id) => rows.some((r) => r.id === id));
  const toggle = (id: string, on: boolean) => setChecked((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const selectedInject = selection?.kind === 'inject' ? selection.id : selection?.kind === 'prompt' ? selection.injectId : undefined;

  const applyShift = () => {
    const seconds = parseShift(shift);
    if (seconds === null) {
      setNote(`'${shift}' is not a shift: write a duration such as +2m, -30s or +1:00.`);
      return;
    }
    edit((d) => {
      const { skipped } = d.shiftTimes(live, seconds);
      setNote(skipped.length ? `Not shifted (they follow another inject or a condition): ${skipped.join(', ')}.` : null);
    });
  };

  return (
    <div className="stack">
      <section className="panel row" aria-label="Bulk edit">
        <span>{live.length} selected</span>
        <label>Shift by <input value={shift} onChange={(e) => setShift(e.target.value)} size={6} /></label>
        <button type="button" disabled={live.length === 0} onClick={applyShift}>Shift times</button>
        <label>Channel{' '}
          <select value={channel} onChange={(e) => setChannel(e.target.value)} aria-label="Channel for the selected rows">
            {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <button type="button" disabled={live.length === 0} onClick={() => edit((d) => d.setChannel(live, channel))}>Set channel</button>
        {live.length > 0 ? <RecipientsField label="Recipients of the selected rows" value="" roles={roles} onApply={(to) => edit((d) => d.setTo(live, to))} /> : null}
        {note ? <span role="status" className="dim">{note}</span> : null}
      </section>
      <table className="grid" aria-label="Master scenario events list">
        <thead>
          <tr><th><span className="sr-only">Select</span></th><th>Time or trigger</th><th>To</th><th>Channel</th><th>Title</th><th>Prompts</th><th><span className="sr-only">Order</span></th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.index}-${row.id}`} className={row.id === selectedInject ? 'selected' : undefined} aria-selected={row.id === selectedInject}>
              <td><input type="checkbox" aria-label={`Select ${row.id}`} checked={live.includes(row.id)} onChange={(e) => toggle(row.id, e.target.checked)} /></td>
              <td>{when(row)}</td>
              <td>{row.to === 'all' ? 'all' : row.to.join(', ')}</td>
              <td>{row.channel}</td>
              <td><button type="button" className="link" onClick={() => onOpen({ kind: 'inject', id: row.id })}>{row.title || row.id}</button></td>
              <td>{row.prompts}</td>
              <td>
                <ItemButtons name={`inject ${row.id}`} index={row.index} count={rows.length}
                  onMove={(to) => edit((d) => d.reorder('inject', row.id, to))}
                  onDuplicate={() => edit((d) => { d.duplicate('inject', row.id); })}
                  onDelete={() => edit((d) => d.delete('inject', row.id))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button type="button" onClick={() => edit((d) => d.add('inject', freshInject(d, nextId('inject', injectIds(root)))))}>Add an inject</button>
      </div>
    </div>
  );
}
