// The one way to register an IPC handler. Before a handler runs, the wrapper checks that the
// request comes from the main frame of a window the app created, showing a page of the app's own
// origin, and that its arguments match the channel's zod schema. A rejected request touches
// nothing; every answer is a BridgeResult: {ok: true, value} or {ok: false, error}.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { fail, type BridgeResult } from '../../core/protocol/bridge.ts';
import type { InvokeChannel } from './channels.ts';
import type { DesktopWindowKind, WindowContext } from '../../core/protocol/desktop.ts';

/** The slice of ipcMain the wrapper uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcCaller {
  /** The window's identity as the main process recorded it. */
  window: WindowContext;
  sender: WebContents;
}

export interface IpcRouterOptions {
  ipcMain: IpcMainLike;
  /** The identity of the window owning these webContents, or undefined for any other. */
  windowOf(webContentsId: number): WindowContext | undefined;
  /** Whether a URL is a page of the app's own origin (see app-protocol.ts). */
  isAppUrl(url: string): boolean;
  /** Where unexpected handler failures are logged (their message is not shown to the page). */
  log?: (message: string, error: unknown) => void;
}

/** Receives the caller and the arguments as the channel's schema parsed them (a tuple). */
export type IpcHandler<A> = (caller: IpcCaller, args: A) => Promise<BridgeResult<unknown>> | BridgeResult<unknown>;

export interface IpcRouter {
  handle<S extends z.ZodTuple>(
    channel: InvokeChannel,
    args: S,
    handler: IpcHandler<z.output<S>>,
    kinds?: readonly DesktopWindowKind[],
  ): void;
  /** The channels registered so far, in order. */
  channels(): InvokeChannel[];
  dispose(): void;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? `argument ${issue.path.join('.')}` : 'arguments'}: ${issue.message}`)
    .join('; ');
}

/** Checks the sender; returns who it is, or why it is refused. */
export function identifySender(event: IpcMainInvokeEvent, options: Pick<IpcRouterOptions, 'windowOf' | 'isAppUrl'>): BridgeResult<WindowContext> {
  const frame = event.senderFrame;
  if (!frame) return fail('forbidden', 'The window that sent this request has closed or navigated away.');
  if (frame !== event.sender.mainFrame) return fail('forbidden', 'Requests from embedded frames are refused.');
  if (!options.isAppUrl(frame.url)) return fail('forbidden', 'Requests from pages outside the app are refused.');
  const window = options.windowOf(event.sender.id);
  if (!window) return fail('forbidden', 'Requests from windows the app did not open are refused.');
  return { ok: true, value: window };
}

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const registered: InvokeChannel[] = [];
  const log = options.log ?? ((message, error) => console.error(message, error));

  return {
    handle<S extends z.ZodTuple>(
      channel: InvokeChannel,
      args: S,
      handler: IpcHandler<z.output<S>>,
      kinds?: readonly DesktopWindowKind[],
    ) {
      if (registered.includes(channel)) throw new Error(`IPC channel ${channel} is registered twice.`);
      registered.push(channel);
      options.ipcMain.handle(channel, async (event, ...raw) => {
        const sender = identifySender(event, options);
        if (!sender.ok) return sender;
        if (kinds && !kinds.includes(sender.value.kind)) {
          return fail('forbidden', `The ${sender.value.kind} window may not use ${channel}.`);
        }
        const parsed = args.safeParse(raw);
        if (!parsed.success) return fail('invalid-request', `Malformed request on ${channel}: ${describe(parsed.error)}.`);
        try {
          return await handler({ window: sender.value, sender: event.sender }, parsed.data);
        } catch (error) {
          log(`IPC handler ${channel} failed`, error);
          const message = error instanceof Error ? error.message : String(error);
          return fail('internal', `Drillbook could not complete this request: ${message}`);
        }
      });
    },
    channels: () => [...registered],
    dispose() {
      for (const channel of registered.splice(0)) options.ipcMain.removeHandler(channel);
    },
  };
}
