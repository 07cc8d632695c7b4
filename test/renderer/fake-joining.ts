// The desktop's lobby controls as the main process performs them (register-ipc.ts): the real lobby
// service, so the real LAN server on 127.0.0.1, over the same service the page's bridge talks to,
// authorized by core's authorizeLobby for the window. Only 127.0.0.1 is offered, and no fixed port
// is tried first.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fail } from '../../core/protocol/bridge.ts';
import { authorizeLobby } from '../../core/protocol/authorize.ts';
import type { DesktopVerbs, WindowContext } from '../../core/protocol/desktop.ts';
import { parseLobbyRequest } from '../../core/protocol/lobby.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { actorOf } from '../../electron/main/access.ts';
import { LobbyService } from '../../electron/lan/lobby-service.ts';

export type JoiningVerbs = Pick<DesktopVerbs, 'lobby'>;

export function fakeJoiningVerbs(
  service: AppService,
  context: () => WindowContext,
  record: (verb: string, params?: unknown) => void,
): JoiningVerbs & { joining: LobbyService } {
  const joining = new LobbyService({
    service,
    staticDir: join(tmpdir(), 'drillbook-no-renderer'),
    onError: () => undefined,
    defaultPort: 0,
    addresses: () => [{ address: '127.0.0.1', label: 'This computer only', local: true }],
  });
  return {
    joining,
    async lobby(method, params) {
      record(method, params);
      const window = context();
      // The IPC router lets only the facilitator's and room windows reach the channel.
      if (window.kind === 'seat') return fail('forbidden', 'This window may not control the lobby.');
      const parsed = parseLobbyRequest(method, params);
      if (!parsed.ok) return parsed;
      const allowed = authorizeLobby(actorOf(window), parsed.value);
      return allowed.ok ? joining.handle(allowed.value.method, allowed.value.params) : allowed;
    },
  };
}
