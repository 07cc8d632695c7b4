// The MSEL during the session: every inject with its status, its exercise time, and the wall-clock
// time it falls due at the current speed. Windowed, fixed-height rows: nothing jumps on delivery.
import { useId } from 'react';
import type { FacilitatorInjectView, FacilitatorView } from '../../../core/engine/projections.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { formatClock, formatTimeOfDay } from '../../components/format.ts';
import { channelLabel } from '../../components/InjectCard.tsx';

const STATUS_BADGE: Record<FacilitatorInjectView['status'], string> = {
  pending: 'badge', held: 'badge warn', delivered: 'badge ok', skipped: 'badge danger',
};

function whenText(inject: FacilitatorInjectView, view: FacilitatorView, nowMs: number, wallNow: number): { exercise: string; wall: string } {
  if (inject.status === 'delivered' && inject.deliveredAt !== null) return { exercise: formatClock(inject.deliveredAt), wall: inject.how === 'adhoc' ? 'ad hoc' : 'delivered' };
  if (inject.status === 'skipped') return { exercise: '—', wall: 'skipped' };
  if (view.clock.status === 'ended') return { exercise: inject.dueAt === null ? '—' : formatClock(inject.dueAt), wall: 'not sent' };
  if (inject.dueAt === null) return { exercise: 'on cue', wall: 'on a trigger' };
  const running = view.clock.status === 'running' || view.clock.status === 'setup';
  const wallDue = wallNow + Math.max(0, inject.dueAt - nowMs) / view.clock.speed;
  return { exercise: formatClock(inject.dueAt), wall: running && view.clock.status === 'running' ? `≈ ${formatTimeOfDay(wallDue)}` : 'clock stopped' };
}

/** A DOM id for an inject's option: inject ids come from the scenario, so they are encoded (no spaces). */
function optionId(prefix: string, injectId: string): string {
  return `${prefix}-inject-${encodeURIComponent(injectId)}`;
}

export function InjectTimeline({ view, nowMs, selectedId, onSelect }: {
  view: FacilitatorView;
  nowMs: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const wallNow = Date.now();
  const index = view.injects.findIndex((i) => i.id === selectedId);
  const prefix = useId();
  return (
    <VirtualList
      items={view.injects}
      scrollToIndex={index}
      activeDescendant={index >= 0 && selectedId !== null ? { index, id: optionId(prefix, selectedId) } : undefined}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
        if (step === 0) return;
        e.preventDefault();
        const next = view.injects[Math.max(0, Math.min(view.injects.length - 1, index + step))];
        if (next) onSelect(next.id);
      }}
      rowHeight={50}
      label="Injects"
      role="listbox"
      rowRole="presentation"
      getKey={(i) => i.id}
      renderRow={(inject, i) => {
        const when = whenText(inject, view, nowMs, wallNow);
        return (
          <div className="inject-row" role="option" id={optionId(prefix, inject.id)} aria-selected={inject.id === selectedId} tabIndex={-1}
            aria-setsize={view.injects.length} aria-posinset={i + 1}
            onClick={() => onSelect(inject.id)} data-inject={inject.id}>
            <span className="when"><strong>{when.exercise}</strong><br />{when.wall}</span>
            <span className="title" title={inject.title}>
              <span className="user-text">{inject.title}</span>
              <span className="meta">{channelLabel(inject.channel)} · {inject.toAll ? 'everyone' : inject.to.join(', ')}{inject.prompts.length ? ` · ${inject.prompts.length} prompt${inject.prompts.length > 1 ? 's' : ''}` : ''}</span>
            </span>
            <span className={STATUS_BADGE[inject.status]}>{inject.status}</span>
          </div>
        );
      }}
    />
  );
}
