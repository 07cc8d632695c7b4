// Import a master scenario events list from CSV: choose the file, map its columns (guessed from
// the headers), say how a two-part time reads, see the first rows as injects and every bad cell by
// row and column, then append the good rows or merge them into injects with the same ids.
import { useMemo, useState } from 'react';
import { CsvFileError, EVENT_FIELDS, guessMapping, importTable, readCsvTable, type ClockForm, type ColumnMapping, type CsvTable } from '../../../core/author/index.ts';
import { isRecord } from '../../../core/scenario/path.ts';
import type { AuthorEditor } from './use-author-document.ts';
import { injectIds } from './FormsTab.tsx';

const LABEL: Record<(typeof EVENT_FIELDS)[number], string> = {
  id: 'Id', time: 'Time', after: 'After (inject id)', delay: 'Delay', when: 'When (condition)', to: 'To', channel: 'Channel',
  from: 'From', story_time: 'Story time', title: 'Title', body: 'Body', facilitator_notes: 'Facilitator notes',
};

const cell = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : v === undefined ? '' : JSON.stringify(v));

export function CsvImportDialog({ editor, onClose }: { editor: AuthorEditor; onClose: (message: string | null) => void }) {
  const [table, setTable] = useState<CsvTable | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [clock, setClock] = useState<ClockForm>('mm:ss');
  const [mode, setMode] = useState<'append' | 'merge'>('append');
  const root = editor.value;
  const roles = isRecord(root) && Array.isArray(root.roles)
    ? root.roles.filter(isRecord).map((r) => ({ id: String(r.id), ...(typeof r.title === 'string' ? { title: r.title } : {}) })) : [];
  const existing = injectIds(root);
  const result = useMemo(() => (table ? importTable(table, { mapping, clock, roles, existingIds: existing }) : null),
    // roles and existing ids are read from the text: recompute when it changes.
    [table, mapping, clock, editor.text]);

  async function choose(file: File | undefined) {
    setFileError(null);
    setTable(null);
    if (!file) return;
    try {
      const read = readCsvTable(await file.text());
      setTable(read);
      setMapping(guessMapping(read.headers));
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      setFileError(`${file.name}: ${error.message}`);
    }
  }

  const add = () => {
    if (!result) return;
    let outcome: { added: string[]; updated: string[] } = { added: [], updated: [] };
    if (editor.edit((d) => { outcome = d.importInjects(result.injects, mode); })) {
      onClose(`Imported ${outcome.added.length} new inject${outcome.added.length === 1 ? '' : 's'}${outcome.updated.length ? `, updated ${outcome.updated.length}` : ''}.`);
    }
  };

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="csv-title" className="panel stack">
      <h2 id="csv-title">Import an events list from CSV</h2>
      <label>CSV file <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} /></label>
      {fileError ? <p className="error-box" role="alert">{fileError}</p> : null}
      {table ? (
        <>
          <fieldset className="stack">
            <legend>Columns</legend>
            <div className="row" style={{ flexWrap: 'wrap' }}>
              {EVENT_FIELDS.map((field) => (
                <label key={field}>{LABEL[field]}{' '}
                  <select value={mapping[field] ?? ''} onChange={(e) => setMapping((m) => {
                    const next = { ...m };
                    if (e.target.value) next[field] = e.target.value;
                    else delete next[field];
                    return next;
                  })}>
                    <option value="">(not in the file)</option>
                    {table.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                  </select>
                </label>
              ))}
            </div>
            <div className="row">
              <label>A time like 1:30 reads as{' '}
                <select value={clock} onChange={(e) => setClock(e.target.value as ClockForm)}>
                  <option value="mm:ss">minutes:seconds</option>
                  <option value="h:mm">hours:minutes</option>
                </select>
              </label>
              <label>Add as{' '}
                <select value={mode} onChange={(e) => setMode(e.target.value as 'append' | 'merge')}>
                  <option value="append">new injects after the last one</option>
                  <option value="merge">updates of injects with the same id, new ones after</option>
                </select>
              </label>
            </div>
          </fieldset>
          {result ? (
            <>
              <p>{result.rows} row{result.rows === 1 ? '' : 's'} read, {result.injects.length} inject{result.injects.length === 1 ? '' : 's'} ready, {result.problems.length} problem{result.problems.length === 1 ? '' : 's'}.</p>
              {result.problems.length ? (
                <ul className="error-box" aria-label="Import problems">
                  {result.problems.map((p, i) => <li key={i} className="user-text">{p.text}</li>)}
                </ul>
              ) : null}
              <table className="grid" aria-label="Preview">
                <thead><tr><th>Id</th><th>Time or trigger</th><th>To</th><th>Channel</th><th>Title</th></tr></thead>
                <tbody>
                  {result.preview.map((inject) => (
                    <tr key={inject.id}>
                      <td>{inject.id}</td>
                      <td>{inject.at !== undefined ? cell(inject.at) : inject.after !== undefined ? `after ${cell(inject.after)}` : 'when …'}</td>
                      <td>{Array.isArray(inject.to) ? inject.to.join(', ') : cell(inject.to)}</td>
                      <td>{cell(inject.channel)}</td>
                      <td className="user-text">{inject.title}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
      {editor.refused ? <p className="error-box" role="alert">{editor.refused}</p> : null}
      <div className="row">
        <button type="button" className="primary" disabled={!result || result.injects.length === 0} onClick={add}>
          Add {result ? result.injects.length : 0} inject{result?.injects.length === 1 ? '' : 's'}
        </button>
        <button type="button" onClick={() => onClose(null)}>Cancel</button>
      </div>
    </div>
  );
}
