// Past sessions: reopen one, or pick runs of the same scenario to compare.
import { useEffect, useState } from 'react';
import { useApp } from '../../store/use-app.ts';
import { Empty, Load } from '../../components/states.tsx';
import { formatPercent } from '../../components/format.ts';
import { fmtSessionStart } from '../../../core/report/format.ts';
import { href, navigate } from '../../app/navigation.ts';

export function HistoryView() {
  const sessions = useApp((s) => s.sessions);
  const loadSessions = useApp((s) => s.loadSessions);
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => { void loadSessions(); }, [loadSessions]);

  return (
    <div className="stack">
      <h1>History</h1>
      <Load value={sessions} what="past sessions" onRetry={() => void loadSessions()}>
        {(list) => {
          if (list.length === 0) return <Empty>No sessions yet. Start one from the library.</Empty>;
          const pickedScenario = list.find((s) => s.sessionId === picked[0])?.scenarioId ?? null;
          return (
            <>
              <table className="grid">
                <caption className="sr-only">Past sessions</caption>
                <thead><tr><th>Compare</th><th>Scenario</th><th>Started</th><th>Facilitator</th><th>Status</th><th>Score</th><th>Open</th></tr></thead>
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
    </div>
  );
}
