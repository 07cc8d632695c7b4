// The shipped plays for the Rehearse tab: asked of the library (`library.plays`) by the scenario id
// the text names now, so a copy whose id was changed has none (a play names the scenario it is for).
import { useEffect, useState } from 'react';
import type { PlayFile } from '../../../core/protocol/bridge.ts';
import { SLUG_PATTERN } from '../../../core/protocol/fields.ts';
import { useBridge } from '../../bridge/context.tsx';

export type PlaysState = { status: 'loading' } | { status: 'ready'; plays: PlayFile[] } | { status: 'error'; message: string };

/** The shipped plays written for `scenarioId`, asked only while `wanted` (the Rehearse tab is open). */
export function useShippedPlays(scenarioId: string | null, wanted: boolean): PlaysState {
  const bridge = useBridge();
  const [state, setState] = useState<{ id: string | null; value: PlaysState }>({ id: null, value: { status: 'loading' } });
  const id = scenarioId !== null && SLUG_PATTERN.test(scenarioId) ? scenarioId : null;
  useEffect(() => {
    if (!wanted || id === null) return;
    let live = true;
    void bridge.request('library.plays', { scenarioId: id }).then((result) => {
      if (!live) return;
      setState({ id, value: result.ok ? { status: 'ready', plays: result.value } : { status: 'error', message: result.error.message } });
    });
    return () => { live = false; };
  }, [bridge, id, wanted]);
  // A text without a usable id has no plays; an answer for another id is not this one's.
  if (id === null) return { status: 'ready', plays: [] };
  return state.id === id ? state.value : { status: 'loading' };
}
