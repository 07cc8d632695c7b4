// The IPC handlers over the real backend (the service host on a real SQLite file, real timers), as
// the windows reach them: only the electron module and the windows are faked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeIpcMain, fakeEvent, fakeSender, type FakeSender } from './fakes.ts';

vi.mock('electron', () => ({}));

const { createIpcRouter } = await import('../../../electron/main/ipc.ts');
const { registerIpc } = await import('../../../electron/main/register-ipc.ts');
const { isAppUrl } = await import('../../../electron/main/app-protocol.ts');
const { INVOKE, PUSH } = await import('../../../electron/main/channels.ts');
const { openDesktopBackend } = await import('../../../electron/main/backend.ts');
import type { WindowContext } from '../../../core/protocol/desktop.ts';
import type { DesktopServices } from '../../../electron/main/register-ipc.ts';
import type { LibraryEntry, SessionSummary } from '../../../core/protocol/bridge.ts';

type Answer<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const ROOT = join(import.meta.dirname, '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'drillbook-ipc-'));

const windows = new Map<number, WindowContext>();
const ipcMain = new FakeIpcMain();
const written: string[] = [];
const opened: string[] = [];
const printed: string[] = [];
let nextTarget: string | null = null;

const backend = openDesktopBackend({
  userData: out,
  scenariosDir: join(ROOT, 'scenarios'),
  host: { backups: false, watch: false },
  printPdf: async (html: string) => {
    printed.push(html);
    return new TextEncoder().encode('%PDF-1.7 fake');
  },
  onError: () => undefined,
});

const services: DesktopServices = {
  bridge: backend.bridge,
  pickScenario: async () => ({ ok: true, value: null }),
  pickReportTarget: async () => nextTarget,
  pickBundle: async () => null,
  openBundle: backend.openBundle,
  writeFile: async (path, data) => {
    written.push(path);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, data);
  },
  openSeat: (sessionId, role) => void opened.push(`seat ${sessionId} ${role}`),
  openRoomScreen: (sessionId, fullscreen) => void opened.push(`room ${sessionId} ${fullscreen}`),
  openExternal: async (url) => void opened.push(`external ${url}`),
  joining: backend.joining,
};

afterAll(async () => {
  await backend.close();
  rmSync(out, { recursive: true, force: true });
});

registerIpc(createIpcRouter({ ipcMain, windowOf: (id) => windows.get(id), isAppUrl, log: () => undefined }), services);

const facilitator = fakeSender(1);
let seat: FakeSender;
let room: FakeSender;
let session: SessionSummary;
let role: string;
let entryId: string;

const call = <T>(sender: FakeSender, channel: string, ...args: unknown[]) => ipcMain.invoke(fakeEvent(sender), channel, ...args) as Promise<Answer<T>>;

beforeAll(async () => {
  windows.set(1, { kind: 'facilitator', role: null, sessionId: null });
  const library = await call<LibraryEntry[]>(facilitator, INVOKE.request, 'library.list', {});
  if (!library.ok) throw new Error(library.error.message);
  const entry = library.value[0];
  if (!entry) throw new Error('no shipped scenario');
  role = entry.roles[0]?.id ?? 'ic';
  entryId = entry.entryId;
  const created = await call<SessionSummary>(facilitator, INVOKE.request, 'sessions.create', {
    entryId: entry.entryId,
    facilitator: 'Fran',
    participants: entry.roles.map((r, i) => ({ name: `P${i}`, roles: [r.id] })),
  });
  if (!created.ok) throw new Error(created.error.message);
  session = created.value;
  windows.set(2, { kind: 'seat', role, sessionId: session.sessionId });
  windows.set(3, { kind: 'room', role: null, sessionId: session.sessionId });
  seat = fakeSender(2);
  room = fakeSender(3);
});

describe('IPC over the real service', () => {
  it('answers the facilitator’s requests', async () => {
    const listed = await call<SessionSummary[]>(facilitator, INVOKE.request, 'sessions.list', {});
    expect(listed.ok && listed.value.map((s) => s.sessionId)).toEqual([session.sessionId]);
  });

  it('tells each window who it is, from the main process’s record', async () => {
    expect(await call(seat, INVOKE.windowContext)).toEqual({ ok: true, value: { kind: 'seat', role, sessionId: session.sessionId } });
  });

  it('keeps seats and the room away from facilitator requests and verbs', async () => {
    for (const sender of [seat, room]) {
      expect(await call(sender, INVOKE.request, 'sessions.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(sender, INVOKE.request, 'debrief.get', { sessionId: session.sessionId })).toMatchObject({ ok: false });
      expect(await call(sender, INVOKE.openSeat, { sessionId: session.sessionId, role })).toMatchObject({ ok: false });
      expect(await call(sender, INVOKE.exportReport, { sessionId: session.sessionId, format: 'json' })).toMatchObject({ ok: false });
    }
    expect(opened).toEqual([]);
  });

  it('refuses a seat that subscribes to the facilitator’s view, and tells its page why', async () => {
    const answer = await call(seat, INVOKE.subscribe, 's1', { sessionId: session.sessionId, audience: 'facilitator' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seat.send).not.toHaveBeenCalled();
  });

  it('pushes a seat its own projection, with no runbook expectations in it', async () => {
    const answer = await call(seat, INVOKE.subscribe, 's7', { sessionId: session.sessionId, audience: `role:${role}` });
    expect(answer).toEqual({ ok: true, value: null });
    await vi.waitFor(() => expect(seat.send).toHaveBeenCalled());
    const [channel, id, update] = seat.send.mock.calls[0] as [string, string, { kind: string; projection: unknown }];
    expect(channel).toBe(PUSH.update);
    expect(id).toBe('s7');
    expect(update.kind).toBe('projection');
    expect(JSON.stringify(update.projection)).not.toMatch(/"expect"|"score|"notes"/);
    // The same session seen by the facilitator does hold the expectations: the check above bites.
    await call(facilitator, INVOKE.subscribe, 's9', { sessionId: session.sessionId, audience: 'facilitator' });
    await vi.waitFor(() => expect(facilitator.send).toHaveBeenCalled());
    expect(JSON.stringify(facilitator.send.mock.calls[0]?.[2])).toMatch(/"expect"/);
    await call(facilitator, INVOKE.unsubscribe, 's9');
    const sends = seat.send.mock.calls.length;
    await call(seat, INVOKE.unsubscribe, 's7');
    await call(facilitator, INVOKE.request, 'live.dispatch', { sessionId: session.sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    expect(seat.send.mock.calls.length).toBe(sends);
  });

  it('stops a closed window’s subscriptions', async () => {
    await call(room, INVOKE.subscribe, 's1', { sessionId: session.sessionId, audience: 'room' });
    await vi.waitFor(() => expect(room.send).toHaveBeenCalled());
    room.emit('destroyed');
    const before = room.send.mock.calls.length;
    await call(facilitator, INVOKE.request, 'live.dispatch', { sessionId: session.sessionId, actor: 'facilitator', command: { type: 'session.pause' } });
    expect(room.send.mock.calls.length).toBe(before);
  });

  it('lets a seat act only as its own role', async () => {
    const other = await call(seat, INVOKE.request, 'live.dispatch', { sessionId: session.sessionId, actor: 'facilitator', command: { type: 'session.end' } });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const status = await call<SessionSummary[]>(facilitator, INVOKE.request, 'sessions.list', {});
    expect(status.ok && status.value[0]?.status).not.toBe('ended');
  });

  it('exports a report where the facilitator chose, and writes nothing when the dialog is cancelled', async () => {
    nextTarget = null;
    expect(await call(facilitator, INVOKE.exportReport, { sessionId: session.sessionId, format: 'json' })).toEqual({ ok: true, value: null });
    expect(written).toEqual([]);
    nextTarget = join(out, 'debrief.json');
    expect(await call(facilitator, INVOKE.exportReport, { sessionId: session.sessionId, format: 'json' })).toEqual({ ok: true, value: { path: nextTarget } });
    const debrief = JSON.parse(readFileSync(nextTarget, 'utf8')) as { format?: string };
    expect(debrief.format).toBe('drillbook/debrief@1');
  });

  it('prints PDF from the report HTML through the desktop printer', async () => {
    nextTarget = join(out, 'debrief.pdf');
    expect(await call(facilitator, INVOKE.exportReport, { sessionId: session.sessionId, format: 'pdf' })).toMatchObject({ ok: true });
    expect(readFileSync(nextTarget, 'utf8')).toBe('%PDF-1.7 fake');
    expect(printed.at(-1)).toMatch(/<html/i);
  });

  it('saves a scenario\'s facilitator guide as PDF like a report, for the facilitator\'s window only', async () => {
    nextTarget = join(out, 'guide.pdf');
    expect(await call(facilitator, INVOKE.exportGuide, { entryId, audience: 'facilitator', format: 'pdf' })).toEqual({ ok: true, value: { path: nextTarget } });
    expect(readFileSync(nextTarget, 'utf8')).toBe('%PDF-1.7 fake');
    expect(printed.at(-1)).toContain('Facilitator and evaluator guide');
    nextTarget = join(out, 'manual.md');
    expect(await call(facilitator, INVOKE.exportGuide, { entryId, audience: 'participants', role, format: 'md' })).toEqual({ ok: true, value: { path: nextTarget } });
    expect(readFileSync(nextTarget, 'utf8')).toMatch(/^# Situation manual: /);
    expect(await call(seat, INVOKE.exportGuide, { entryId, audience: 'facilitator', format: 'md' })).toMatchObject({ ok: false });
  });

  it('opens room and seat windows for the facilitator only, with checked arguments', async () => {
    expect(await call(facilitator, INVOKE.openRoomScreen, { sessionId: session.sessionId, fullscreen: true })).toEqual({ ok: true, value: null });
    expect(await call(facilitator, INVOKE.openSeat, { sessionId: session.sessionId, role: '../../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(opened).toEqual([`room ${session.sessionId} true`]);
  });

  it('opens only allowlisted links', async () => {
    expect(await call(seat, INVOKE.openExternal, 'javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'forbidden-link' } });
    expect(await call(seat, INVOKE.openExternal, 'https://github.com/')).toEqual({ ok: true, value: null });
    expect(opened.at(-1)).toBe('external https://github.com/');
  });

  it('offers no recovered sessions to anyone but the facilitator', async () => {
    expect(await call(room, INVOKE.recoveredSessions)).toMatchObject({ ok: false });
    const recovered = await call<SessionSummary[]>(facilitator, INVOKE.recoveredSessions);
    expect(recovered.ok && recovered.value.every((s) => s.status === 'running' || s.status === 'paused')).toBe(true);
  });

  it('keeps what was recorded in the SQLite data file', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(backend.path, { readonly: true });
    const row = db.prepare('select count(*) as n from events').get() as { n: number };
    db.close();
    expect(row.n).toBeGreaterThan(0);
  });

  it('opens session bundles through the store reader, saying plainly when the file is missing', async () => {
    const answer = await backend.openBundle(join(out, 'missing.drillbook'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('There is no session bundle at') } });
  });
});
