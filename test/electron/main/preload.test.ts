import { describe, expect, it, vi } from 'vitest';
import { FakeIpcMain } from './fakes.ts';

// A recording ipcRenderer and contextBridge: the preload runs for real against them.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => {
      invoked.push({ channel, args });
      return { ok: true, value: null };
    }),
    on: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(fn);
    }),
    removeListener: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn);
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => void (exposed[key] = value)) };
  const emit = (channel: string, ...args: unknown[]) => {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const fn of listeners.get(channel) ?? []) fn(event, ...args);
  };
  return { ipcRenderer, contextBridge, exposed, invoked, listeners, emit };
});

vi.mock('electron', () => ({ ipcRenderer: electron.ipcRenderer, contextBridge: electron.contextBridge }));

await import('../../../electron/main/preload.ts');
const { INVOKE_CHANNELS, PUSH, INVOKE } = await import('../../../electron/main/channels.ts');
const { createIpcRouter } = await import('../../../electron/main/ipc.ts');
const { registerIpc } = await import('../../../electron/main/register-ipc.ts');
const { isAppUrl } = await import('../../../electron/main/app-protocol.ts');
import type { DesktopApi } from '../../../core/protocol/desktop.ts';
import type { DesktopServices } from '../../../electron/main/register-ipc.ts';

const api = electron.exposed.drillbookBridge as DesktopApi;

/** Calls every function of the exposed API once and returns the channels they invoked. */
async function exerciseEveryMethod(): Promise<Set<string>> {
  electron.invoked.length = 0;
  await api.request('sessions.list', {});
  const stop = api.subscribe({ sessionId: 's-1', audience: 'room' }, () => undefined);
  stop();
  api.onConnection(() => undefined)();
  await api.desktop.windowContext();
  await api.desktop.recoveredSessions();
  await api.desktop.importScenario();
  await api.desktop.exportReport({ sessionId: 's-1', format: 'pdf' });
  await api.desktop.exportGuide({ entryId: 'e-1', audience: 'facilitator', format: 'pdf' });
  await api.desktop.openBundle();
  await api.desktop.openSeat({ sessionId: 's-1', role: 'ic' });
  await api.desktop.openRoomScreen({ sessionId: 's-1', fullscreen: true });
  await api.desktop.openExternal('https://github.com/');
  api.desktop.onMenuCommand(() => undefined)();
  await api.desktop.lobby('lobby.status', { sessionId: 's-1' });
  await Promise.resolve();
  return new Set(electron.invoked.map((call) => call.channel));
}

function functionPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [prefix];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => functionPaths(v, prefix ? `${prefix}.${key}` : key));
  return [];
}

describe('the preload', () => {
  it('exposes one object, once, under window.drillbookBridge', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('drillbookBridge');
  });

  it('freezes the object and its nested verbs', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.desktop)).toBe(true);
    expect(() => {
      (api as unknown as Record<string, unknown>).request = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('never hands the page ipcRenderer or any of its methods', () => {
    const seen: unknown[] = [];
    const walk = (value: unknown) => {
      seen.push(value);
      if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(api);
    const forbidden = [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)];
    expect(seen.some((value) => forbidden.includes(value as never))).toBe(false);
    expect(functionPaths(api).sort()).toEqual(
      [
        'request', 'subscribe', 'onConnection',
        'desktop.windowContext', 'desktop.recoveredSessions', 'desktop.importScenario', 'desktop.exportReport', 'desktop.exportGuide',
        'desktop.openBundle', 'desktop.openSeat', 'desktop.openRoomScreen', 'desktop.openExternal', 'desktop.onMenuCommand',
        'desktop.lobby',
      ].sort(),
    );
  });

  it('passes menu commands to listeners as plain names, without the IPC event', () => {
    const received: unknown[][] = [];
    const stop = api.desktop.onMenuCommand((...args: unknown[]) => void received.push(args));
    electron.emit(PUSH.menuCommand, 'session.pause');
    electron.emit(PUSH.menuCommand, { not: 'a name' });
    stop();
    electron.emit(PUSH.menuCommand, 'session.end');
    expect(received).toEqual([['session.pause']]);
  });

  it('delivers only its own subscription updates, without the IPC event', async () => {
    const updates: unknown[][] = [];
    const stop = api.subscribe({ sessionId: 's-1', audience: 'role:ic' }, (...args: unknown[]) => void updates.push(args));
    const subscribeCall = electron.invoked.findLast((call) => call.channel === INVOKE.subscribe);
    const id = subscribeCall?.args[0];
    expect(typeof id).toBe('string');
    const update = { kind: 'projection', sessionId: 's-1', audience: 'role:ic', projection: { n: 1 } };
    electron.emit(PUSH.update, id, update);
    electron.emit(PUSH.update, 'someone-else', { kind: 'projection', projection: { n: 2 } });
    stop();
    electron.emit(PUSH.update, id, update);
    expect(updates).toEqual([[update]]);
    expect(electron.invoked.at(-1)).toEqual({ channel: INVOKE.unsubscribe, args: [id] });
  });

  it('reports a refused subscription to its listener', async () => {
    electron.ipcRenderer.invoke.mockImplementationOnce(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    const updates: unknown[] = [];
    api.subscribe({ sessionId: 's-1', audience: 'facilitator' }, (update) => void updates.push(update));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(updates).toEqual([{ kind: 'error', sessionId: 's-1', audience: 'facilitator', error: { code: 'forbidden', message: 'no' } }]);
  });

  it('invokes exactly the channels the main process registers', async () => {
    const used = await exerciseEveryMethod();
    const ipcMain = new FakeIpcMain();
    const router = createIpcRouter({ ipcMain, windowOf: () => undefined, isAppUrl });
    registerIpc(router, {} as DesktopServices);
    const registered = new Set(ipcMain.handlers.keys());
    expect([...used].sort()).toEqual([...registered].sort());
    expect([...registered].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(router.channels().sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});
