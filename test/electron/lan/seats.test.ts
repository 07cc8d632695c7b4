// Seats on the LAN (issue 14 items 1, 2, 4): a person with two roles holds both on one device and
// may act and watch as each, and as nothing else; a role another device holds is refused at join,
// naming the holder; the lobby lists every seat with its holders, so a role without a device
// shows; and a lobby served on 127.0.0.1 says that no other device can reach it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from '../../../core/protocol/wire.ts';
import { listenChoices } from '../../../electron/lan/addresses.ts';
import { joinLobby, lanSession, must, postJson, RawClient, startLan, type Lan } from './helpers.ts';

let lan: Lan;
let sessionId: string;
let code: string;

beforeEach(async () => {
  lan = await startLan();
  // Dee holds two roles; nobody was planned for charlie.
  sessionId = await lanSession(lan, [{ name: 'Dee', roles: ['alpha', 'bravo'] }]);
  code = (await must(lan.server.openLobby(sessionId))).code;
  await must(lan.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
});
afterEach(async () => {
  await lan.close();
});

describe('a person with two roles (item 1)', () => {
  it('gets both with "give me my seat", sees and acts as each, and as no other role', async () => {
    const dee = await joinLobby(lan, code, 'Dee');
    expect(dee.audiences).toEqual(['role:alpha', 'role:bravo']);
    const client = RawClient.token(lan, dee.token);
    await client.opened;
    for (const audience of ['role:alpha', 'role:bravo']) {
      expect((await client.subscribe(sessionId, audience)).first).toMatchObject({ kind: 'projection', audience });
    }
    for (const audience of ['role:charlie', 'room', 'facilitator']) {
      expect((await client.subscribe(sessionId, audience)).first).toMatchObject({ kind: 'error', error: { code: 'forbidden' } });
    }
    const chat = (actor: string) => client.request('live.dispatch', { sessionId, actor, command: { type: 'chat.post', text: `as ${actor}` } });
    expect((await chat('role:alpha')).ok).toBe(true);
    expect((await chat('role:bravo')).ok).toBe(true);
    expect((await chat('role:charlie')).error?.code).toBe('forbidden');
    expect((await chat('facilitator')).error?.code).toBe('forbidden');
    const grade = await client.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'answer.grade', prompt: 'alpha-text', credit: 1, reason: 'x' } });
    expect(grade.error?.code).toBe('forbidden');
    client.close();
  });

  it('shows the facilitator every seat with its holders, and the roles without a device', async () => {
    await joinLobby(lan, code, 'Dee');
    const lobby = await must(lan.server.lobbyStatus(sessionId));
    const seats = Object.fromEntries((lobby?.seats ?? []).map((s) => [s.audience, s.holders.map((h) => h.name)]));
    expect(seats).toEqual({ 'role:alpha': ['Dee'], 'role:bravo': ['Dee'], 'role:charlie': [], room: [] });
    expect(lobby?.participants.map((p) => p.audiences)).toEqual([['role:alpha', 'role:bravo']]);
    const token = (await fetch(`${lan.base}/api/token`, { headers: { 'X-Drillbook-Token': (await joinLobby(lan, code, 'Projector', 'room')).token } })).json();
    expect(await token).toMatchObject({ audiences: ['room'] });
  });
});

describe('a seat already held (item 2)', () => {
  it('is refused at join, naming who holds it; the join page shows the holders; the room screen is shared', async () => {
    await joinLobby(lan, code, 'Dee');
    const taken = await postJson(lan, '/api/join', { code, name: 'Eve', seat: 'role:alpha' });
    expect(taken.status).toBe(409);
    expect(String((taken.body as { error: string }).error)).toMatch(/Alpha lead is already held by Dee's device/i);
    // Dee again from a second device: her planned seats are held (by her first device).
    expect((await postJson(lan, '/api/join', { code, name: 'Dee' })).status).toBe(409);
    const look = await postJson(lan, '/api/lobby', { code });
    const heldBy = Object.fromEntries((look.body as { seats: { audience: string; heldBy: string[] }[] }).seats.map((s) => [s.audience, s.heldBy]));
    expect(heldBy).toEqual({ 'role:alpha': ['Dee'], 'role:bravo': ['Dee'], 'role:charlie': [], room: [] });
    // Someone not planned is given the free role; the room screen takes any number.
    expect((await joinLobby(lan, code, 'Cy')).audiences).toEqual(['role:charlie']);
    // Every role has a device now: someone not planned is told so, not seated silently somewhere.
    const noneFree = await postJson(lan, '/api/join', { code, name: 'Flo' });
    expect(noneFree.status).toBe(409);
    expect(String((noneFree.body as { error: string }).error)).toMatch(/Every role already has a device/);
    expect((await joinLobby(lan, code, 'Screen 1', 'room')).audiences).toEqual(['room']);
    expect((await joinLobby(lan, code, 'Screen 2', 'room')).audiences).toEqual(['room']);
    // Once the facilitator removes Dee's device, her seat can be taken.
    const dee = (await must(lan.server.lobbyStatus(sessionId)))?.participants.find((p) => p.name === 'Dee');
    await must(lan.server.removeParticipant(sessionId, dee?.id ?? ''));
    expect((await joinLobby(lan, code, 'Eve', 'role:alpha')).audiences).toEqual(['role:alpha']);
  });
});

describe('asking the facilitator for a held seat (item 2)', () => {
  it('waits for the facilitator, who refuses or gives it: the holder is then disconnected and its token dies', async () => {
    const dee = await joinLobby(lan, code, 'Dee');
    const deeSocket = RawClient.token(lan, dee.token);
    await deeSocket.opened;
    const ask = async () => {
      const r = await postJson(lan, '/api/join', { code, name: 'Eve', seat: 'role:alpha', ask: true });
      expect(r.status).toBe(202);
      return (r.body as { requestId: string }).requestId;
    };
    const answer = (requestId: string) => postJson(lan, '/api/join/answer', { requestId });

    const first = await ask();
    expect((await answer(first)).status).toBe(202);
    const waiting = await must(lan.server.lobbyStatus(sessionId));
    expect(waiting?.requests).toEqual([{ id: first, name: 'Eve', seat: 'role:alpha', heldBy: 'Dee', requestedAt: expect.any(Number) }]);
    // Refused: Eve is told, Dee keeps the seat.
    await must(lan.server.decideSeat(sessionId, first, false));
    const refused = await answer(first);
    expect(refused.status).toBe(403);
    expect(String((refused.body as { error: string }).error)).toMatch(/kept that seat/);
    expect((await must(lan.server.lobbyStatus(sessionId)))?.requests).toEqual([]);
    expect((await fetch(`${lan.base}/api/token`, { headers: { 'X-Drillbook-Token': dee.token } })).status).toBe(200);

    // Allowed: Dee's device leaves (its sockets close as removed), Eve gets alpha, once.
    const second = await ask();
    await must(lan.server.decideSeat(sessionId, second, true));
    expect((await deeSocket.closed).code).toBe(CLOSE.removed);
    expect((await fetch(`${lan.base}/api/token`, { headers: { 'X-Drillbook-Token': dee.token } })).status).toBe(401);
    const given = await answer(second);
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ sessionId, audiences: ['role:alpha'], name: 'Eve' });
    expect((await answer(second)).status).toBe(404);
    const seats = (await must(lan.server.lobbyStatus(sessionId)))?.seats ?? [];
    expect(seats.find((s) => s.audience === 'role:alpha')?.holders.map((h) => h.name)).toEqual(['Eve']);
    expect(seats.find((s) => s.audience === 'role:bravo')?.holders).toEqual([]);
    // An answered request cannot be decided again; a made-up one is unknown.
    expect((await lan.server.decideSeat(sessionId, second, true)).ok).toBe(false);
    expect((await answer('A'.repeat(22))).status).toBe(404);
  });
});

describe('a lobby only this computer can reach (item 4)', () => {
  it('says so, and offers the network addresses', async () => {
    const lobby = await must(lan.server.lobbyStatus(sessionId));
    expect(lobby?.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(lobby?.reach).toEqual({ localOnly: true, networkAddresses: listenChoices().filter((c) => !c.local).map((c) => c.address) });
  });
});
