// Import a master scenario events list from CSV or .xlsx: choose the file (and, in a workbook, the
// sheet), map its columns (guessed from the headers), say how a two-part time reads, see the first
// rows as injects and every bad cell by row and column, then append the good rows or merge them
// into injects with the same ids. A workbook is read by core's xlsx-import into the same table as
// a CSV file, so the mapping, preview and problems are one code path; rows keep the sheet's numbers.
import { useMemo, useState } from 'react';
import { CsvFileError, EVENT_FIELDS, guessMapping, importTable, openXlsx, readCsvTable, type ClockForm, type ColumnMapping, type CsvTable, type XlsxWorkbook } from '../../../core/author/index.ts';
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
  const [book, setBook] = useState<{ name: string; workbook: XlsxWorkbook; sheet: number } | null>(null);
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

  function show(read: CsvTable) {
    setTable(read);
    setMapping(guessMapping(read.headers));
  }

  async function choose(file: File | undefined) {
    setFileError(null);
    setTable(null);
    setBook(null);
    if (!file) return;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A zip (PK) or an old binary workbook goes to the workbook reader, which names what it is; else CSV text.
      if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf) || /\.xlsx?$/i.test(file.name)) {
        const workbook = openXlsx(bytes);
        setBook({ name: file.name, workbook, sheet: 0 });
        show(workbook.table(0));
      } else show(readCsvTable(new TextDecoder('utf-8').decode(bytes)));
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      setFileError(`${file.name}: ${error.message}`);
    }
  }

  function pickSheet(index: number) {
    if (!book) return;
    setFileError(null);
    setTable(null);
    setBook({ ...book, sheet: index });
    try {
      show(book.workbook.table(index));
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      setFileError(`${book.name}, sheet '${book.workbook.sheets[index] ?? ''}': ${error.message}`);
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
      <h2 id="csv-title">Import events…</h2>
      <p className="dim">An events list from a CSV file or an Excel workbook (.xlsx): one row per inject, the first row naming the columns.</p>
      <label>Events file (CSV or XLSX) <input type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} /></label>
      {book && book.workbook.sheets.length > 1 ? (
        <label>Sheet{' '}
          <select value={book.sheet} onChange={(e) => pickSheet(Number(e.target.value))}>
            {book.workbook.sheets.map((name, i) => <option key={i} value={i}>{name}</option>)}
          </select>
        </label>
      ) : null}
      {fileError ? <p className="error-box user-text" role="alert">{fileError}</p> : null}
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
