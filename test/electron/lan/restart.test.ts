// Restarting browser mode mid-exercise (issue 14 item 5): the lobby, its code, its devices' token
// hashes and the facilitator console's key are in the data file, so the restarted server takes
// every device back. The session that was running comes back paused with the restart as the
// reason, which each participant sees; the facilitator's open tab reconnects with its key and
// resumes. Real SQLite file, real service host, real sockets, the renderer's own WebSocket Bridge.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleView } from '../../../core/engine/projections.ts';
import type { BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { ServiceHost } from '../../../electron/host/service-host.ts';
import { runServe } from '../../../electron/cli/serve.ts';
import { LanServer, type LanLimits } from '../../../electron/lan/server.ts';
import type { WsBridge } from '../../../renderer/bridge/ws-bridge.ts';
import { bridgeFor, joinLobby, lanSession, must, postJson, RawClient, until, type Lan } from './helpers.ts';
import { LAN_SCENARIO, SHARED_CANARIES } from './lan-scenario.ts';

const dirs: string[] = [];
const running: Lan[] = [];
const bridges: WsBridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  for (const lan of running.splice(0)) await lan.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-restart-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>');
  return dir;
}

/** Browser mode on `dir`'s data file, as `drillbook serve` starts it (the store keeps the lobbies). */
async function serve(dir: string, port = 0, limits: Partial<LanLimits> = {}): Promise<Lan> {
  const host = new ServiceHost(join(dir, 'data.db'), { backups: false, watch: false, shipped: [] });
  const server = await LanServer.start({ service: host.service, port, staticDir: join(dir, 'dist'), limits, persistence: host.store.lobbies });
  let closed = false;
  const lan: Lan = {
    dir, host, server, base: `http://127.0.0.1:${server.port}`, ws: `ws://127.0.0.1:${server.port}/ws`,
    // The process dies: sockets drop, nothing is ended or paused (ServiceHost.close leaves a
    // running session running in the file, as a kill does).
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await host.close();
    },
  };
  running.push(lan);
  return lan;
}

function watch<T>(bridge: WsBridge, sessionId: string, audience: string): { latest: () => T | null; updates: BridgeUpdate[] } {
  const updates: BridgeUpdate[] = [];
  bridge.subscribe({ sessionId, audience: audience as 'room' }, (u) => updates.push(u));
  return {
    updates,
    latest: () => {
      const last = updates.filter((u) => u.kind === 'projection').at(-1);
      return last && last.kind === 'projection' ? (last.projection as T) : null;
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('restarting browser mode mid-exercise', () => {
  it('keeps the lobby, code, devices and console key; devices come back to the session, paused because of the restart, and carry on after Resume', async () => {
    const dir = newDir();
    const first = await serve(dir);
    const port = first.server.port;
    const sessionId = await lanSession(first);
    const opened = await must(first.server.openLobby(sessionId));
    const [ann, bob] = [await joinLobby(first, opened.code, 'Ann'), await joinLobby(first, opened.code, 'Bob')];
    expect([ann.audiences, bob.audiences]).toEqual([['role:alpha'], ['role:bravo']]);
    await must(first.server.lockLobby(sessionId, true));
    const key = first.server.facilitatorToken;
    const before = first.server.lobbies.get(sessionId)!;

    // Ann's device stays open through the restart, on the renderer's Bridge with its token check.
    const received: string[] = [];
    const annBridge = bridgeFor(first, ann.token, received, {
      retryMs: [50, 100, 200],
      checkToken: async () => (await fetch(`http://127.0.0.1:${port}/api/token`, { headers: { 'X-Drillbook-Token': ann.token } })).status !== 401,
      onRefused: (why) => { throw new Error(`Ann's device was refused: ${why}`); },
    });
    bridges.push(annBridge);
    const alpha = watch<RoleView>(annBridge, sessionId, 'role:alpha');
    const console1 = RawClient.token(first, key);
    await console1.opened;
    expect((await console1.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } })).ok).toBe(true);
    await until(() => alpha.latest()?.clock.status === 'running', 10_000, 'Ann to see the session running');

    // The kill.
    await first.close();
    await until(() => annBridge.connection !== 'connected', 5_000, 'Ann to notice');

    // Only the tokens' hashes are in the file.
    const raw = new Database(join(dir, 'data.db'), { readonly: true });
    try {
      const members = raw.prepare('SELECT token_hash, name, audiences FROM lobby_members ORDER BY name').all();
      expect(members).toEqual([
        { token_hash: sha256(ann.token), name: 'Ann', audiences: '["role:alpha"]' },
        { token_hash: sha256(bob.token), name: 'Bob', audiences: '["role:bravo"]' },
      ]);
      const everything = JSON.stringify([raw.prepare('SELECT * FROM lobbies').all(), raw.prepare('SELECT * FROM lobby_members').all()]);
      expect(everything).not.toContain(ann.token);
      expect(everything).not.toContain(bob.token);
    } finally {
      raw.close();
    }

    const second = await serve(dir, port);
    expect(second.host.recovered).toEqual([sessionId]);
    // The same key: the console's open tab (its URL holds it) and the printed link keep working.
    expect(second.server.facilitatorToken).toBe(key);
    const after = second.server.lobbies.get(sessionId)!;
    expect(after).toMatchObject({ code: opened.code, locked: true });
    expect(after.participants).toEqual(before.participants);
    expect(second.server.lobbies.byJoinCode(opened.code)?.sessionId).toBe(sessionId);

    // Ann's device reconnects by itself and sees why the exercise stopped.
    await until(() => annBridge.connection === 'connected' && alpha.latest()?.clock.status === 'paused', 10_000, 'Ann to come back to the paused session');
    expect(alpha.latest()?.clock.pausedFor).toBe('recovered');
    // Bob's token is accepted as it is, on the socket and by the token check.
    const bobDevice = RawClient.token(second, bob.token);
    expect(await bobDevice.refused).toBeNull();
    const bobView = (await bobDevice.subscribe(sessionId, 'role:bravo')).first as { projection: RoleView };
    expect(bobView.projection.clock).toMatchObject({ status: 'paused', pausedFor: 'recovered' });
    const check = await fetch(`${second.base}/api/token`, { headers: { 'X-Drillbook-Token': bob.token } });
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({ sessionId, audiences: ['role:bravo'], name: 'Bob' });
    // A token nobody was given still is not.
    expect(await RawClient.token(second, 'x'.repeat(43)).refused).toBe(401);

    // The facilitator's tab reconnects with its key and resumes.
    const console2 = RawClient.token(second, key);
    expect(await console2.refused).toBeNull();
    const facilitatorView = (await console2.subscribe(sessionId, 'facilitator')).first as { projection: { clock: { status: string; pausedFor: string | null } } };
    expect(facilitatorView.projection.clock).toMatchObject({ status: 'paused', pausedFor: 'recovered' });
    expect((await console2.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.resume' } })).ok).toBe(true);
    await until(() => alpha.latest()?.clock.status === 'running', 10_000, 'Ann to carry on');
    expect(alpha.latest()?.clock.pausedFor).toBeNull();
    // Ann can still answer as her role.
    await until(() => (alpha.latest()?.prompts ?? []).some((p) => p.id === 'alpha-text'), 10_000, 'alpha\'s prompt');
    expect((await annBridge.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'prompt.answer', prompt: 'alpha-text', answer: 'after the restart' } })).ok).toBe(true);

    // Nothing facilitator-only reached Ann across the restart, nor anything of another role.
    const annBytes = received.join('\n');
    for (const canary of SHARED_CANARIES) expect(annBytes).not.toContain(canary);
    bobDevice.close();
    console1.close();
    console2.close();
  });

  it('a device reconnecting after a restart is not refused by the rate limiter while a dead token on its address keeps failing', async () => {
    const dir = newDir();
    const limits = { wrongCodes: { capacity: 3, perSecond: 0.001 } };
    const first = await serve(dir, 0, limits);
    const port = first.server.port;
    const sessionId = await lanSession(first);
    const { code } = await must(first.server.openLobby(sessionId));
    const ann = await joinLobby(first, code, 'Ann');
    const key = first.server.facilitatorToken;
    await first.close();

    const second = await serve(dir, port, limits);
    // A tab on the same address keeps dialling with a token no lobby knows (joined to a lobby since
    // closed, say): after three it is answered 429, the flood protection.
    const dead = 'd'.repeat(43);
    const statuses: (number | null)[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await RawClient.token(second, dead).refused);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await fetch(`${second.base}/api/token`, { headers: { 'X-Drillbook-Token': dead } })).status).toBe(429);
    expect((await postJson(second, '/api/lobby', { code: code === '000000' ? '000001' : '000000' })).status).toBe(429);

    // Ann's device, on that same address, comes back: its token is good, so it is not a guess.
    const annCheck = await fetch(`${second.base}/api/token`, { headers: { 'X-Drillbook-Token': ann.token } });
    expect(annCheck.status).toBe(200);
    const annDevice = RawClient.token(second, ann.token);
    expect(await annDevice.refused).toBeNull();
    const view = (await annDevice.subscribe(sessionId, 'role:alpha')).first as { projection: RoleView };
    expect(view.projection.role.id).toBe('alpha');
    // And the facilitator's tab, also on this machine's address.
    const console2 = RawClient.token(second, key);
    expect(await console2.refused).toBeNull();
    // The dead token is still refused, and cannot make anyone leave.
    expect(await RawClient.token(second, dead).refused).toBe(429);
    expect((await postJson(second, '/api/leave', {}, { 'X-Drillbook-Token': dead })).status).toBe(429);
    // Ann may still leave from that address.
    expect((await postJson(second, '/api/leave', {}, { 'X-Drillbook-Token': ann.token })).status).toBe(200);
    expect((await fetch(`${second.base}/api/token`, { headers: { 'X-Drillbook-Token': ann.token } })).status).toBe(429);
    annDevice.close();
    console2.close();
  });

  it('tells the facilitator when the data file refuses a lobby, and opens none', async () => {
    const lan = await serve(newDir());
    const sessionId = await lanSession(lan);
    lan.host.store.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON lobbies BEGIN SELECT RAISE(ABORT, 'the disk is full (test)'); END");
    const opened = await lan.server.openLobby(sessionId);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatchObject({ code: 'storage', message: expect.stringContaining('the disk is full (test)') });
    expect(lan.server.lobbies.get(sessionId)).toBeNull();
  });

  it('`drillbook serve` on the same data file prints the same console link and says who can reconnect', async () => {
    const dir = newDir();
    const serveOnce = async () => {
      const out: string[] = [];
      const err: string[] = [];
      let stop: () => void = () => {};
      const served = runServe({ db: join(dir, 'data.db'), host: '127.0.0.1', port: 0, scenario: null, build: false },
        { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: dir }, new Promise<void>((r) => (stop = r)));
      await until(() => out.some((l) => l.includes('?token=')), 30_000, `serve to print its URL (${err.join(' ')})`);
      const url = new URL(/http:\/\/\S+/.exec(out.find((l) => l.includes('?token='))!)![0]);
      return { out, err, url, token: url.searchParams.get('token')!, async stop() { stop(); expect(await served).toBe(0); } };
    };
    const first = await serveOnce();
    const console1 = new RawClient(`ws://${first.url.host}/ws?token=${first.token}`);
    await console1.opened;
    const entry = (await console1.request('library.import', { fileName: 'lan.yaml', text: LAN_SCENARIO })).value as { entryId: string };
    const { sessionId } = (await console1.request('sessions.create', { entryId: entry.entryId, facilitator: 'Fay', participants: [{ name: 'Ann', roles: ['alpha'] }] })).value as { sessionId: string };
    const lobby = ((await console1.lobby('lobby.open', { sessionId })).value as { lobby: { code: string } }).lobby;
    const joined = await fetch(`http://${first.url.host}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: lobby.code, name: 'Ann' }) });
    expect(joined.status).toBe(200);
    console1.close();
    await first.stop();

    const second = await serveOnce();
    expect(second.token).toBe(first.token);
    expect(second.out).toContain(`Participants of session ${sessionId} can reconnect: join code ${lobby.code}, 1 device(s).`);
    expect(second.err).toEqual([]);
    // The exercise ends; the next start closes its lobby (a finished exercise's code and tokens do
    // not work for good).
    const console2 = new RawClient(`ws://${second.url.host}/ws?token=${second.token}`);
    await console2.opened;
    for (const type of ['session.start', 'session.end']) expect((await console2.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type } })).ok).toBe(true);
    console2.close();
    await second.stop();
    const third = await serveOnce();
    expect(third.out).toContain('Closed the lobbies of 1 ended session(s): their codes and devices no longer work.');
    expect(third.out.some((l) => l.includes('can reconnect'))).toBe(false);
    const lookUp = await fetch(`http://${third.url.host}/api/lobby`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: lobby.code }) });
    expect(lookUp.status).toBe(404);
    await third.stop();
  });
});
