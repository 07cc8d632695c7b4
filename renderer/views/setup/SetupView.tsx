// Session setup: who facilitates, who sits at which roles (one person may hold several; a role
// may stay empty), whether a room screen is used and how roles enter decisions.
import { useEffect, useState } from 'react';
import { useApp } from '../../store/use-app.ts';
import { useBridge } from '../../bridge/context.tsx';
import { Load } from '../../components/states.tsx';
import { navigate } from '../../app/navigation.ts';
import type { LibraryEntryDetail } from '../../../core/protocol/bridge.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';
import { LintList, lintSummary } from '../library/LintFindings.tsx';

interface Row {
  key: number;
  name: string;
  roles: string[];
}

let nextKey = 1;

function SetupForm({ entry }: { entry: LibraryEntryDetail }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const [facilitator, setFacilitator] = useState('');
  const [rows, setRows] = useState<Row[]>(() => entry.scenario.roles.map((r) => ({ key: nextKey++, name: '', roles: [r.id] })));
  const [roomScreen, setRoomScreen] = useState(true);
  const [seating, setSeating] = useState<'hot-seat' | 'own-devices'>('hot-seat');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const seated = new Set(rows.filter((r) => r.name.trim()).flatMap((r) => r.roles));
  const emptyRoles = entry.scenario.roles.filter((r) => !seated.has(r.id));

  async function submit() {
    setError(null);
    if (!facilitator.trim()) {
      setError('Enter the facilitator\'s name.');
      return;
    }
    const participants = rows.filter((r) => r.name.trim() && r.roles.length > 0).map((r) => ({ name: r.name.trim(), roles: r.roles }));
    setBusy(true);
    const result = await bridge.request('sessions.create', { entryId: entry.entryId, facilitator: facilitator.trim(), participants, roomScreen, seating });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast(`Session created for ${entry.title}.`);
    navigate({ view: 'console', sessionId: result.value.sessionId });
  }

  return (
    <form className="stack" style={{ maxWidth: 980 }} onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-labelledby="setup-title">
      <h1 id="setup-title">New session: {entry.title}</h1>
      <section className="panel stack">
        <h2>Facilitator</h2>
        <label>Name <input value={facilitator} onChange={(e) => setFacilitator(e.target.value)} maxLength={LIMITS.name} required autoFocus /></label>
      </section>
      <section className="panel stack">
        <h2>Participants and seats</h2>
        <table className="grid">
          <thead><tr><th>Name</th>{entry.scenario.roles.map((r) => <th key={r.id}>{r.title}</th>)}<th><span className="sr-only">Remove</span></th></tr></thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                <td><input aria-label={`Participant ${index + 1} name`} value={row.name} maxLength={LIMITS.name} onChange={(e) => update(row.key, { name: e.target.value })} /></td>
                {entry.scenario.roles.map((role) => (
                  <td key={role.id}>
                    <input type="checkbox" aria-label={`Participant ${index + 1} plays ${role.title}`} checked={row.roles.includes(role.id)}
                      onChange={(e) => update(row.key, { roles: e.target.checked ? [...row.roles, role.id] : row.roles.filter((x) => x !== role.id) })} />
                  </td>
                ))}
                <td><button type="button" className="small" onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))} aria-label={`Remove participant ${index + 1}`}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button type="button" onClick={() => setRows((rs) => [...rs, { key: nextKey++, name: '', roles: [] }])}>Add a participant</button>
          {emptyRoles.length ? <span className="dim">No one plays: {emptyRoles.map((r) => r.title).join(', ')} (allowed).</span> : null}
        </div>
      </section>
      <section className="panel stack">
        <h2>Screens</h2>
        <label><input type="checkbox" checked={roomScreen} onChange={(e) => setRoomScreen(e.target.checked)} /> Show a room screen on a projector</label>
        <fieldset className="row" style={{ border: 0, padding: 0 }}>
          <legend className="dim">Roles enter decisions</legend>
          <label><input type="radio" name="seating" checked={seating === 'hot-seat'} onChange={() => setSeating('hot-seat')} /> in turns on this shared screen</label>
          <label><input type="radio" name="seating" checked={seating === 'own-devices'} onChange={() => setSeating('own-devices')} /> each on their own device</label>
        </fieldset>
      </section>
      <SetupWarnings entry={entry} />
      {error ? <div className="error-box" role="alert"><p className="user-text">{error}</p></div> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create session'}</button>
        <button type="button" onClick={() => navigate({ view: 'library', entryId: entry.entryId })}>Back to the library</button>
      </div>
    </form>
  );
}

/** A scenario with lint warnings may run (only errors stop it); the facilitator sees them before the start. */
function SetupWarnings({ entry }: { entry: LibraryEntryDetail }) {
  const warnings = entry.lint.filter((f) => f.severity === 'warning' && f.silenced === undefined);
  if (warnings.length === 0) return null;
  return (
    <section className="panel stack" aria-labelledby="setup-lint">
      <h2 id="setup-lint">Before you start: {lintSummary(entry.lint)}</h2>
      <p className="dim">The scenario runs with these; fix them in the Author view for a fairer exercise.</p>
      <LintList findings={warnings} label="Lint warnings" />
    </section>
  );
}

export function SetupView({ entryId }: { entryId: string }) {
  const preview = useApp((s) => s.preview);
  const loadPreview = useApp((s) => s.loadPreview);
  useEffect(() => { void loadPreview(entryId); }, [entryId, loadPreview]);
  const matching = preview.status === 'ready' && preview.value.entryId !== entryId ? { status: 'loading' as const } : preview;
  return (
    <Load value={matching} what="the scenario" onRetry={() => void loadPreview(entryId)}>
      {(entry) => <SetupForm entry={entry} />}
    </Load>
  );
}
