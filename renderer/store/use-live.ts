// Watch one audience's projection of a session while the component is mounted.
import { useEffect } from 'react';
import { projectionFor, type Audience, type ProjectionFor } from '../../core/protocol/bridge.ts';
import { useApp } from './use-app.ts';
import { liveKey } from './live-slice.ts';
import type { Loadable } from './load-state.ts';

/** The projection pushed by the host for this audience. The host built it; we check its kind. */
export function useLive<A extends Audience>(sessionId: string, audience: A): Loadable<ProjectionFor<A>> {
  const watch = useApp((s) => s.watch);
  const value = useApp((s) => s.live[liveKey(sessionId, audience)]);
  useEffect(() => watch(sessionId, audience), [watch, sessionId, audience]);
  if (!value) return { status: 'loading' };
  if (value.status !== 'ready') return value;
  const projection = projectionFor(audience, value.value);
  if (!projection) {
    return { status: 'error', error: { code: 'bad-projection', message: 'The host sent a view of the wrong kind. Reload this window.' } };
  }
  return { status: 'ready', value: projection };
}
