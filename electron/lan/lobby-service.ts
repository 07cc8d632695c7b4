// The one lobby service: the facilitator's lobby controls (core/protocol/lobby.ts LOBBY_REQUESTS),
// the same methods whether they come from the desktop app (one IPC channel) or from the browser
// console (its socket). In the desktop app it owns the LAN server: off by default, no port open
// until the facilitator lets people join, on 127.0.0.1 unless they pick one of this machine's
// network addresses, and closed again with the last lobby or when the app quits. Under
// `drillbook serve` the server already runs on its fixed address, and the service only opens and
// closes lobbies on it.
import { fail, ok, type BridgeResult } from '../../core/protocol/bridge.ts';
import {
  parseLobbyRequest,
  type JoinCard, type JoiningStatus, type ListenAddress, type LobbyInfo, type LobbyValues,
} from '../../core/protocol/lobby.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { listenChoices } from './addresses.ts';
import { LanServer, type LanLimits } from './server.ts';

/** The port tried first when the facilitator names none (the one `drillbook serve` uses). */
export const DEFAULT_JOIN_PORT = 8787;

export interface LobbyServiceOptions {
  service: AppService;
  /** The built renderer the participants' browsers load. */
  staticDir?: string;
  onError(message: string): void;
  /** This machine's addresses (tests pass a fixed list). */
  addresses?: () => ListenAddress[];
  /** Tried first when no port is given; when taken, any free port. */
  defaultPort?: number;
  limits?: Partial<LanLimits>;
  /** A server that already runs (`drillbook serve`): its address is fixed, and it is not ours to stop. */
  server?: LanServer;
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export class LobbyService {
  private server: LanServer | null = null;
  private address: string | null = null;
  /** Whether this service started the server (and so stops it). */
  private readonly owns: boolean;
  /** Sessions whose lobby this service opened (closed, with their tokens, when the server stops). */
  private readonly lobbies = new Set<string>();
  /** Turning on and off one at a time: two clicks must not start two servers. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LobbyServiceOptions) {
    this.owns = options.server === undefined;
    if (options.server) this.attach(options.server, null);
  }

  private attach(server: LanServer, address: string | null): void {
    this.server = server;
    this.address = address;
    // The browser console's lobby frames reach this service too.
    server.lobbyControls = (method, params) => this.handle(method, params);
  }

  /** Answers one lobby request from an untrusted side (already authorized by its transport). */
  async handle(method: unknown, params: unknown): Promise<BridgeResult<unknown>> {
    const parsed = parseLobbyRequest(method, params);
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    switch (request.method) {
      case 'lobby.addresses': return ok(this.addresses());
      case 'lobby.status': return this.status(request.params.sessionId);
      case 'lobby.open': return this.open(request.params.sessionId, request.params.address, request.params.port);
      case 'lobby.lock': return this.lock(request.params.sessionId, request.params.locked);
      case 'lobby.remove': return this.remove(request.params.sessionId, request.params.participantId);
      case 'lobby.decide': return this.decide(request.params.sessionId, request.params.requestId, request.params.allow);
      case 'lobby.close': return this.closeLobby(request.params.sessionId);
      case 'lobby.card': return this.card(request.params.sessionId);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  addresses(): LobbyValues['lobby.addresses'] {
    if (!this.owns) return [];
    return this.options.addresses ? this.options.addresses() : listenChoices();
  }

  /** Whether a port is open (for tests and the quit path). */
  get listening(): boolean {
    return this.server !== null;
  }

  /** Lets people join the session: listens (if not yet) on `address` and opens its lobby. */
  open(sessionId: string, address = '127.0.0.1', port?: number): Promise<BridgeResult<JoiningStatus>> {
    return this.serial(async () => {
      let started = false;
      if (this.server === null) {
        const listening = await this.listen(address, port);
        if (!listening.ok) return listening;
        started = true;
      } else if (this.owns && (address !== this.address || (port !== undefined && port !== this.server.port))) {
        return fail('conflict', `Participants already join at ${this.address}, port ${this.server.port}. Stop joining first to change the address or port.`);
      }
      const server = this.server;
      if (server === null) return fail('internal', 'The LAN server stopped while it was starting. Try again.');
      const opened = await server.openLobby(sessionId);
      if (!opened.ok) {
        if (started) await this.shutDown();
        return opened;
      }
      this.lobbies.add(sessionId);
      return ok(this.statusOf(server, opened.value));
    });
  }

  private async listen(address: string, port: number | undefined): Promise<BridgeResult<null>> {
    if (!this.owns) return fail('internal', 'The LAN server is not running.');
    if (!this.addresses().some((choice) => choice.address === address)) {
      return fail('invalid-request', `Drillbook cannot listen on ${address}: it is not one of this computer's addresses. Pick one from the list.`);
    }
    const attempt = (p: number) =>
      LanServer.start({ service: this.options.service, host: address, port: p, staticDir: this.options.staticDir, limits: this.options.limits, onError: this.options.onError });
    let server: LanServer;
    try {
      if (port !== undefined) server = await attempt(port);
      else {
        try {
          server = await attempt(this.options.defaultPort ?? DEFAULT_JOIN_PORT);
        } catch (error) {
          if (errorCode(error) !== 'EADDRINUSE') throw error;
          server = await attempt(0);
        }
      }
    } catch (error) {
      if (errorCode(error) === 'EADDRINUSE') {
        return fail('port-in-use', `Port ${port} on ${address} is already in use by another program. Leave the port empty to take a free one, or pick another.`);
      }
      const why = error instanceof Error ? error.message : String(error);
      return fail('listen-failed', `Drillbook could not listen on ${address}: ${why}. Pick another address, or "This computer only".`);
    }
    this.attach(server, address);
    return ok(null);
  }

  /**
   * Closes the session's lobby (its participants are told, their tokens die). A port this service
   * opened closes with the last lobby: nothing listens while nobody may join.
   */
  closeLobby(sessionId: string): Promise<BridgeResult<JoiningStatus>> {
    return this.serial(async () => {
      const server = this.server;
      if (server === null) return ok(this.offStatus());
      server.closeLobby(sessionId);
      this.lobbies.delete(sessionId);
      if (this.owns && this.lobbies.size === 0) {
        await this.shutDown();
        return ok(this.offStatus());
      }
      return ok(this.statusOf(server, null));
    });
  }

  private async shutDown(): Promise<void> {
    const server = this.server;
    if (!this.owns || server === null) return;
    this.server = null;
    this.address = null;
    for (const sessionId of this.lobbies) server.closeLobby(sessionId);
    this.lobbies.clear();
    await server.close();
  }

  async status(sessionId: string): Promise<BridgeResult<JoiningStatus>> {
    const server = this.server;
    if (server === null) return ok(this.offStatus());
    const lobby = await server.lobbyStatus(sessionId);
    if (!lobby.ok) return lobby;
    return ok(this.statusOf(server, lobby.value));
  }

  async lock(sessionId: string, locked: boolean): Promise<BridgeResult<JoiningStatus>> {
    const server = this.server;
    if (server === null) return this.off();
    const lobby = await server.lockLobby(sessionId, locked);
    return lobby.ok ? ok(this.statusOf(server, lobby.value)) : lobby;
  }

  async remove(sessionId: string, participantId: string): Promise<BridgeResult<JoiningStatus>> {
    const server = this.server;
    if (server === null) return this.off();
    const lobby = await server.removeParticipant(sessionId, participantId);
    return lobby.ok ? ok(this.statusOf(server, lobby.value)) : lobby;
  }

  /** Answers a seat request: allowed, the device holding the seat is disconnected and the asking one gets it. */
  async decide(sessionId: string, requestId: string, allow: boolean): Promise<BridgeResult<JoiningStatus>> {
    const server = this.server;
    if (server === null) return this.off();
    const lobby = await server.decideSeat(sessionId, requestId, allow);
    return lobby.ok ? ok(this.statusOf(server, lobby.value)) : lobby;
  }

  /** The code and QR code for the room screen, while people may join this session. */
  async card(sessionId: string): Promise<BridgeResult<JoinCard | null>> {
    const status = await this.status(sessionId);
    if (!status.ok) return status;
    const lobby = status.value.lobby;
    return ok(lobby && !lobby.locked ? { code: lobby.code, joinUrl: lobby.joinUrl, qr: lobby.qr } : null);
  }

  /** Closes every lobby this service opened and the port it opened (the app is quitting). */
  close(): Promise<void> {
    return this.serial(() => this.shutDown());
  }

  private off(): BridgeResult<never> {
    return fail('not-found', 'Participants cannot join: "let participants join" is off. Turn it on first.');
  }

  private offStatus(): JoiningStatus {
    return { listening: null, choosesAddress: this.owns, lobby: null };
  }

  private statusOf(server: LanServer, lobby: LobbyInfo | null): JoiningStatus {
    return { listening: { address: this.address ?? server.boundAddress, port: server.port }, choosesAddress: this.owns, lobby };
  }
}
