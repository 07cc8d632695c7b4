// The desktop's "let participants join" (the lobby service, electron/lan/lobby-service.ts) through its one IPC channel, over the real backend (the
// service host on a SQLite file) and the real LAN server on loopback; participants join over real
// HTTP and WebSocket. Only the electron module and the windows are faked.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeIpcMain, fakeEvent, fakeSender, type FakeSender } from './fakes.ts';
import { RawClient } from '../lan/helpers.ts';

vi.mock('electron', () => ({}));

// Every listen() of this process from here on: the backend must start none until joining is on.
const listens = vi.spyOn(Server.prototype, 'listen');

const { createIpcRouter } = await import('../../../electron/main/ipc.ts');
const { registerIpc } = await import('../../../electron/main/register-ipc.ts');
const { isAppUrl } = await import('../../../electron/main/app-protocol.ts');
const { INVOKE } = await import('../../../electron/main/channels.ts');
const { openDesktopBackend } = await import('../../../electron/main/backend.ts');
import type { JoinCard, JoiningStatus, ListenAddress, WindowContext } from '../../../core/protocol/desktop.ts';
import type { DesktopServices } from '../../../electron/main/register-ipc.ts';
import type { LibraryEntry, SessionSummary } from '../../../core/protocol/bridge.ts';

type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const ROOT = join(import.meta.dirname, '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'drillbook-join-'));

// A port someone else holds: the default the switch tries first, so it must take another.
const squatter = createServer();
await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
const busyPort = (squatter.address() as { port: number }).port;
const listensBefore = listens.mock.calls.length;

const backend = openDesktopBackend({
  userData: out,
  scenariosDir: join(ROOT, 'scenarios'),
  rendererDir: join(out, 'no-renderer'),
  host: { backups: false, watch: false },
  printPdf: async () => new Uint8Array(),
  onError: () => undefined,
  // 127.0.0.2 stands in for the room's network address (loopback only, as every test server).
  joining: { defaultPort: busyPort, addresses: () => [{ address: '127.0.0.1', label: 'This computer only', local: true }, { address: '127.0.0.2', label: 'room-wifi', local: false }] },
});

const windows = new Map<number, WindowContext>();
const ipcMain = new FakeIpcMain();
const services = { bridge: backend.bridge, joining: backend.joining } as unknown as DesktopServices;
registerIpc(createIpcRouter({ ipcMain, windowOf: (id) => windows.get(id), isAppUrl, log: () => undefined }), services);

const call = <T>(sender: FakeSender, channel: string, ...args: unknown[]) => ipcMain.invoke(fakeEvent(sender), channel, ...args) as Promise<Answer<T>>;
async function must<T>(answer: Promise<Answer<T>>): Promise<T> {
  const a = await answer;
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.value;
}

const facilitator = fakeSender(1);
const room = fakeSender(2);
const otherRoom = fakeSender(3);
const seat = fakeSender(4);
let sessionId: string;
let otherSessionId: string;
let roleIds: string[];

/** Whether anything accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.connect(port, host);
  });
}

async function joinAs(base: string, code: string, name: string): Promise<{ status: number; token?: string; audiences?: string[] }> {
  const response = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  const body = (await response.json()) as { token?: string; audiences?: string[] };
  return { status: response.status, ...body };
}

const tokenStatus = async (base: string, token: string) => (await fetch(`${base}/api/token`, { headers: { 'X-Drillbook-Token': token } })).status;

beforeAll(async () => {
  windows.set(1, { kind: 'facilitator', role: null, sessionId: null });
  const [entry] = await must(call<LibraryEntry[]>(facilitator, INVOKE.request, 'library.list', {}));
  if (!entry) throw new Error('no shipped scenario');
  roleIds = entry.roles.map((r) => r.id);
  const create = () => must(call<SessionSummary>(facilitator, INVOKE.request, 'sessions.create', {
    entryId: entry.entryId, facilitator: 'Fran', participants: [{ name: 'Ann', roles: [roleIds[0]] }],
  }));
  sessionId = (await create()).sessionId;
  otherSessionId = (await create()).sessionId;
  windows.set(2, { kind: 'room', role: null, sessionId });
  windows.set(3, { kind: 'room', role: null, sessionId: otherSessionId });
  windows.set(4, { kind: 'seat', role: roleIds[0] ?? 'ic', sessionId });
});

let backendClosed = false;
afterAll(async () => {
  if (!backendClosed) await backend.close();
  await new Promise((resolve) => squatter.close(resolve));
  rmSync(out, { recursive: true, force: true });
});

describe('let participants join, in the desktop app', () => {
  it('is off by default: no port opened, no lobby, nothing to lock', async () => {
    expect(await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.status', { sessionId }))).toEqual({ listening: null, choosesAddress: true, lobby: null });
    expect(await must(call<JoinCard | null>(room, INVOKE.lobby, 'lobby.card', { sessionId }))).toBeNull();
    expect(await call(facilitator, INVOKE.lobby, 'lobby.lock', { sessionId, locked: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(listens.mock.calls.length).toBe(listensBefore);
    expect(backend.joining.listening).toBe(false);
  });

  it('lists this computer first, then the network addresses', async () => {
    const choices = await must(call<ListenAddress[]>(facilitator, INVOKE.lobby, 'lobby.addresses', {}));
    expect(choices.map((c) => [c.address, c.local])).toEqual([['127.0.0.1', true], ['127.0.0.2', false]]);
  });

  it('is the facilitator’s switch alone, with checked arguments', async () => {
    for (const sender of [room, seat]) {
      expect(await call(sender, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(sender, INVOKE.lobby, 'lobby.status', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(sender, INVOKE.lobby, 'lobby.close', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await call(seat, INVOKE.lobby, 'lobby.card', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(otherRoom, INVOKE.lobby, 'lobby.card', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: 'localhost' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1', port: 70000 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Well formed, but not an address of this machine's list.
    const foreign = await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '10.11.12.13' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!foreign.ok && foreign.error.message).toMatch(/not one of this computer's addresses/);
    expect(await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId: 'no-such-session', address: '127.0.0.1' })).toMatchObject({ ok: false });
    expect(backend.joining.listening).toBe(false);
  });

  it('says so when the port asked for is taken', async () => {
    const taken = await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1', port: busyPort });
    expect(taken).toMatchObject({ ok: false, error: { code: 'port-in-use' } });
    expect(!taken.ok && taken.error.message).toContain(`Port ${busyPort}`);
    expect(backend.joining.listening).toBe(false);
  });

  it('turned on: a code, a URL and a QR code; a participant joins with the code over a real socket; off closes the port and kills the token', async () => {
    const on = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1' }));
    const port = on.listening?.port ?? 0;
    expect(on.listening?.address).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(busyPort);
    // The spy of the off-by-default test sees a listen when there is one.
    expect(listens.mock.calls.length).toBeGreaterThan(listensBefore);
    const lobby = on.lobby;
    if (!lobby) throw new Error('no lobby');
    expect(lobby.code).toMatch(/^\d{6}$/);
    expect(lobby.joinUrl).toBe(`http://127.0.0.1:${port}/?code=${lobby.code}`);
    expect(Buffer.from(lobby.qr.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')).toMatch(/^<svg/);
    // Bound to this computer only: the stand-in network address has nothing listening.
    expect(await accepts('127.0.0.2', port)).toBe(false);
    expect(await must(call<JoinCard | null>(room, INVOKE.lobby, 'lobby.card', { sessionId }))).toEqual({ code: lobby.code, joinUrl: lobby.joinUrl, qr: lobby.qr });

    const base = `http://127.0.0.1:${port}`;
    expect((await joinAs(base, '000000' === lobby.code ? '111111' : '000000', 'Mallory')).status).toBe(404);
    const ann = await joinAs(base, lobby.code, 'Ann');
    expect(ann.status).toBe(200);
    expect(ann.audiences).toEqual([`role:${roleIds[0]}`]);
    const socket = new RawClient(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(ann.token ?? '')}`);
    await socket.opened;
    // The same service as the desktop's windows: the session made over IPC is this role's view.
    const { first } = await socket.subscribe(sessionId, ann.audiences?.[0] ?? '');
    expect(first).toMatchObject({ kind: 'projection', sessionId });
    expect(JSON.stringify(first)).not.toMatch(/"expect"/);

    const status = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.status', { sessionId }));
    expect(status.lobby?.participants.map((p) => [p.name, p.audiences])).toEqual([['Ann', [`role:${roleIds[0]}`]]]);
    expect(await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.status', { sessionId: otherSessionId }))).toEqual({ listening: on.listening, choosesAddress: true, lobby: null });
    // Turning it on again for the same session keeps the port and the code; another address is refused.
    expect((await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1' }))).lobby?.code).toBe(lobby.code);
    expect(await call(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.2' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await must(call(facilitator, INVOKE.lobby, 'lobby.close', { sessionId }))).toEqual({ listening: null, choosesAddress: true, lobby: null });
    expect((await socket.closed).code).toBe(4002);
    expect(await accepts('127.0.0.1', port)).toBe(false);
    expect(await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.status', { sessionId }))).toEqual({ listening: null, choosesAddress: true, lobby: null });
    expect(await must(call<JoinCard | null>(room, INVOKE.lobby, 'lobby.card', { sessionId }))).toBeNull();

    // On again: a new code, and the old token is dead.
    const again = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1', port: 0 }));
    const againBase = `http://127.0.0.1:${again.listening?.port}`;
    expect(await tokenStatus(againBase, ann.token ?? '')).toBe(401);
    const stale = new RawClient(`ws://127.0.0.1:${again.listening?.port}/ws?token=${encodeURIComponent(ann.token ?? '')}`);
    expect(await stale.refused).toBe(401);
    await must(call(facilitator, INVOKE.lobby, 'lobby.close', { sessionId }));
  });

  it('locks the lobby and removes a participant: their socket closes and their token dies', async () => {
    const on = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1', port: 0 }));
    const base = `http://127.0.0.1:${on.listening?.port}`;
    const code = on.lobby?.code ?? '';
    const bob = await joinAs(base, code, 'Bob');
    expect(bob.status).toBe(200);
    const socket = new RawClient(`ws://127.0.0.1:${on.listening?.port}/ws?token=${encodeURIComponent(bob.token ?? '')}`);
    await socket.opened;

    const locked = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.lock', { sessionId, locked: true }));
    expect(locked.lobby?.locked).toBe(true);
    expect(await must(call<JoinCard | null>(room, INVOKE.lobby, 'lobby.card', { sessionId }))).toBeNull();
    expect((await joinAs(base, code, 'Late')).status).toBe(423);
    const unlocked = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.lock', { sessionId, locked: false }));
    expect(unlocked.lobby?.locked).toBe(false);

    const id = unlocked.lobby?.participants.find((p) => p.name === 'Bob')?.id ?? '';
    const removed = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.remove', { sessionId, participantId: id }));
    expect(removed.lobby?.participants.map((p) => p.name)).toEqual([]);
    expect((await socket.closed).code).toBe(4001);
    expect(await tokenStatus(base, bob.token ?? '')).toBe(401);
    expect(await call(facilitator, INVOKE.lobby, 'lobby.remove', { sessionId, participantId: id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call(facilitator, INVOKE.lobby, 'lobby.remove', { sessionId, participantId: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await must(call(facilitator, INVOKE.lobby, 'lobby.close', { sessionId }));
  });

  it('on a chosen network address, participants join there', async () => {
    const on = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.2', port: 0 }));
    const port = on.listening?.port ?? 0;
    expect(on.lobby?.joinUrl).toBe(`http://127.0.0.2:${port}/?code=${on.lobby?.code}`);
    const cy = await joinAs(`http://127.0.0.2:${port}`, on.lobby?.code ?? '', 'Cy');
    expect(cy.status).toBe(200);
    await must(call(facilitator, INVOKE.lobby, 'lobby.close', { sessionId }));
    expect(await accepts('127.0.0.2', port)).toBe(false);
  });

  it('stops the server when the app quits (the backend closes before the data file)', async () => {
    const on = await must(call<JoiningStatus>(facilitator, INVOKE.lobby, 'lobby.open', { sessionId, address: '127.0.0.1', port: 0 }));
    const port = on.listening?.port ?? 0;
    expect(await accepts('127.0.0.1', port)).toBe(true);
    backendClosed = true;
    await backend.close();
    expect(await accepts('127.0.0.1', port)).toBe(false);
    expect(backend.joining.listening).toBe(false);
  });
});
