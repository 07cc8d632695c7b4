// A LAN server on 127.0.0.1 over a real data file and the real service, and raw socket clients that
// keep every byte they receive.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, type ClientOptions } from 'ws';
import { ServiceHost } from '../../../electron/host/service-host.ts';
import { LanServer, type LanLimits } from '../../../electron/lan/server.ts';
import { LobbyService } from '../../../electron/lan/lobby-service.ts';
import { WsBridge, type SocketLike, type WsBridgeOptions } from '../../../renderer/bridge/ws-bridge.ts';
import { LAN_SCENARIO } from './lan-scenario.ts';

export interface Lan {
  dir: string;
  host: ServiceHost;
  server: LanServer;
  base: string;
  ws: string;
  close(): Promise<void>;
}

export async function startLan(limits: Partial<LanLimits> = {}): Promise<Lan> {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-lan-'));
  const staticDir = join(dir, 'dist');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>');
  const host = new ServiceHost(join(dir, 'lan.db'), { backups: false, watch: false, shipped: [] });
  const server = await LanServer.start({ service: host.service, port: 0, staticDir, limits });
  // As `drillbook serve` does: the lobby service over the server that already runs.
  new LobbyService({ service: host.service, server, onError: () => undefined });
  const base = `http://127.0.0.1:${server.port}`;
  return {
    dir, host, server, base, ws: `ws://127.0.0.1:${server.port}/ws`,
    async close() {
      await server.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const THREE_PEOPLE = [{ name: 'Ann', roles: ['alpha'] }, { name: 'Bob', roles: ['bravo'] }, { name: 'Cy', roles: ['charlie'] }];

/** Imports the LAN scenario and creates a session with three planned participants (or those given). */
export async function lanSession(lan: Lan, participants: { name: string; roles: string[] }[] = THREE_PEOPLE): Promise<string> {
  const entry = (await must(lan.host.service.request('library.import', { fileName: 'lan.yaml', text: LAN_SCENARIO }))) as { entryId: string };
  const session = (await must(lan.host.service.request('sessions.create', {
    entryId: entry.entryId, facilitator: 'Fay', seating: 'own-devices',
    participants,
  }))) as { sessionId: string };
  return session.sessionId;
}

export async function postJson(lan: Lan, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${lan.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: await response.json().catch(() => null) };
}

export interface Joined {
  token: string;
  sessionId: string;
  audiences: string[];
  name: string;
}

export async function joinLobby(lan: Lan, code: string, name: string, seat?: string): Promise<Joined> {
  const r = await postJson(lan, '/api/join', { code, name, ...(seat ? { seat } : {}) });
  if (r.status !== 200) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Joined;
}

/** A socket that keeps every frame it receives, as text. */
export class RawClient {
  readonly received: string[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** The HTTP status when the upgrade was refused. */
  readonly refused: Promise<number | null>;
  private nextId = 1;
  private waiters: { match: (frame: Record<string, unknown>) => boolean; resolve: (frame: Record<string, unknown>) => void }[] = [];

  constructor(url: string, options: ClientOptions = {}) {
    this.socket = new WebSocket(url, options);
    let refusedResolve: (status: number | null) => void = () => {};
    this.refused = new Promise((r) => (refusedResolve = r));
    this.socket.on('unexpected-response', (_req, res) => {
      refusedResolve(res.statusCode ?? 0);
      res.resume();
    });
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve) => this.socket.once('open', () => { refusedResolve(null); resolve(); }));
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.socket.on('message', (data) => {
      const text = data.toString();
      this.received.push(text);
      let frame: Record<string, unknown>;
      try {
        frame = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return;
      }
      for (const w of [...this.waiters]) {
        if (w.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
  }

  static token(lan: Lan, token: string, options: ClientOptions = {}): RawClient {
    return new RawClient(`${lan.ws}?token=${encodeURIComponent(token)}`, options);
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  waitFor(match: (frame: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${this.received.slice(-3).join(' | ').slice(0, 500)}`)), timeoutMs);
      this.waiters.push({ match, resolve: (f) => { clearTimeout(timer); resolve(f); } });
    });
  }

  async request(method: string, params: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const id = this.nextId++;
    const reply = this.waitFor((f) => f.op === 'result' && f.id === id);
    this.send({ op: 'request', id, method, params });
    return (await reply).result as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  }

  async lobby(method: string, params: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
    const id = this.nextId++;
    const reply = this.waitFor((f) => f.op === 'result' && f.id === id);
    this.send({ op: 'lobby', id, method, params });
    return (await reply).result as { ok: boolean; value?: unknown; error?: { code: string } };
  }

  /** Subscribes; resolves with the first update. */
  async subscribe(sessionId: string, audience: string): Promise<{ id: number; first: Record<string, unknown> }> {
    const id = this.nextId++;
    const first = this.waitFor((f) => f.op === 'update' && f.id === id);
    this.send({ op: 'subscribe', id, params: { sessionId, audience } });
    return { id, first: (await first).update as Record<string, unknown> };
  }

  close(): void {
    this.socket.close();
  }
}

/** The renderer's own WebSocket Bridge on `ws`, keeping every byte it receives. */
export function bridgeFor(lan: Lan, token: string, received: string[] = [], extra: Partial<WsBridgeOptions> = {}): WsBridge {
  return new WsBridge({
    url: lan.ws,
    token,
    retryMs: [50, 100, 200],
    socket: (url) => {
      const socket = new WebSocket(url);
      socket.on('error', () => {});
      socket.on('message', (data) => received.push(data.toString()));
      return socket as unknown as SocketLike;
    },
    ...extra,
  });
}

export function until(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
