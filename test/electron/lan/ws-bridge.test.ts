// The renderer's WebSocket Bridge against the real LAN server: it waits for the socket before
// sending, tells a removed device it is out (and stops), tells a device whose token died while it
// was away, and keeps a facilitator console reconnecting through a blip rather than giving up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../core/protocol/bridge.ts';
import type { Refusal, WsBridge } from '../../../renderer/bridge/ws-bridge.ts';
import { bridgeFor, joinLobby, lanSession, must, startLan, until, type Lan } from './helpers.ts';

let lan: Lan;
let sessionId: string;
let code: string;
const open: WsBridge[] = [];
beforeEach(async () => {
  lan = await startLan();
  sessionId = await lanSession(lan);
  code = (await must(lan.server.openLobby(sessionId))).code;
});
afterEach(async () => {
  for (const b of open.splice(0)) b.close();
  await lan.close();
});

/** The token check the page makes after a failed connection attempt (lan-mode.ts does the same over fetch). */
const checkToken = (token: string) => async () => (await fetch(`${lan.base}/api/token`, { headers: { 'X-Drillbook-Token': token } })).status !== 401;

describe('WsBridge', () => {
  it('sends a request made before the socket opened once it opens, and reports the connection', async () => {
    const states: ConnectionState[] = [];
    const bridge = bridgeFor(lan, lan.server.facilitatorToken);
    open.push(bridge);
    bridge.onConnection((s) => states.push(s));
    const list = await bridge.request('sessions.list', {});
    expect(list.ok && list.value.map((s) => s.sessionId)).toEqual([sessionId]);
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('stops and says so when the facilitator removes the device', async () => {
    const ann = await joinLobby(lan, code, 'Ann');
    const refusals: Refusal[] = [];
    const bridge = bridgeFor(lan, ann.token, [], { onRefused: (why) => refusals.push(why), checkToken: checkToken(ann.token) });
    open.push(bridge);
    const updates: string[] = [];
    bridge.subscribe({ sessionId, audience: 'role:alpha' }, (u) => updates.push(u.kind));
    await until(() => updates.includes('projection'), 5000, 'the first view');
    const id = lan.server.lobbies.get(sessionId)!.participants[0]!.id;
    await must(lan.server.removeParticipant(sessionId, id));
    await until(() => refusals.length > 0, 5000, 'the refusal');
    expect(refusals).toEqual(['removed']);
    expect(bridge.connection).toBe('lost');
    const after = await bridge.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'chat.post', text: 'x' } });
    expect(after.ok).toBe(false);
  });

  it('gives up with bad-token when the token died while the device was away', async () => {
    const refusals: Refusal[] = [];
    const bridge = bridgeFor(lan, 'a-token-that-never-was-valid-000000', [], { onRefused: (why) => refusals.push(why), checkToken: checkToken('a-token-that-never-was-valid-000000') });
    open.push(bridge);
    await until(() => refusals.length > 0, 5000, 'the refusal');
    expect(refusals).toEqual(['bad-token']);
  });

  it('keeps the facilitator reconnecting through a dropped socket, and resubscribes', async () => {
    const refusals: Refusal[] = [];
    const bridge = bridgeFor(lan, lan.server.facilitatorToken, [], { onRefused: (why) => refusals.push(why), checkToken: checkToken(lan.server.facilitatorToken) });
    open.push(bridge);
    const kinds: string[] = [];
    bridge.subscribe({ sessionId, audience: 'facilitator' }, (u) => kinds.push(u.kind));
    await until(() => kinds.length === 1, 5000, 'the first view');
    // The server drops every socket (as a restart of the network would).
    for (const c of [...(lan.server as unknown as { connections: Set<{ socket: { terminate(): void } }> }).connections]) c.socket.terminate();
    await until(() => kinds.length >= 2 && bridge.connection === 'connected', 5000, 'the view after reconnecting');
    expect(refusals).toEqual([]);
    expect((await fetch(`${lan.base}/api/token`, { headers: { 'X-Drillbook-Token': lan.server.facilitatorToken } })).status).toBe(200);
  });
});
