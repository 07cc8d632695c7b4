// Listening on a chosen address other than 127.0.0.1 (here 127.0.0.2 stands in for the room's
// network address): participants join there, the facilitator's console stays at 127.0.0.1, and the
// facilitator's token is refused from the other address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/host/service-host.ts';
import { LanServer } from '../../../electron/lan/server.ts';
import { lanSession, must, RawClient, type Lan } from './helpers.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

describe('a network address', () => {
  it('serves participants on it and the facilitator on 127.0.0.1 only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drillbook-net-'));
    const host = new ServiceHost(join(dir, 'net.db'), { backups: false, watch: false, shipped: [] });
    const server = await LanServer.start({ service: host.service, host: '127.0.0.2', port: 0, staticDir: dir });
    cleanup.push(async () => { await server.close(); await host.close(); rmSync(dir, { recursive: true, force: true }); });
    const lan = { host, server, base: `http://127.0.0.1:${server.port}`, ws: `ws://127.0.0.1:${server.port}/ws` } as Lan;
    const sessionId = await lanSession(lan);

    expect(server.facilitatorUrl()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
    const local = RawClient.token(lan, server.facilitatorToken);
    await local.opened;
    local.close();
    const fromNetwork = new RawClient(`ws://127.0.0.2:${server.port}/ws?token=${server.facilitatorToken}`, { localAddress: '127.0.0.2' });
    expect(await fromNetwork.refused).toBe(403);

    const { code, joinUrl } = await must(server.openLobby(sessionId));
    expect(joinUrl).toBe(`http://127.0.0.2:${server.port}/?code=${code}`);
    const joined = await fetch(`http://127.0.0.2:${server.port}/api/join`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name: 'Bob' }),
    });
    expect(joined.status).toBe(200);
    const { token } = (await joined.json()) as { token: string };
    const participant = new RawClient(`ws://127.0.0.2:${server.port}/ws?token=${token}`, { localAddress: '127.0.0.2' });
    await participant.opened;
    expect((await participant.subscribe(sessionId, 'role:bravo')).first).toMatchObject({ kind: 'projection' });
    participant.close();
  });
});
