// Test doubles for the slices of Electron the main-process modules use. Only Electron is faked;
// everything of ours runs for real.
import { vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from '../../../electron/main/ipc.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** An ipcMain that records handlers and lets a test invoke them as a page would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: IpcMainInvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

export interface FakeSenderOptions {
  id?: number;
  url?: string;
  /** The request comes from a subframe of the window. */
  subframe?: boolean;
  /** The frame is gone (closed or navigated). */
  noFrame?: boolean;
}

export function fakeSender(id = 1, url = 'app://drillbook/index.html') {
  const listeners = new Map<string, () => void>();
  return {
    id,
    mainFrame: { url, parent: null },
    send: vi.fn(),
    isDestroyed: vi.fn(() => false),
    once: vi.fn((name: string, fn: () => void) => void listeners.set(name, fn)),
    emit(name: string) {
      listeners.get(name)?.();
    },
  };
}

export type FakeSender = ReturnType<typeof fakeSender>;

export function fakeEvent(sender: FakeSender, options: FakeSenderOptions = {}): IpcMainInvokeEvent {
  const frame = options.noFrame
    ? null
    : options.subframe
      ? { url: options.url ?? sender.mainFrame.url, parent: sender.mainFrame }
      : options.url !== undefined
        ? Object.assign(sender.mainFrame, { url: options.url })
        : sender.mainFrame;
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}
