// The visible height of a scrolling container, kept current as it resizes: the windowed lists
// render only the rows inside it. jsdom has no layout (clientHeight 0), so 600 px stands in.
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useClientHeight(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [height, setHeight] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || fallback);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return height;
}
