// Past sessions: reopen one, or pick runs of the same scenario to compare; bring in other
// facilitators' runs from their session bundles (kept read-only, each once); the trends below.
import { useEffect, useRef, useState } from 'react';
import type { SessionSummary } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import { fileAsBase64 } from '../../components/download.ts';
import { useApp } from '../../store/use-app.ts';
import { TrendsPanel } from './TrendsPanel.tsx';
import { Empty, Load } from '../../components/states.tsx';
import { formatPercent } from '../../components/format.ts';
import { fmtSessionStart } from '../../../core/report/format.ts';
import { href, navigate } from '../../app/navigation.ts';

const OUTCOME: Record<'imported' | 'already-imported' | 'exists-locally', string> = {
  imported: 'imported',
  'already-imported': 'already here (imported before), nothing added',
  'exists-locally': 'already here (a run of this file), left as it is',
};

function Origin({ s }: { s: SessionSummary }) {
  if (!s.origin) return <span className="dim">this file</span>;
  return <span className="badge accent" title={`Exported ${fmtSessionStart(s.origin.exportedAt)} by Drillbook ${s.origin.appVersion}; imported ${fmtSessionStart(s.origin.importedAt)}. Read-only.`}>Imported: {s.origin.bundleFile}</span>;
}

/** Picks .drillbook files and keeps their sessions in the data file (read-only, each once). */
function ImportBundles({ onDone }: { onDone: () => void }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function importFiles(list: FileList | null) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    try {
      const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, content: await fileAsBase64(f) })));
      const result = await bridge.request('sessions.importBundles', { files: payload });
      if (!result.ok) {
        toast(result.error.message, 'error');
        return;
      }
      for (const r of result.value) {
        if (r.outcome === 'refused') toast(`${r.fileName}: ${r.message ?? 'not a session bundle'}`, 'error');
        else toast(`${r.fileName}: ${OUTCOME[r.outcome]}`);
      }
      onDone();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }
  return (
    <label className="button">
      {busy ? 'Importing…' : 'Import session bundles…'}
      <input ref={input} type="file" accept=".drillbook" multiple className="sr-only" disabled={busy} onChange={(e) => void importFiles(e.target.files)} />
    </label>
  );
}

export function HistoryView() {
  const sessions = useApp((s) => s.sessions);
  const loadSessions = useApp((s) => s.loadSessions);
  const loadTrends = useApp((s) => s.loadTrends);
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => { void loadSessions(); }, [loadSessions]);

  return (
    <div className="stack">
      <h1>History</h1>
      <div className="row">
        <ImportBundles onDone={() => { void loadSessions(); void loadTrends(); }} />
        <span className="dim">Other facilitators' runs (.drillbook files) are kept here read-only, each once.</span>
      </div>
      <Load value={sessions} what="past sessions" onRetry={() => void loadSessions()}>
        {(list) => {
          if (list.length === 0) return <Empty>No sessions yet. Start one from the library.</Empty>;
          const pickedScenario = list.find((s) => s.sessionId === picked[0])?.scenarioId ?? null;
          return (
            <>
              <table className="grid">
                <caption className="sr-only">Past sessions</caption>
                <thead><tr><th>Compare</th><th>Scenario</th><th>Started</th><th>Facilitator</th><th>Origin</th><th>Status</th><th>Score</th><th>Open</th></tr></thead>
                <tbody>
                  {[...list].reverse().map((s) => (
                    <tr key={s.sessionId}>
                      <td>
                        <input type="checkbox" aria-label={s.startedAt === null ? `Compare the run set up ${fmtSessionStart(s.createdAt)}` : `Compare the run started ${fmtSessionStart(s.startedAt)}`} checked={picked.includes(s.sessionId)}
                          disabled={pickedScenario !== null && pickedScenario !== s.scenarioId}
                          onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s.sessionId] : p.filter((x) => x !== s.sessionId)))} />
                      </td>
                      <td>{s.scenarioTitle}</td>
                      {/* The same start as `drillbook sessions` and the report: the clock's first start, in UTC. */}
                      <td>{fmtSessionStart(s.startedAt)}</td>
                      <td>{s.facilitator}</td>
                      <td><Origin s={s} /></td>
                      <td><span className={s.status === 'ended' ? 'badge ok' : 'badge warn'}>{s.status}</span></td>
                      <td>{formatPercent(s.percent)}</td>
                      <td>
                        <a href={href(s.status === 'ended' ? { view: 'debrief', sessionId: s.sessionId } : { view: 'console', sessionId: s.sessionId })}>
                          {s.status === 'ended' ? 'Debrief' : 'Reopen'}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="row">
                <button type="button" className="primary" disabled={picked.length < 2} onClick={() => navigate({ view: 'compare', sessionIds: picked })}>
                  Compare {picked.length || ''} runs
                </button>
                <span className="dim">Pick two or more runs of the same scenario.</span>
              </div>
            </>
          );
        }}
      </Load>
      <TrendsPanel />
    </div>
  );
}
