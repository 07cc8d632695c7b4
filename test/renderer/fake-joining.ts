// The desktop's "let participants join" verbs as the main process performs them (register-ipc.ts):
// the real join switch, so the real LAN server on 127.0.0.1, over the same service the page's
// bridge talks to. Only 127.0.0.1 is offered, and no fixed port is tried first.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { DesktopVerbs, WindowContext } from '../../core/protocol/desktop.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { authorizeJoinCard } from '../../electron/main/access.ts';
import { JoinSwitch } from '../../electron/main/join-switch.ts';

export type JoiningVerbs = Pick<DesktopVerbs, 'listenAddresses' | 'startJoining' | 'stopJoining' | 'joiningStatus' | 'lockLobby' | 'removeParticipant' | 'joinCard'>;

export function fakeJoiningVerbs(
  service: AppService,
  context: () => WindowContext,
  record: (verb: string, params?: unknown) => void,
): JoiningVerbs & { joining: JoinSwitch } {
  const joining = new JoinSwitch({
    service,
    staticDir: join(tmpdir(), 'drillbook-no-renderer'),
    onError: () => undefined,
    defaultPort: 0,
    addresses: () => [{ address: '127.0.0.1', label: 'This computer only', local: true }],
  });
  return {
    joining,
    async listenAddresses() {
      record('listenAddresses');
      return { ok: true, value: joining.addresses() };
    },
    async startJoining(params) {
      record('startJoining', params);
      return joining.start(params.sessionId, params.address, params.port);
    },
    async stopJoining() {
      record('stopJoining');
      return joining.stop();
    },
    async joiningStatus(params) {
      record('joiningStatus', params);
      return joining.status(params.sessionId);
    },
    async lockLobby(params) {
      record('lockLobby', params);
      return joining.lock(params.sessionId, params.locked);
    },
    async removeParticipant(params) {
      record('removeParticipant', params);
      return joining.remove(params.sessionId, params.participantId);
    },
    async joinCard(params) {
      record('joinCard', params);
      const allowed = authorizeJoinCard(context(), params.sessionId);
      return allowed.ok ? joining.card(params.sessionId) : allowed;
    },
  };
}
