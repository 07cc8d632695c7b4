// Tells a screen reader, politely, that an inject has arrived: a seat or the room screen changes
// without the reader moving focus, and the list itself keeps still (nothing to notice otherwise).
import { useEffect, useRef, useState } from 'react';
import type { InjectContent } from '../../core/engine/projections.ts';
import { channelLabel } from './InjectCard.tsx';

export function arrivalMessage(fresh: readonly InjectContent[]): string {
  const latest = fresh[fresh.length - 1];
  if (!latest) return '';
  const what = `${channelLabel(latest.channel)}${latest.from ? ` from ${latest.from}` : ''}: ${latest.title}`;
  return fresh.length === 1 ? `New inject. ${what}` : `${fresh.length} new injects. The latest: ${what}`;
}

export function ArrivalAnnouncer({ injects }: { injects: readonly InjectContent[] }) {
  // Injects there when the view opened are not news.
  const known = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(injects.map((i) => i.id));
      return;
    }
    const fresh = injects.filter((i) => !known.current!.has(i.id));
    if (fresh.length === 0) return;
    for (const i of fresh) known.current.add(i.id);
    setMessage(arrivalMessage(fresh));
  }, [injects]);
  return <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">{message}</div>;
}
