// Simple windowing for long lists (the MSEL, the decision feed, the timeline): rows of one fixed
// height, only those in view (plus a margin) are in the DOM. Fixed heights also mean that an
// arriving item never makes the rest of the screen jump.
import { useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useClientHeight } from './use-client-height.ts';

/** The position in the whole list, which a screen reader cannot count when most rows are absent;
 *  only a real list item may carry it (a presentational row leaves it to the option inside). */
export function position(rowRole: string, index: number, size: number): { 'aria-setsize'?: number; 'aria-posinset'?: number } {
  return rowRole === 'presentation' || rowRole === 'none' ? {} : { 'aria-setsize': size, 'aria-posinset': index + 1 };
}

export function VirtualList<T>({ items, rowHeight, renderRow, label, overscan = 6, getKey, role = 'list', rowRole = 'listitem', stickToBottom = false, onKeyDown, scrollToIndex, activeDescendant }: {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  overscan?: number;
  getKey: (item: T, index: number) => string;
  role?: string;
  rowRole?: string;
  stickToBottom?: boolean;
  onKeyDown?: (event: ReactKeyboardEvent<HTMLDivElement>) => void;
  /** Keeps this row in view (the selection). */
  scrollToIndex?: number;
  /** The selected option (a listbox keeps focus on itself and names the option it is on). Named
   *  only while its row is mounted: a reference to an absent element is announced as nothing. */
  activeDescendant?: { index: number; id: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = useClientHeight(ref);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !stickToBottom) return;
    el.scrollTop = el.scrollHeight;
    setScrollTop(el.scrollTop);
  }, [items.length, stickToBottom]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    // Window onto the new position now rather than on the scroll event, so that the selected row
    // (and the listbox's aria-activedescendant naming it) is there in the same render.
    setScrollTop(el.scrollTop);
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <div key={getKey(item, i)} className="vlist-row" role={rowRole} {...position(rowRole, i, items.length)} style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }
  const active = activeDescendant && activeDescendant.index >= first && activeDescendant.index < last ? activeDescendant.id : undefined;
  return (
    <div ref={ref} className="vlist" role={role} aria-label={label} aria-activedescendant={active} tabIndex={0} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown}>
      <div className="vlist-inner" style={{ height: items.length * rowHeight }}>{rows}</div>
    </div>
  );
}
