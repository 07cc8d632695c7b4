// Watch one audience's projection of a session while the component is mounted.
import { useEffect } from 'react';
import type { Audience } from '../../core/protocol/bridge.ts';
import type { FacilitatorView, RoleView, RoomView } from '../../core/engine/projections.ts';
import { useApp } from './use-app.ts';
import { liveKey } from './live-slice.ts';
import type { Loadable } from './load-state.ts';

type ViewFor<A extends Audience> = A extends 'facilitator' ? FacilitatorView : A extends 'room' ? RoomView : RoleView;

function kindOf(audience: Audience): string {
  return audience === 'facilitator' || audience === 'room' ? audience : 'role';
}

/** The projection pushed by the host for this audience. The host built it; we check its kind. */
export function useLive<A extends Audience>(sessionId: string, audience: A): Loadable<ViewFor<A>> {
  const watch = useApp((s) => s.watch);
  const value = useApp((s) => s.live[liveKey(sessionId, audience)]);
  useEffect(() => watch(sessionId, audience), [watch, sessionId, audience]);
  if (!value) return { status: 'loading' };
  if (value.status !== 'ready') return value;
  const projection = value.value as { audience?: unknown } | null;
  if (!projection || projection.audience !== kindOf(audience)) {
    return { status: 'error', error: { code: 'bad-projection', message: 'The host sent a view of the wrong kind. Reload this window.' } };
  }
  return { status: 'ready', value: value.value as ViewFor<A> };
}
