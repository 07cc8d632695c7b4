// The corrective-action register (issue 18): every improvement-plan item of every session, with its
// owner organisation, capability, dates and status; filters; a status changed here is kept in the
// data file; CSV and JSON exports with stable ids, and a CSV brought back updates statuses.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MAX_REGISTER_CSV_BYTES, type BridgeError } from '../../../core/protocol/bridge.ts';
import { LIMITS } from '../../../core/protocol/fields.ts';
import { ACTION_STATUSES, type ActionFieldChange, type ActionStatus, type RegisterAction, type RegisterFilter } from '../../../core/protocol/register.ts';
import { filterRegister } from '../../../core/service/register.ts';
import { useBridge } from '../../bridge/context.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useApp } from '../../store/use-app.ts';
import { href } from '../../app/navigation.ts';
import { downloadFile } from '../../components/download.ts';

type Loaded = { status: 'loading' } | { status: 'error'; error: BridgeError } | { status: 'ready'; all: RegisterAction[] };

const STATUS_BADGE: Record<ActionStatus, string> = { open: 'badge warn', 'in progress': 'badge', done: 'badge ok', validated: 'badge ok' };

export function RegisterView() {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const [filter, setFilter] = useState<RegisterFilter>({});
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [imported, setImported] = useState<{ changes: ActionFieldChange[] } | { error: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // One read of the whole register; the filters apply here, with the same function the host's use.
  const load = useCallback(async () => {
    const all = await bridge.request('register.list', {});
    setLoaded(all.ok ? { status: 'ready', all: all.value } : { status: 'error', error: all.error });
  }, [bridge]);
  useEffect(() => { void load(); }, [load]);

  const shown = useMemo(() => (loaded.status === 'ready' ? filterRegister(loaded.all, filter) : []), [loaded, filter]);
  const choices = useMemo(() => {
    const all = loaded.status === 'ready' ? loaded.all : [];
    const distinct = (values: string[]) => [...new Map(values.filter((v) => v !== '').map((v) => [v.toLowerCase(), v])).values()].sort();
    return { owners: distinct(all.map((a) => a.owner)), capabilities: distinct(all.map((a) => a.capability ?? '')) };
  }, [loaded]);

  async function change(action: RegisterAction, fields: { status?: ActionStatus; contact?: string; start?: string }, done: string) {
    const result = await bridge.request('register.update', { changes: [{ id: action.id, ...fields }] });
    if (!result.ok) toast(result.error.message, 'error');
    else if (result.value.changes.length > 0) toast(done);
    await load();
  }

  async function exportAs(format: 'csv' | 'json') {
    const result = await bridge.request('register.export', { format, filter });
    if (!result.ok) toast(result.error.message, 'error');
    else downloadFile(result.value);
  }

  async function importFile(file: File) {
    if (file.size > MAX_REGISTER_CSV_BYTES) {
      setImported({ error: `${file.name} is ${Math.round(file.size / 1024)} KiB; the app imports register files of at most 1 MiB. Use drillbook register DB --import FILE for larger ones.` });
      return;
    }
    const result = await bridge.request('register.import', { text: await file.text() });
    setImported(result.ok ? { changes: result.value.changes } : { error: result.error.message });
    if (fileRef.current) fileRef.current.value = '';
    await load();
  }

  const toggleStatus = (status: ActionStatus, on: boolean) => setFilter((f) => {
    const next = on ? [...(f.status ?? []), status] : (f.status ?? []).filter((s) => s !== status);
    const { status: _old, ...rest } = f;
    return next.length > 0 ? { ...rest, status: next } : rest;
  });
  const setText = (key: 'owner' | 'capability', value: string) => setFilter((f) => {
    const { [key]: _old, ...rest } = f;
    return value === '' ? rest : { ...rest, [key]: value };
  });

  return (
    <div className="stack">
      <h1>Corrective actions</h1>
      <p className="dim">Every improvement-plan item of every session. A status set here is kept in the data file; a later run of a scenario can validate the actions on its objectives.</p>
      <section className="panel row" aria-label="Filters" style={{ flexWrap: 'wrap', gap: '1rem' }}>
        <fieldset className="row">
          <legend>Status</legend>
          {ACTION_STATUSES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={filter.status?.includes(s) ?? false} onChange={(e) => toggleStatus(s, e.target.checked)} /> {s}
            </label>
          ))}
        </fieldset>
        <label>
          Owner{' '}
          <select value={filter.owner ?? ''} onChange={(e) => setText('owner', e.target.value)}>
            <option value="">All owners</option>
            {choices.owners.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <label>
          Capability{' '}
          <select value={filter.capability ?? ''} onChange={(e) => setText('capability', e.target.value)}>
            <option value="">All capabilities</option>
            {choices.capabilities.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={filter.overdue === true} onChange={(e) => setFilter((f) => {
            const { overdue: _old, ...rest } = f;
            return e.target.checked ? { ...rest, overdue: true } : rest;
          })} /> Overdue only
        </label>
      </section>
      <div className="row">
        <button type="button" onClick={() => void exportAs('csv')}>Export CSV</button>
        <button type="button" onClick={() => void exportAs('json')}>Export JSON</button>
        <button type="button" onClick={() => fileRef.current?.click()}>Import CSV…</button>
        <input ref={fileRef} type="file" accept=".csv,text/csv" hidden aria-label="Register CSV to import"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); }} />
        <span className="dim">An import updates the status, contact and start columns; one bad row or unknown id changes nothing.</span>
      </div>
      {imported && 'error' in imported ? (
        <div className="error-box" role="alert"><pre className="user-text" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{imported.error}</pre></div>
      ) : null}
      {imported && 'changes' in imported ? (
        <section className="panel" aria-label="Import result" role="status">
          {imported.changes.length === 0 ? <p>The file matches the register: nothing changed.</p> : (
            <ul>{imported.changes.map((c) => <li key={`${c.id}-${c.field}`} className="user-text">{c.id}: {c.field} {c.from || '(empty)'} → {c.to || '(empty)'}</li>)}</ul>
          )}
        </section>
      ) : null}
      {loaded.status === 'loading' ? <Loading what="the register" /> : null}
      {loaded.status === 'error' ? <ErrorState title="The register could not be read" error={loaded.error} onRetry={() => void load()} /> : null}
      {loaded.status === 'ready' && loaded.all.length === 0 ? <Empty>No corrective actions yet: they come from the improvement plans of debriefs.</Empty> : null}
      {loaded.status === 'ready' && loaded.all.length > 0 ? (
        shown.length === 0 ? <Empty>No corrective action matches these filters.</Empty> : (
          <table className="grid">
            <caption className="sr-only">Corrective actions</caption>
            <thead><tr><th>Corrective action</th><th>Capability</th><th>Owner</th><th>Contact</th><th>Start</th><th>Due</th><th>Status</th><th>Last tested</th><th>Raised in</th></tr></thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} data-action-id={a.id}>
                  <td><span className="user-text">{a.correctiveAction || a.issue}</span><div className="dim user-text">{a.issue}</div></td>
                  <td className="user-text">{a.capability ?? '—'}</td>
                  <td className="user-text">{a.owner || 'unassigned'}</td>
                  <td>
                    <input type="text" aria-label={`Contact of ${a.id}`} defaultValue={a.contact} key={`c-${a.contact}`} maxLength={LIMITS.name} size={14}
                      onBlur={(e) => { if (e.target.value.trim() !== a.contact) void change(a, { contact: e.target.value.trim() }, 'Contact saved.'); }} />
                  </td>
                  <td>
                    <input type="date" aria-label={`Start of ${a.id}`} defaultValue={a.start} key={`s-${a.start}`}
                      onBlur={(e) => { if (e.target.value !== a.start) void change(a, { start: e.target.value }, 'Start date saved.'); }} />
                  </td>
                  <td>{a.due || '—'}{a.overdue ? <> <span className="badge warn">overdue</span></> : null}</td>
                  <td>
                    <span className={STATUS_BADGE[a.status]}>{a.status}</span>{' '}
                    <select aria-label={`Status of ${a.id}`} value={a.status} onChange={(e) => void change(a, { status: e.target.value as ActionStatus }, `Status of "${a.correctiveAction || a.issue}" set to ${e.target.value}.`)}>
                      {ACTION_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                    </select>
                  </td>
                  <td className="user-text">{a.validation ? `${a.validation.validated ? 'Validated' : 'Not validated'}${a.validation.note ? `: ${a.validation.note}` : ''}` : '—'}</td>
                  <td><a href={href({ view: 'debrief', sessionId: a.sessionId })}>{a.scenarioTitle}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </div>
  );
}
