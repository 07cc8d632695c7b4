// Import a scenario by file picker or by dropping a file. A broken file shows the validator's
// errors, each with its line, column and key path, so the author can fix the YAML, and after them
// what drillbook lint finds in the text; an imported file shows the lint's findings.
import { useRef, useState } from 'react';
import { MAX_SCENARIO_BYTES } from '../../../core/protocol/bridge.ts';
import { decodeScenarioBytes } from '../../../core/scenario/decode.ts';
import { useApp } from '../../store/use-app.ts';
import { navigate } from '../../app/navigation.ts';
import { LintList, lintSummary } from './LintFindings.tsx';

export function ImportBox() {
  const importScenario = useApp((s) => s.importScenario);
  const lastImport = useApp((s) => s.lastImport);
  const clearImport = useApp((s) => s.clearImport);
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  async function importFile(file: File) {
    setLocalError(null);
    clearImport();
    if (file.size > MAX_SCENARIO_BYTES) {
      setLocalError(`${file.name} is ${Math.round(file.size / 1024)} KiB; a scenario file may be at most 1 MiB.`);
      return;
    }
    setBusy(true);
    try {
      // Blob.text() would turn bytes that are not UTF-8 into U+FFFD; the format refuses them.
      const decoded = decodeScenarioBytes(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        setLocalError(`${file.name} was not imported: line ${decoded.line}, column ${decoded.column}: ${decoded.message}`);
        return;
      }
      const entry = await importScenario(file.name, decoded.text);
      if (entry) navigate({ view: 'library', entryId: entry.entryId });
    } finally {
      setBusy(false);
    }
  }

  const error = lastImport?.error ?? null;
  const lint = (lastImport?.lint ?? []).filter((f) => f.silenced === undefined);
  return (
    <section className="stack" aria-label="Import a scenario">
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file) void importFile(file);
        }}
      >
        <p>Drop a scenario file (.yaml) here, or</p>
        <button type="button" className="primary" disabled={busy} onClick={() => inputRef.current?.click()}>
          {busy ? 'Importing…' : 'Import a scenario…'}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".yaml,.yml,text/yaml"
          className="sr-only"
          aria-label="Scenario file"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {localError ? <div className="error-box" role="alert"><p>{localError}</p></div> : null}
      {error ? (
        <div className="error-box" role="alert">
          <h3>{lastImport?.fileName} was not imported</h3>
          <p className="user-text">{error.message}</p>
          {error.errors?.length ? (
            <ul className="load-errors" aria-label="Errors in the file">
              {error.errors.map((e, i) => (
                <li key={i}>
                  <code>line {e.line}, column {e.column}</code>{e.path ? <> at <code>{e.path}</code></> : null}: <span className="user-text">{e.message}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {error.lint?.length ? (
            <>
              <p>drillbook lint also found:</p>
              <LintList findings={error.lint} label="Lint findings in the file" />
            </>
          ) : null}
          <button type="button" className="small" onClick={clearImport}>Dismiss</button>
        </div>
      ) : null}
      {!error && lastImport && lint.length > 0 ? (
        <div className="panel" role="status">
          <h3>{lastImport.fileName} was imported</h3>
          <p>drillbook lint: {lintSummary(lint)}.</p>
          <LintList findings={lint} label="Lint findings in the file" />
          <button type="button" className="small" onClick={clearImport}>Dismiss</button>
        </div>
      ) : null}
    </section>
  );
}
