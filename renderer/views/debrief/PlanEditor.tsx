// The improvement plan: issue, corrective action, owner, due date, objective. Saved as engine
// commands (one per changed item) through debrief.savePlan.
import { useState } from 'react';
import type { Debrief, DebriefPlanItem } from '../../../core/scoring/debrief-types.ts';
import { Empty } from '../../components/states.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';

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

export function PlanEditor({ debrief, onSave, readOnly = false }: { debrief: Debrief; onSave: (items: DebriefPlanItem[]) => Promise<boolean>; readOnly?: boolean }) {
  if (readOnly) return <PlanTable debrief={debrief} />;
  return <PlanForm debrief={debrief} onSave={onSave} />;
}

function PlanForm({ debrief, onSave }: { debrief: Debrief; onSave: (items: DebriefPlanItem[]) => Promise<boolean> }) {
  const [items, setItems] = useState<DebriefPlanItem[]>(debrief.improvement_plan);
  const [dirty, setDirty] = useState(false);
  const update = (id: string, change: Partial<DebriefPlanItem>) => {
    setItems((list) => list.map((i) => (i.id === id ? { ...i, ...change } : i)));
    setDirty(true);
  };
  return (
    <form className="stack" onSubmit={async (e) => {
      e.preventDefault();
      if (await onSave(items)) setDirty(false);
    }}>
      {items.length === 0 ? <Empty>No improvement items yet.</Empty> : (
        <table className="grid">
          <thead><tr><th>Issue</th><th>Corrective action</th><th>Owner</th><th>Due</th><th>Objective</th><th /></tr></thead>
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
                <td><button type="button" className="small" onClick={() => { setItems((l) => l.filter((i) => i.id !== item.id)); setDirty(true); }}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" onClick={() => {
          draftCounter += 1;
          setItems((l) => [...l, { id: `draft-${draftCounter}`, issue: '', corrective_action: '', owner: '', due: '', objective: null }]);
          setDirty(true);
        }}>Add an item</button>
        <button type="submit" className="primary" disabled={!dirty}>Save the plan</button>
        {dirty ? <span className="dim">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
