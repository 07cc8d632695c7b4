import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { FakeIpcMain, fakeEvent, fakeSender } from './fakes.ts';

vi.mock('electron', () => ({}));

const { createIpcRouter } = await import('../../../electron/main/ipc.ts');
const { isAppUrl } = await import('../../../electron/main/app-protocol.ts');
const { INVOKE } = await import('../../../electron/main/channels.ts');
import type { WindowContext } from '../../../core/protocol/desktop.ts';

const FACILITATOR: WindowContext = { kind: 'facilitator', role: null, sessionId: null };
const SEAT: WindowContext = { kind: 'seat', role: 'ic', sessionId: 's-1' };

describe('the IPC wrapper', () => {
  let ipcMain: FakeIpcMain;
  let sideEffects: unknown[];
  const windows = new Map<number, WindowContext>([
    [1, FACILITATOR],
    [2, SEAT],
  ]);

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    sideEffects = [];
    const router = createIpcRouter({ ipcMain, windowOf: (id) => windows.get(id), isAppUrl, log: () => undefined });
    router.handle(
      INVOKE.openSeat,
      z.tuple([z.object({ sessionId: z.string().min(1), role: z.string().regex(/^[a-z]+$/) })]),
      (caller, [args]) => {
        sideEffects.push({ who: caller.window.kind, ...args });
        return { ok: true, value: 'opened' };
      },
      ['facilitator'],
    );
    router.handle(INVOKE.openExternal, z.tuple([z.string()]), () => {
      throw new Error('disk full at /tmp/x');
    });
  });

  it('runs the handler for a valid request from an app window and answers ok/value', async () => {
    const answer = await ipcMain.invoke(fakeEvent(fakeSender(1)), INVOKE.openSeat, { sessionId: 's-1', role: 'ic' });
    expect(answer).toEqual({ ok: true, value: 'opened' });
    expect(sideEffects).toEqual([{ who: 'facilitator', sessionId: 's-1', role: 'ic' }]);
  });

  const foreign: [string, () => ReturnType<typeof fakeEvent>][] = [
    ['a page of another origin', () => fakeEvent(fakeSender(1), { url: 'https://evil.example/' })],
    ['a file:// page', () => fakeEvent(fakeSender(1), { url: 'file:///home/u/index.html' })],
    ['a lookalike custom origin', () => fakeEvent(fakeSender(1), { url: 'app://drillbook.evil/index.html' })],
    ['userinfo on the app origin', () => fakeEvent(fakeSender(1), { url: 'app://x@drillbook/index.html' })],
    ['a data: page', () => fakeEvent(fakeSender(1), { url: 'data:text/html,<p>hi' })],
    ['a subframe of an app window', () => fakeEvent(fakeSender(1), { subframe: true })],
    ['a frame that is gone', () => fakeEvent(fakeSender(1), { noFrame: true })],
    ['a window the app did not open', () => fakeEvent(fakeSender(99))],
  ];

  it.each(foreign)('refuses %s without running the handler', async (_name, event) => {
    const answer = (await ipcMain.invoke(event(), INVOKE.openSeat, { sessionId: 's-1', role: 'ic' })) as { ok: boolean; error: { code: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('forbidden');
    expect(sideEffects).toEqual([]);
  });

  it('refuses a window kind the channel is not for', async () => {
    const answer = (await ipcMain.invoke(fakeEvent(fakeSender(2)), INVOKE.openSeat, { sessionId: 's-1', role: 'ic' })) as { ok: boolean; error: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).toContain('seat window');
    expect(sideEffects).toEqual([]);
  });

  const malformed: [string, unknown[]][] = [
    ['no argument', []],
    ['a string instead of an object', ['s-1']],
    ['a missing field', [{ sessionId: 's-1' }]],
    ['a field of the wrong shape', [{ sessionId: 's-1', role: 'IC; rm -rf' }]],
    ['an extra argument', [{ sessionId: 's-1', role: 'ic' }, 'extra']],
    ['null', [null]],
    ['a prototype-polluting object', [JSON.parse('{"__proto__": {"admin": true}, "sessionId": "", "role": "ic"}')]],
  ];

  it.each(malformed)('refuses %s without running the handler', async (_name, args) => {
    const answer = (await ipcMain.invoke(fakeEvent(fakeSender(1)), INVOKE.openSeat, ...args)) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('invalid-request');
    expect(answer.error.message).toContain(INVOKE.openSeat);
    expect(sideEffects).toEqual([]);
  });

  it('turns a handler failure into an error answer with a message, not a stack', async () => {
    const answer = (await ipcMain.invoke(fakeEvent(fakeSender(1)), INVOKE.openExternal, 'x')) as { ok: boolean; error: { code: string; message: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(answer.error.message).toContain('disk full');
    expect(answer.error.message).not.toMatch(/\n\s+at /);
  });

  it('refuses to register one channel twice', () => {
    const router = createIpcRouter({ ipcMain: new FakeIpcMain(), windowOf: () => undefined, isAppUrl });
    router.handle(INVOKE.request, z.tuple([]), () => ({ ok: true, value: null }));
    expect(() => router.handle(INVOKE.request, z.tuple([]), () => ({ ok: true, value: null }))).toThrow(/twice/);
  });
});
