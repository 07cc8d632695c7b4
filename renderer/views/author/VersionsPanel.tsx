// The versions of one library entry (issue 17, item 6): every save with its time, note and whether
// it was ready to run, the sessions that ran it, the change list between two chosen versions, a
// restore (a new version with the old text: history is never rewritten) and a save of a version's
// text to a file. Self-contained: it talks to the Bridge itself, so the Author view only mounts it.
import { useCallback, useEffect, useState } from 'react';
import { downloadText } from './save.ts';
import type { BridgeError, LibraryVersion, VersionDiff } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatTimeOfDay } from '../../components/format.ts';

type Loaded<T> = { status: 'loading' } | { status: 'error'; error: BridgeError } | { status: 'ready'; value: T };

function savedAt(v: LibraryVersion): string {
  return v.savedAt === null ? 'shipped' : `${formatDate(v.savedAt)} ${formatTimeOfDay(v.savedAt)}`;
}

export function VersionsPanel({ entryId, onRestored }: {
  entryId: string;
  /** Told after a restore, with the new version's number (the Author view reloads its text). */
  onRestored?: (version: number) => void;
}) {
  const bridge = useBridge();
  const [versions, setVersions] = useState<Loaded<LibraryVersion[]>>({ status: 'loading' });
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Loaded<VersionDiff> | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await bridge.request('library.versions', { entryId });
    if (!result.ok) {
      setVersions({ status: 'error', error: result.error });
      return;
    }
    setVersions({ status: 'ready', value: result.value });
    const last = result.value.length;
    setTo(last);
    setFrom(Math.max(1, last - 1));
  }, [bridge, entryId]);

  useEffect(() => { setDiff(null); setMessage(null); void load(); }, [load]);

  async function compare() {
    if (from === null || to === null) return;
    setDiff({ status: 'loading' });
    const result = await bridge.request('library.diff', { entryId, from, to });
    setDiff(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
  }

  async function restore(version: number) {
    setBusy(true);
    try {
      const result = await bridge.request('library.restore', { entryId, version });
      if (!result.ok) {
        setMessage({ text: result.error.message, error: true });
        return;
      }
      setMessage({ text: `Version ${version} restored as version ${result.value.version}.`, error: false });
      setDiff(null);
      await load();
      onRestored?.(result.value.version);
    } finally {
      setBusy(false);
    }
  }

  async function saveToFile(version: number) {
    const result = await bridge.request('library.version', { entryId, version });
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    downloadText(result.value.fileName, result.value.text, 'application/yaml');
    setMessage({ text: `Saved version ${version} as ${result.value.fileName}.`, error: false });
  }

  if (versions.status === 'loading') return <Loading what="the versions" />;
  if (versions.status === 'error') return <ErrorState title="Could not load the versions" error={versions.error} onRetry={() => void load()} />;
  const list = versions.value;
  const latest = list.length;

  return (
    <section className="stack" aria-label="Versions">
      <h2>Versions</h2>
      {message ? <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-box user-text' : 'user-text'}>{message.text}</p> : null}
      <table>
        <caption className="dim">Every save is kept; a restore adds a new version with the old text.</caption>
        <thead>
          <tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">Note</th><th scope="col">State</th><th scope="col">Sessions</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>
          {[...list].reverse().map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}{v.version === latest ? ' (latest)' : ''}</th>
              <td>{savedAt(v)}</td>
              <td className="user-text">{v.note || <span className="dim">no note</span>}</td>
              <td>{v.ready ? 'ready' : <span className="badge">has errors</span>}</td>
              <td>{v.sessionIds.length === 0 ? '' : `ran ${v.sessionIds.length} session${v.sessionIds.length === 1 ? '' : 's'}`}</td>
              <td className="row">
                <button type="button" disabled={busy || v.version === latest} onClick={() => void restore(v.version)}
                  aria-label={`Restore version ${v.version}`}>Restore</button>
                <button type="button" onClick={() => void saveToFile(v.version)} aria-label={`Save version ${v.version} to a file`}>Save to file</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {latest > 1 ? (
        <div className="row">
          <label>From <select value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
            {list.map((v) => <option key={v.version} value={v.version}>{`version ${v.version}`}</option>)}
          </select></label>
          <label>To <select value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
            {list.map((v) => <option key={v.version} value={v.version}>{`version ${v.version}`}</option>)}
          </select></label>
          <button type="button" onClick={() => void compare()}>Compare</button>
        </div>
      ) : null}
      {diff === null ? null : diff.status === 'loading' ? <Loading what="the changes" /> : diff.status === 'error'
        ? <ErrorState title="Could not compare" error={diff.error} />
        : (
          <div aria-label={`Changes from version ${diff.value.from} to version ${diff.value.to}`} role="region">
            <h3>{`Changes from version ${diff.value.from} to version ${diff.value.to}`}</h3>
            {diff.value.changes.length === 0 ? <p className="dim">No change to the exercise (only layout or comments, if anything).</p> : (
              <ul>
                {diff.value.changes.map((c, i) => <li key={i} className="user-text" data-change={c.change}>{c.text}</li>)}
              </ul>
            )}
          </div>
        )}
    </section>
  );
}
