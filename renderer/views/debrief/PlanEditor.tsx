// The improvement plan: issue, corrective action, owner, due date, objective. Saved whole through
// debrief.savePlan as one engine command (plan.save): all rows or none. Unsaved rows are a draft in
// the app store, so they survive going to another view and back.
import type { Debrief, DebriefPlanItem } from '../../../core/scoring/debrief-types.ts';
import { Empty } from '../../components/states.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';
import { useApp } from '../../store/use-app.ts';

let draftCounter = 0;

/** The plan as a plain table, for a session opened from a bundle (nothing in it can change). */
function PlanTable({ debrief }: { debrief: Debrief }) {
  if (debrief.improvement_plan.length === 0) return <Empty>No improvement items.</Empty>;
  const title = (id: string | null) => debrief.objectives.find((o) => o.id === id)?.title ?? '—';
  return (
    <table className="grid">
      <thead><tr><th>Issue</th><th>Corrective action</th><th>Owner</th><th>Due</th><th>Objective</th></tr></thead>
      <tbody>
        {debrief.improvement_plan.map((item) => (
          <tr key={item.id}>
            <td className="user-text">{item.issue}</td><td className="user-text">{item.corrective_action}</td>
            <td className="user-text">{item.owner || '—'}</td><td>{item.due || '—'}</td><td>{title(item.objective)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanEditor({ sessionId, debrief, onSave, readOnly = false }: { sessionId: string; debrief: Debrief; onSave: (items: DebriefPlanItem[]) => Promise<boolean>; readOnly?: boolean }) {
  if (readOnly) return <PlanTable debrief={debrief} />;
  return <PlanForm sessionId={sessionId} debrief={debrief} onSave={onSave} />;
}

function PlanForm({ sessionId, debrief, onSave }: { sessionId: string; debrief: Debrief; onSave: (items: DebriefPlanItem[]) => Promise<boolean> }) {
  const draft = useApp((s) => s.drafts[sessionId]?.plan);
  const setDraft = useApp((s) => s.setDraft);
  const clearDraft = useApp((s) => s.clearDraft);
  const items = draft ?? debrief.improvement_plan;
  const dirty = draft !== undefined;
  const change = (next: DebriefPlanItem[]) => setDraft(sessionId, 'plan', next);
  const update = (id: string, patch: Partial<DebriefPlanItem>) => change(items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  return (
    <form className="stack" onSubmit={async (e) => {
      e.preventDefault();
      if (await onSave(items)) clearDraft(sessionId, 'plan');
    }}>
      {items.length === 0 ? <Empty>No improvement items yet.</Empty> : (
        <table className="grid plan">
          <colgroup><col className="issue" /><col className="action" /><col className="owner" /><col className="due" /><col className="objective" /><col className="remove" /></colgroup>
          <thead><tr><th>Issue</th><th>Corrective action</th><th>Owner</th><th>Due</th><th>Objective</th><th><span className="sr-only">Remove</span></th></tr></thead>
          <tbody>
            {items.map((item, n) => (
              <tr key={item.id}>
                <td><textarea aria-label={`Issue ${n + 1}`} rows={2} value={item.issue} maxLength={LIMITS.planField} onChange={(e) => update(item.id, { issue: e.target.value })} /></td>
                <td><textarea aria-label={`Corrective action ${n + 1}`} rows={2} value={item.corrective_action} maxLength={LIMITS.planField} onChange={(e) => update(item.id, { corrective_action: e.target.value })} /></td>
                <td><input aria-label={`Owner ${n + 1}`} value={item.owner} maxLength={LIMITS.name} onChange={(e) => update(item.id, { owner: e.target.value })} /></td>
                <td><input aria-label={`Due ${n + 1}`} type="date" value={item.due} onChange={(e) => update(item.id, { due: e.target.value })} /></td>
                <td>
                  <select aria-label={`Objective ${n + 1}`} value={item.objective ?? ''} onChange={(e) => update(item.id, { objective: e.target.value || null })}>
                    <option value="">—</option>
                    {debrief.objectives.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
                  </select>
                </td>
                <td><button type="button" className="small" aria-label={`Remove item ${n + 1}`} onClick={() => change(items.filter((i) => i.id !== item.id))}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" onClick={() => {
          draftCounter += 1;
          change([...items, { id: `draft-${draftCounter}`, issue: '', corrective_action: '', owner: '', due: '', objective: null }]);
        }}>Add an item</button>
        <button type="submit" className="primary" disabled={!dirty}>Save the plan</button>
        {dirty ? <>
          <span className="dim" role="status">Unsaved changes: they stay here until you save or discard them.</span>
          <button type="button" className="small" onClick={() => clearDraft(sessionId, 'plan')}>Discard changes</button>
        </> : null}
      </div>
    </form>
  );
}
