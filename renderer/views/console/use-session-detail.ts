import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import type { Loadable } from '../../store/load-state.ts';

/** The session's header (roles, objectives, participants), asked once per session id. */
export function useSessionDetail(sessionId: string): Loadable<SessionDetail> {
  const bridge = useBridge();
  const [detail, setDetail] = useState<Loadable<SessionDetail>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    setDetail({ status: 'loading' });
    void bridge.request('sessions.open', { sessionId }).then((r) => {
      if (alive) setDetail(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
    });
    return () => { alive = false; };
  }, [bridge, sessionId]);
  return detail;
}
