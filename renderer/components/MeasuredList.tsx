// Windowing for items of different heights (a role's inject cards): VirtualList's classes and
// idea, but each rendered row is measured and the rest are estimated. Whatever the reader has at
// the top of the view stays where it is when an item arrives above it or a row above is measured:
// the scroll position follows that anchor, and a button says how many new items are above.
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useClientHeight } from './use-client-height.ts';
import { position } from './VirtualList.tsx';

interface Anchor {
  key: string;
  /** How far the anchored row's top is above the top of the view. */
  offset: number;
}

function firstVisible(tops: number[], scrollTop: number): number {
  let lo = 0, hi = tops.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! <= scrollTop) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

export function MeasuredList<T>({ items, getKey, renderItem, estimate, label, overscan = 2, newLabel }: {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** Height of a row not yet measured, in pixels. */
  estimate: number;
  label: string;
  overscan?: number;
  /** Text of the button that scrolls to new items above, given their count. */
  newLabel: (count: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const height = useClientHeight(ref);
  const anchor = useRef<Anchor | null>(null);
  // Items there at the first render, or scrolled into view since, have been seen.
  const seen = useRef<Set<string> | null>(null);
  if (seen.current === null) seen.current = new Set(items.map(getKey));

  const keys = items.map(getKey);
  const tops: number[] = [];
  let total = 0;
  for (const key of keys) {
    tops.push(total);
    total += heights.current.get(key) ?? estimate;
  }

  // One observer for the rows. It reports a row's size as soon as the row is observed, so the
  // positions of that render, made on the estimate, are corrected at once. Rows attach before this
  // component's effects run, so the observer is made by the first row that needs it.
  const observer = useRef<ResizeObserver | null>(null);
  const observe = useCallback((row: Element) => {
    if (typeof ResizeObserver === 'undefined') return;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        const key = el.dataset.key;
        const h = el.offsetHeight;
        if (key !== undefined && h > 0 && heights.current.get(key) !== h) {
          heights.current.set(key, h);
          changed = true;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    });
    observer.current.observe(row);
  }, []);
  const measureRow = useCallback((el: HTMLDivElement | null) => {
    if (el) observe(el);
  }, [observe]);
  useLayoutEffect(() => {
    // Also after a remount that kept the rows (React's strict mode does that).
    ref.current?.querySelectorAll('[data-key]').forEach(observe);
    return () => {
      observer.current?.disconnect();
      observer.current = null;
    };
  }, [observe]);

  // After items or heights change, put the anchored row back where the reader had it.
  const keyList = keys.join('\n');
  useLayoutEffect(() => {
    const el = ref.current;
    const a = anchor.current;
    if (!el || !a) return;
    const index = keys.indexOf(a.key);
    if (index < 0) return;
    const target = Math.max(0, tops[index]! + a.offset);
    if (Math.abs(el.scrollTop - target) >= 1) {
      el.scrollTop = target;
      setScrollTop(el.scrollTop);
    }
    // keys and tops are derived from keyList and measured.
  }, [keyList, measured]);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    const i = firstVisible(tops, el.scrollTop);
    anchor.current = keys[i] === undefined ? null : { key: keys[i]!, offset: el.scrollTop - tops[i]! };
  };
  // Before the reader has scrolled, the first row is the anchor.
  if (anchor.current === null && keys.length) anchor.current = { key: keys[0]!, offset: 0 };
  else if (anchor.current && !keys.includes(anchor.current.key)) anchor.current = keys.length ? { key: keys[0]!, offset: 0 } : null;

  const top = firstVisible(tops, scrollTop);
  let bottom = top;
  while (bottom < keys.length && tops[bottom]! < scrollTop + height) bottom++;
  for (let i = top; i < bottom; i++) seen.current.add(keys[i]!);
  const unseenAbove = keys.slice(0, top).filter((k) => !seen.current!.has(k)).length;

  const first = Math.max(0, top - overscan);
  const last = Math.min(items.length, bottom + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={keys[i]} ref={measureRow} data-key={keys[i]} className="vlist-row mlist-row" role="listitem" {...position('listitem', i, items.length)} style={{ top: tops[i] }}>
        {renderItem(items[i]!, i)}
      </div>,
    );
  }
  return (
    <div className="mlist">
      {/* The pill's place is kept whether or not it shows: it appearing must not push the list down. */}
      <div className="mlist-new-slot">
        {unseenAbove > 0 ? (
          <button type="button" className="small primary mlist-new" onClick={() => {
            const el = ref.current;
            if (!el) return;
            el.scrollTop = 0;
            anchor.current = null;
            setScrollTop(0);
          }}>↑ {newLabel(unseenAbove)}</button>
        ) : null}
      </div>
      <div ref={ref} className="vlist" role="list" aria-label={label} tabIndex={0} onScroll={onScroll}>
        <div className="vlist-inner" style={{ height: total }}>{rows}</div>
      </div>
    </div>
  );
}
