// The open corrective actions from earlier runs that this run can test (issue 18, item 3): shown to
// the facilitator from the start of a session (the console) to its debrief; each can be marked
// validated or not with a note, which becomes an event in this session's log and updates the register.
import { useCallback, useEffect, useState } from 'react';
import { LIMITS } from '../../../core/protocol/fields.ts';
import type { RegisterAction } from '../../../core/protocol/register.ts';
import { useBridge } from '../../bridge/context.tsx';
import { useApp } from '../../store/use-app.ts';

export function CarriedActions({ sessionId, canValidate, readOnly = false }: { sessionId: string; canValidate: boolean; readOnly?: boolean }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const [actions, setActions] = useState<RegisterAction[] | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    const result = await bridge.request('register.carried', { sessionId });
    if (result.ok) setActions(result.value);
    else toast(result.error.message, 'error');
  }, [bridge, sessionId, toast]);
  useEffect(() => { void load(); }, [load]);

  async function mark(action: RegisterAction, validated: boolean) {
    const result = await bridge.request('register.validate', { sessionId, action: action.id, validated, note: notes[action.id] ?? '' });
    if (!result.ok) toast(result.error.message, 'error');
    else toast(validated ? 'Corrective action validated.' : 'Corrective action marked not validated.');
    await load();
  }

  if (actions === null) return null;
  if (actions.length === 0) return <p className="dim">No open corrective actions from earlier runs are linked to this scenario's objectives.</p>;
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
      {actions.map((a, i) => {
        const mine = a.validation?.sessionId === sessionId ? a.validation : null;
        return (
          <li key={a.id} className="panel" aria-label={`Corrective action ${i + 1}`}>
            <div><strong className="user-text">{a.correctiveAction || a.issue}</strong></div>
            <div className="dim user-text">{a.issue} · {a.capability ?? 'no capability'} · {a.owner || 'unassigned'} · {a.status}{a.due ? ` · due ${a.due}` : ''}</div>
            {mine ? <div className={mine.validated ? 'badge ok' : 'badge warn'}>{mine.validated ? 'Validated in this run' : 'Not validated in this run'}{mine.note ? `: ${mine.note}` : ''}</div> : null}
            {readOnly ? null : (
              <div className="row">
                <input type="text" aria-label={`Validation note ${i + 1}`} maxLength={LIMITS.reason} placeholder="What this run showed"
                  value={notes[a.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [a.id]: e.target.value }))} />
                <button type="button" className="small" disabled={!canValidate} onClick={() => void mark(a, true)}>Validated</button>
                <button type="button" className="small" disabled={!canValidate} onClick={() => void mark(a, false)}>Not validated</button>
              </div>
            )}
            {!canValidate && !readOnly ? <div className="dim">Start the session to test it: this run is what validates it.</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
