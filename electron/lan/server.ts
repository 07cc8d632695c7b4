// The LAN server: HTTP (the built renderer, the join API) and WebSocket (the Bridge protocol) over
// one port. Shared by the desktop app ("let participants join") and `drillbook serve`. It binds
// 127.0.0.1 unless a network address is chosen; the facilitator's socket is accepted only from
// this machine, with the facilitator token; a participant's only with the token it got by joining.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail, ok, type BridgeResult } from '../../core/protocol/bridge.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { Connection, type ConnectionHost } from './connection.ts';
import { allowedHosts, checkOrigin, isLoopback, setSecurityHeaders, SECURITY_HEADERS } from './headers.ts';
import { handleJoinApi, lobbySeats, sendJson } from './join-api.ts';
import { Lobbies, type LobbyLimits, type LobbyPersistence, type Participant } from './lobby.ts';
import { qrDataUrl } from './qr.ts';
import { KeyedBuckets, TokenBucket, WrongCodes, type BucketOptions } from './rate-limit.ts';
import { StaticFiles } from './static-files.ts';
import { CLOSE, type SocketScope } from '../../core/protocol/wire.ts';
import type { LobbyInfo } from '../../core/protocol/lobby.ts';
import type { SessionDetail } from '../../core/protocol/bridge.ts';
import { listenChoices } from './addresses.ts';

export const DEFAULT_STATIC_DIR = join(import.meta.dirname, '..', '..', 'renderer', 'dist');

export interface LanLimits {
  /** Largest frame from the facilitator (a scenario import is up to 1 MiB of text). */
  facilitatorMaxPayload: number;
  /** Largest frame from a participant (an answer is a few KiB). */
  participantMaxPayload: number;
  /** Messages from the facilitator (all its sockets together). */
  facilitatorRate: BucketOptions;
  /** Messages per participant's device token, over all its sockets and reconnections. */
  participantRate: BucketOptions;
  /** Messages from all participants of one lobby together. */
  lobbyRate: BucketOptions;
  /** Wrong codes and tokens per address before 429. */
  wrongCodes: BucketOptions;
  /** Addresses whose wrong codes are remembered (least recently used forgotten first). */
  wrongCodeAddresses: number;
  /** Wrong codes per minute from all addresses together, per open lobby, before every code gets 429. */
  wrongCodesPerLobbyPerMinute: number;
  /** Devices per lobby, and per network address in a lobby. */
  lobby: Partial<LobbyLimits>;
  maxConnections: number;
  /** Sockets one participant's token may hold at once (a phone and a laptop, a few tabs). */
  socketsPerParticipant: number;
  /** Milliseconds a client has to send a request's headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: LanLimits = {
  facilitatorMaxPayload: 2 * 1024 * 1024,
  participantMaxPayload: 16 * 1024,
  facilitatorRate: { capacity: 400, perSecond: 200 },
  participantRate: { capacity: 40, perSecond: 10 },
  lobbyRate: { capacity: 200, perSecond: 60 },
  wrongCodes: { capacity: 10, perSecond: 0.2 },
  wrongCodeAddresses: 10_000,
  wrongCodesPerLobbyPerMinute: 60,
  lobby: {},
  maxConnections: 1000,
  socketsPerParticipant: 4,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
};

/**
 * What outlives the server in the data file (electron/store's lobby queries): the lobbies with
 * their devices' token hashes, and the facilitator console's key, so that a restart keeps the
 * codes, takes every device back and the console's open tab reconnects with the key it holds.
 */
export interface LanPersistence extends LobbyPersistence {
  facilitatorKey(): string | null;
  saveFacilitatorKey(key: string): void;
}

/** A key as the server makes them: 256 random bits, base64url. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface LanServerOptions {
  service: AppService;
  /** Lobbies and the facilitator key in the data file; without it they live as long as the server. */
  persistence?: LanPersistence;
  /** Address to listen on; default 127.0.0.1 (this machine only). */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  staticDir?: string;
  limits?: Partial<LanLimits>;
  onError?: (message: string) => void;
}

const hostPart = (address: string): string => (address.includes(':') ? `[${address}]` : address);

/** The address participants use: the bound one, or the first network address when bound to all. */
function publicAddress(bound: string): string {
  if (bound !== '0.0.0.0' && bound !== '::') return bound;
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  }
  return '127.0.0.1';
}

function rejectUpgrade(socket: Duplex, status: number, text: string, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status} ${text}`, 'Connection: close', 'Content-Length: 0', ...Object.entries({ ...SECURITY_HEADERS, ...headers }).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 429: 'Too Many Requests', 503: 'Service Unavailable' };

export class LanServer {
  /** Goes in the facilitator console's URL; accepted only from this machine. */
  readonly facilitatorToken: string;
  readonly lobbies: Lobbies;
  private readonly service: AppService;
  private readonly limits: LanLimits;
  private readonly failures: WrongCodes;
  /** Message buckets: per participant (device token), per lobby (session), and the facilitator's. */
  private readonly participantMessages: KeyedBuckets;
  private readonly lobbyMessages: KeyedBuckets;
  private readonly facilitatorMessages: TokenBucket;
  private readonly files: StaticFiles;
  /** The listener on the chosen address, and one on 127.0.0.1 when that address is a network one. */
  private readonly servers: Server[] = [];
  private readonly facilitatorWss: WebSocketServer;
  private readonly participantWss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly onError: (message: string) => void;
  private hosts = new Set<string>();
  /** The lobby service answering the facilitator's lobby frames (lobby-service.ts sets itself here). */
  lobbyControls: ((method: string, params: unknown) => Promise<BridgeResult<unknown>>) | null = null;
  private boundHost = '127.0.0.1';
  private boundPort = 0;

  private constructor(options: LanServerOptions) {
    this.service = options.service;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.lobbies = new Lobbies(undefined, this.limits.lobby, options.persistence);
    this.facilitatorToken = LanServer.facilitatorKey(options.persistence);
    this.failures = new WrongCodes(
      { perAddress: { ...this.limits.wrongCodes, maxKeys: this.limits.wrongCodeAddresses }, perLobbyPerMinute: this.limits.wrongCodesPerLobbyPerMinute },
      () => this.lobbies.count,
    );
    this.participantMessages = new KeyedBuckets({ ...this.limits.participantRate, maxKeys: 10_000 });
    this.lobbyMessages = new KeyedBuckets({ ...this.limits.lobbyRate, maxKeys: 1_000 });
    this.facilitatorMessages = new TokenBucket(this.limits.facilitatorRate);
    this.files = new StaticFiles(options.staticDir ?? DEFAULT_STATIC_DIR);
    this.onError = options.onError ?? (() => {});
    this.facilitatorWss = new WebSocketServer({ noServer: true, maxPayload: this.limits.facilitatorMaxPayload, perMessageDeflate: false });
    this.participantWss = new WebSocketServer({ noServer: true, maxPayload: this.limits.participantMaxPayload, perMessageDeflate: false });
    for (const wss of [this.facilitatorWss, this.participantWss]) wss.on('error', (error) => this.onError(`The socket server failed: ${error.message}`));
  }

  /** The stored key, or a new one (stored when there is a store). */
  private static facilitatorKey(persistence: LanPersistence | undefined): string {
    const stored = persistence?.facilitatorKey();
    if (stored && KEY_SHAPE.test(stored)) return stored;
    const key = randomBytes(32).toString('base64url');
    persistence?.saveFacilitatorKey(key);
    return key;
  }

  private createHttp(): Server {
    // Node checks these timeouts every connectionsCheckingInterval (30 s by default), which let a
    // slow client hold a connection for about 39 s: check every quarter of the header timeout.
    const timeouts = {
      headersTimeout: this.limits.headersTimeoutMs,
      requestTimeout: Math.max(this.limits.requestTimeoutMs, this.limits.headersTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.floor(this.limits.headersTimeoutMs / 4)),
    };
    const http = createServer(timeouts, (req, res) => void this.onRequest(req, res).catch((error: unknown) => {
      this.onError(`A request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Drillbook could not answer that request.' });
      else res.destroy();
    }));
    http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    http.on('clientError', (_error, socket) => socket.destroy());
    this.servers.push(http);
    return http;
  }

  private async listen(host: string, port: number): Promise<number> {
    const http = this.createHttp();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    http.on('error', (error) => this.onError(`The LAN server failed: ${error.message}`));
    const address = http.address();
    if (address === null || typeof address === 'string') throw new Error('The LAN server did not get a TCP port.');
    return address.port;
  }

  static async start(options: LanServerOptions): Promise<LanServer> {
    const server = new LanServer(options);
    const host = options.host ?? '127.0.0.1';
    try {
      const port = await server.listen(host, options.port ?? 0);
      // The facilitator's console is only ever reached from this machine, at 127.0.0.1: listen
      // there too when the chosen address is a network one.
      if (!isLoopback(host) && host !== '0.0.0.0' && host !== '::') await server.listen('127.0.0.1', port);
      server.boundHost = host;
      server.boundPort = port;
      server.hosts = allowedHosts(host, port);
    } catch (error) {
      await server.close();
      throw error;
    }
    return server;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Whether renderer/dist was there when the server started. */
  get rendererBuilt(): boolean {
    return this.files.built;
  }

  /** The address the server was started on. */
  get boundAddress(): string {
    return this.boundHost;
  }

  /** The server's base URL on this machine. */
  get localUrl(): string {
    return `http://${this.boundHost === '::1' ? '[::1]' : '127.0.0.1'}:${this.boundPort}/`;
  }

  /** The facilitator console, carrying the facilitator token (open it on this machine only). */
  facilitatorUrl(hash = '#/library'): string {
    return `${this.localUrl}?token=${this.facilitatorToken}${hash}`;
  }

  joinUrl(code: string): string {
    return `http://${hostPart(publicAddress(this.boundHost))}:${this.boundPort}/?code=${code}`;
  }

  // ---- the lobby registry's operations (lobby-service.ts turns them into the lobby controls) ----

  /**
   * A lobby change the data file refused (full disk, busy file) was not made: the facilitator is
   * told why, in the store's words.
   */
  private saved<T>(change: () => T): BridgeResult<T> {
    try {
      return ok(change());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.onError(`A lobby change was not saved: ${why}`);
      return fail('storage', `The lobby could not be saved in the data file, so nothing changed: ${why}`);
    }
  }

  async openLobby(sessionId: string): Promise<BridgeResult<LobbyInfo>> {
    const detail = await this.service.request('sessions.open', { sessionId });
    if (!detail.ok) return detail;
    const opened = this.saved(() => this.lobbies.open(sessionId));
    return opened.ok ? ok(await this.info(opened.value)) : opened;
  }

  async lobbyStatus(sessionId: string): Promise<BridgeResult<LobbyInfo | null>> {
    const lobby = this.lobbies.get(sessionId);
    return ok(lobby ? await this.info(lobby) : null);
  }

  async lockLobby(sessionId: string, locked: boolean): Promise<BridgeResult<LobbyInfo>> {
    const changed = this.saved(() => this.lobbies.setLocked(sessionId, locked));
    if (!changed.ok) return changed;
    const lobby = changed.value;
    return lobby ? ok(await this.info(lobby)) : fail('not-found', 'Participants cannot join this session yet: turn on "let participants join" first.');
  }

  /** Stops the code working and disconnects everyone who joined with it. */
  closeLobby(sessionId: string): BridgeResult<null> {
    const closed = this.saved(() => this.lobbies.close(sessionId));
    if (!closed.ok) return closed;
    for (const p of closed.value) {
      this.disconnect(p, CLOSE.lobbyClosed, 'The facilitator closed the lobby.');
      this.participantMessages.forget(p.id);
    }
    this.lobbyMessages.forget(sessionId);
    return ok(null);
  }

  /** Removes a participant: their socket closes and their token no longer works. */
  async removeParticipant(sessionId: string, participantId: string): Promise<BridgeResult<LobbyInfo>> {
    const removal = this.saved(() => this.lobbies.remove(sessionId, participantId));
    if (!removal.ok) return removal;
    const removed = removal.value;
    if (!removed) return fail('not-found', 'That participant is not in this lobby (any more).');
    this.disconnect(removed, CLOSE.removed, 'The facilitator removed you from the exercise.');
    const lobby = this.lobbies.get(sessionId);
    return lobby ? ok(await this.info(lobby)) : fail('not-found', 'The lobby is closed.');
  }

  /** Answers a seat request: allowed, the device that held the seat is disconnected (its token dies). */
  async decideSeat(sessionId: string, requestId: string, allow: boolean): Promise<BridgeResult<LobbyInfo>> {
    const decided = this.lobbies.decideSeat(sessionId, requestId, allow);
    if ('error' in decided) return fail('not-found', 'That request is no longer waiting (answered, withdrawn or expired).');
    if (decided.replaced) {
      this.disconnect(decided.replaced, CLOSE.removed, 'The facilitator gave your seat to another device.');
      this.participantMessages.forget(decided.replaced.id);
    }
    const lobby = this.lobbies.get(sessionId);
    return lobby ? ok(await this.info(lobby)) : fail('not-found', 'The lobby is closed.');
  }

  private async info(lobby: NonNullable<ReturnType<Lobbies['get']>>): Promise<LobbyInfo> {
    const joinUrl = this.joinUrl(lobby.code);
    const detail = await this.service.request('sessions.open', { sessionId: lobby.sessionId });
    const seats = detail.ok ? lobbySeats(detail.value as SessionDetail, lobby) : [];
    return { ...lobby, joinUrl, qr: await qrDataUrl(joinUrl), wrongCodeCeilingAt: this.failures.ceilingReachedAt, seats, reach: this.reach() };
  }

  /** Whether other devices can reach the join URL; if not, this computer's network addresses. */
  reach(): LobbyInfo['reach'] {
    return {
      localOnly: isLoopback(publicAddress(this.boundHost)),
      networkAddresses: listenChoices().filter((c) => !c.local).map((c) => c.address),
    };
  }

  private disconnect(participant: Participant, code: number, reason: string): void {
    for (const c of [...this.connections]) {
      if (c.scope.kind === 'participant' && c.scope.participantId === participant.id) c.close(code, reason);
    }
  }

  // ---- HTTP ----

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const origin = checkOrigin(req, this.hosts);
    if (!origin.ok) {
      sendJson(res, origin.status, { error: origin.message });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://drillbook.invalid').pathname;
    if (path.startsWith('/api/')) {
      await handleJoinApi({
        service: this.service, lobbies: this.lobbies, failures: this.failures,
        isFacilitator: (token, request) => this.isFacilitatorToken(token) && isLoopback(request.socket.remoteAddress),
        leave: (token) => {
          const participant = this.lobbies.byToken(token);
          if (!participant || !this.lobbies.remove(participant.sessionId, participant.id)) return false;
          this.disconnect(participant, CLOSE.removed, 'You left the exercise.');
          return true;
        },
      }, req, res, path);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
      return;
    }
    const file = this.files.get(path);
    if (!file) {
      if (!this.files.built) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The Drillbook page has not been built. Run `npm run build:renderer`, then restart `drillbook serve`.\n');
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found.\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  // ---- WebSocket ----

  private isFacilitatorToken(token: string): boolean {
    const expected = Buffer.from(this.facilitatorToken);
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private scopeOf(req: IncomingMessage, token: string | null): SocketScope | 'not-local' | null {
    if (token === null) return null;
    if (this.isFacilitatorToken(token)) {
      return isLoopback(req.socket.remoteAddress) ? { kind: 'facilitator' } : 'not-local';
    }
    const participant = this.lobbies.byToken(token);
    if (!participant) return null;
    return { kind: 'participant', participantId: participant.id, sessionId: participant.sessionId, audiences: [...participant.audiences], name: participant.name };
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const origin = checkOrigin(req, this.hosts);
    if (!origin.ok) return rejectUpgrade(socket, origin.status, STATUS_TEXT[origin.status] ?? 'Refused');
    const url = new URL(req.url ?? '/', 'http://drillbook.invalid');
    if (url.pathname !== '/ws') return rejectUpgrade(socket, 404, 'Not Found');
    const address = req.socket.remoteAddress ?? 'unknown';
    // A valid token is let in even from an address that got many tokens wrong: the address limit
    // stops guessing, and a 256-bit token is not guessed. Without this, devices behind one address
    // (a NAT, one laptop's tabs) reconnecting after a restart were refused with 429 for as long as
    // one stale tab kept trying its dead token.
    const wait = this.failures.addressRetryAfterSeconds(address);
    const scope = this.scopeOf(req, url.searchParams.get('token'));
    if (scope === null || scope === 'not-local') {
      if (wait > 0) return rejectUpgrade(socket, 429, 'Too Many Requests', { 'Retry-After': String(wait) });
      if (scope === 'not-local') return rejectUpgrade(socket, 403, 'Forbidden');
      this.failures.fail(address);
      return rejectUpgrade(socket, 401, 'Unauthorized');
    }
    if (this.connections.size >= this.limits.maxConnections) return rejectUpgrade(socket, 503, 'Service Unavailable');
    if (scope.kind === 'participant') {
      let held = 0;
      for (const c of this.connections) if (c.scope.kind === 'participant' && c.scope.participantId === scope.participantId) held++;
      if (held >= this.limits.socketsPerParticipant) return rejectUpgrade(socket, 429, 'Too Many Requests', { 'Retry-After': '5' });
    }
    const wss = scope.kind === 'facilitator' ? this.facilitatorWss : this.participantWss;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => this.accept(ws, scope));
  }

  private accept(ws: WebSocket, scope: SocketScope): void {
    const host: ConnectionHost = {
      service: this.service,
      lobby: (method, params) => this.lobbyControls ? this.lobbyControls(method, params) : Promise.resolve(fail('not-found', 'This server has no lobby controls.')),
      onError: this.onError,
      onClose: (c) => this.connections.delete(c),
    };
    // Buckets outlive sockets: reconnecting does not start a device (or a lobby) afresh. A
    // participant's message spends from its own bucket and its lobby's.
    const allow = scope.kind === 'facilitator'
      ? () => this.facilitatorMessages.take()
      : () => this.participantMessages.take(scope.participantId) && this.lobbyMessages.take(scope.sessionId);
    this.connections.add(new Connection(ws, scope, host, allow));
  }

  /** How many sockets are open (for tests and the lobby panel). */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket and stops listening. */
  async close(): Promise<void> {
    for (const c of [...this.connections]) c.close(CLOSE.shutdown, 'Drillbook is stopping.');
    this.facilitatorWss.close();
    this.participantWss.close();
    await Promise.all(this.servers.map((http) => new Promise<void>((resolve) => {
      if (!http.listening) return resolve();
      http.close(() => resolve());
      http.closeAllConnections();
    })));
  }
}
