// Every IPC channel of the desktop app, registered through the one wrapper (ipc.ts). The handlers
// only route: the Bridge (core/service over electron/store and electron/host) does the work,
// and access.ts decides what each window may ask.
import type { WebContents } from 'electron';
import { z } from 'zod';
import {
  bridgeRequestSchemas,
  fail,
  ok,
  parseBridgeRequest,
  parseSubscribe,
  type Bridge,
  type BridgeResult,
  type ExportedReport,
  type ExportFormat,
  type ImportedEntry,
  type SessionDetail,
} from '../../core/protocol/bridge.ts';
import { slug, storedId } from '../../core/protocol/fields.ts';
import { authorizeLobby } from '../../core/protocol/authorize.ts';
import { parseLobbyRequest } from '../../core/protocol/lobby.ts';
import type { LobbyService } from '../lan/lobby-service.ts';
import { actorOf, authorizeRequest, authorizeSubscribe } from './access.ts';
import { INVOKE, PUSH } from './channels.ts';
import type { IpcRouter } from './ipc.ts';
import { allowedExternalUrl } from './links.ts';

/** A scenario file the facilitator picked, read and size-checked. */
export interface PickedScenario {
  fileName: string;
  text: string;
}

/** What the IPC handlers need from the rest of the app (main.ts passes the real ones). */
export interface DesktopServices {
  bridge: Bridge;
  pickScenario(parent: WebContents): Promise<BridgeResult<PickedScenario | null>>;
  pickReportTarget(parent: WebContents, suggestedName: string, format: ExportFormat): Promise<string | null>;
  pickBundle(parent: WebContents): Promise<string | null>;
  openBundle(path: string): Promise<BridgeResult<SessionDetail>>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  openSeat(sessionId: string, role: string): void;
  openRoomScreen(sessionId: string, fullscreen: boolean): void;
  openExternal(url: string): Promise<void>;
  /** "Let participants join": the lobby service, its LAN server over the same service (backend.joining). */
  joining: Pick<LobbyService, 'handle'>;
}

// The protocol's own field schemas, reused so that an id means the same on every transport.
const SessionIdSchema = storedId();
const RoleSchema = slug();
const SubscriptionIdSchema = z.string().regex(/^s[0-9]{1,9}$/, 'a subscription id such as s1');
const MethodSchema = z.string().min(1).max(64);

const FACILITATOR = ['facilitator'] as const;

/** Sessions that were running or paused when the app last stopped: offered for recovery. */
export function recoverableSessions<T extends { status: string }>(sessions: readonly T[]): T[] {
  return sessions.filter((s) => s.status === 'running' || s.status === 'paused');
}

function reportBytes(report: ExportedReport): Uint8Array {
  return report.encoding === 'base64' ? Buffer.from(report.content, 'base64') : Buffer.from(report.content, 'utf8');
}

export function registerIpc(router: IpcRouter, services: DesktopServices): { dispose(): void } {
  const { bridge } = services;
  /** Live subscriptions, per sending webContents, by the page's subscription id. */
  const subscriptions = new Map<WebContents, Map<string, () => void>>();

  const endSubscription = (sender: WebContents, id: string): void => {
    const own = subscriptions.get(sender);
    own?.get(id)?.();
    own?.delete(id);
  };

  router.handle(INVOKE.request, z.tuple([MethodSchema, z.unknown()]), async ({ window }, [method, params]) => {
    const parsed = parseBridgeRequest(method, params);
    if (!parsed.ok) return parsed;
    const allowed = authorizeRequest(window, parsed.value);
    if (!allowed.ok) return allowed;
    return bridge.request(allowed.value.method, allowed.value.params);
  });

  router.handle(INVOKE.subscribe, z.tuple([SubscriptionIdSchema, z.unknown()]), ({ window, sender }, [id, params]) => {
    const parsed = parseSubscribe(params);
    if (!parsed.ok) return parsed;
    const allowed = authorizeSubscribe(window, parsed.value);
    if (!allowed.ok) return allowed;
    let own = subscriptions.get(sender);
    if (!own) {
      own = new Map();
      subscriptions.set(sender, own);
      // A closed or crashed window must not keep its projections flowing.
      sender.once('destroyed', () => {
        for (const stop of subscriptions.get(sender)?.values() ?? []) stop();
        subscriptions.delete(sender);
      });
    }
    endSubscription(sender, id);
    own.set(
      id,
      bridge.subscribe(allowed.value, (update) => {
        if (!sender.isDestroyed()) sender.send(PUSH.update, id, update);
      }),
    );
    return ok(null);
  });

  router.handle(INVOKE.unsubscribe, z.tuple([SubscriptionIdSchema]), ({ sender }, [id]) => {
    endSubscription(sender, id);
    return ok(null);
  });

  router.handle(INVOKE.windowContext, z.tuple([]), ({ window }) => ok(window));

  router.handle(
    INVOKE.recoveredSessions,
    z.tuple([]),
    async () => {
      const listed = await bridge.request('sessions.list', {});
      if (!listed.ok) return listed;
      return ok(recoverableSessions(listed.value));
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.importScenario,
    z.tuple([]),
    async ({ sender }): Promise<BridgeResult<ImportedEntry | null>> => {
      const picked = await services.pickScenario(sender);
      if (!picked.ok) return picked;
      if (picked.value === null) return ok(null);
      return bridge.request('library.import', picked.value);
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.exportReport,
    z.tuple([bridgeRequestSchemas['report.export']]),
    async ({ sender }, [params]) => {
      // The service renders every format; PDF through the desktop's printToPDF (pdf.ts), which
      // the backend hands it as its HostExporter.
      const report = await bridge.request('report.export', params);
      if (!report.ok) return report;
      const target = await services.pickReportTarget(sender, report.value.fileName, params.format);
      if (target === null) return ok(null);
      await services.writeFile(target, reportBytes(report.value));
      return ok({ path: target });
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.exportGuide,
    z.tuple([bridgeRequestSchemas['library.guide']]),
    async ({ sender }, [params]) => {
      // Travels like a report: the service renders it (PDF through the desktop's printToPDF).
      const guide = await bridge.request('library.guide', params);
      if (!guide.ok) return guide;
      const target = await services.pickReportTarget(sender, guide.value.fileName, guide.value.format);
      if (target === null) return ok(null);
      await services.writeFile(target, reportBytes(guide.value));
      return ok({ path: target });
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.openBundle,
    z.tuple([]),
    async ({ sender }) => {
      const path = await services.pickBundle(sender);
      if (path === null) return ok(null);
      return services.openBundle(path);
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.openSeat,
    z.tuple([z.object({ sessionId: SessionIdSchema, role: RoleSchema })]),
    (_caller, [{ sessionId, role }]) => {
      services.openSeat(sessionId, role);
      return ok(null);
    },
    FACILITATOR,
  );

  router.handle(
    INVOKE.openRoomScreen,
    z.tuple([z.object({ sessionId: SessionIdSchema, fullscreen: z.boolean() })]),
    (_caller, [{ sessionId, fullscreen }]) => {
      services.openRoomScreen(sessionId, fullscreen);
      return ok(null);
    },
    FACILITATOR,
  );

  // The lobby controls: one channel, the same methods as the browser console's lobby frames.
  router.handle(
    INVOKE.lobby,
    z.tuple([MethodSchema, z.unknown()]),
    ({ window }, [method, params]) => {
      const parsed = parseLobbyRequest(method, params);
      if (!parsed.ok) return parsed;
      const allowed = authorizeLobby(actorOf(window), parsed.value);
      return allowed.ok ? services.joining.handle(allowed.value.method, allowed.value.params) : allowed;
    },
    ['facilitator', 'room'],
  );

  router.handle(INVOKE.openExternal, z.tuple([z.string().max(4096)]), async (_caller, [raw]) => {
    const url = allowedExternalUrl(raw);
    if (url === null) {
      return fail('forbidden-link', 'This link was not opened: only https links to a few known sites open outside Drillbook.');
    }
    await services.openExternal(url);
    return ok(null);
  });

  return {
    dispose() {
      for (const own of subscriptions.values()) for (const stop of own.values()) stop();
      subscriptions.clear();
      router.dispose();
    },
  };
}
