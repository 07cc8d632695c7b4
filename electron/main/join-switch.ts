// The desktop app's "let participants join" switch: the LAN server (electron/lan, the same one
// `drillbook serve` runs) over the desktop's own application service, started only when the
// facilitator turns joining on and stopped when they turn it off or quit. Off by default: no port
// is open until then. It binds 127.0.0.1 unless the facilitator picks one of this machine's
// network addresses from the list.
import { fail, ok, type BridgeResult } from '../../core/protocol/bridge.ts';
import type { ListenAddress } from '../../core/protocol/desktop.ts';
import type { JoinCard, JoiningStatus, LobbyInfo } from '../../core/protocol/lobby.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { LanServer, listenChoices, type LanLimits } from '../lan/index.ts';

/** The port tried first when the facilitator names none (the one `drillbook serve` uses). */
export const DEFAULT_JOIN_PORT = 8787;

export interface JoinSwitchOptions {
  service: AppService;
  /** The built renderer the participants' browsers load. */
  staticDir?: string;
  onError(message: string): void;
  /** This machine's addresses (tests pass a fixed list). */
  addresses?: () => ListenAddress[];
  /** Tried first when no port is given; when taken, any free port. */
  defaultPort?: number;
  limits?: Partial<LanLimits>;
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

export class JoinSwitch {
  private server: LanServer | null = null;
  private address: string | null = null;
  /** Sessions whose lobby this switch opened (closed, with their tokens, when joining goes off). */
  private readonly lobbies = new Set<string>();
  /** Turning on and off one at a time: two clicks must not start two servers. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JoinSwitchOptions) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  addresses(): ListenAddress[] {
    return this.options.addresses ? this.options.addresses() : listenChoices();
  }

  /** Whether a port is open (for tests and the quit path). */
  get listening(): boolean {
    return this.server !== null;
  }

  start(sessionId: string, address: string, port?: number): Promise<BridgeResult<JoiningStatus>> {
    return this.serial(async () => {
      let started = false;
      if (this.server === null) {
        const listening = await this.listen(address, port);
        if (!listening.ok) return listening;
        started = true;
      } else if (address !== this.address || (port !== undefined && port !== this.server.port)) {
        return fail('conflict', `Participants already join at ${this.address}, port ${this.server.port}. Turn joining off first to change the address or port.`);
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
    if (!this.addresses().some((choice) => choice.address === address)) {
      return fail('invalid-request', `Drillbook cannot listen on ${address}: it is not one of this computer's addresses. Pick one from the list.`);
    }
    const attempt = (p: number) =>
      LanServer.start({ service: this.options.service, host: address, port: p, staticDir: this.options.staticDir, limits: this.options.limits, onError: this.options.onError });
    try {
      if (port !== undefined) this.server = await attempt(port);
      else {
        try {
          this.server = await attempt(this.options.defaultPort ?? DEFAULT_JOIN_PORT);
        } catch (error) {
          if (errorCode(error) !== 'EADDRINUSE') throw error;
          this.server = await attempt(0);
        }
      }
    } catch (error) {
      if (errorCode(error) === 'EADDRINUSE') {
        return fail('port-in-use', `Port ${port} on ${address} is already in use by another program. Leave the port empty to take a free one, or pick another.`);
      }
      const why = error instanceof Error ? error.message : String(error);
      return fail('listen-failed', `Drillbook could not listen on ${address}: ${why}. Pick another address, or "This computer only".`);
    }
    this.address = address;
    return ok(null);
  }

  /** Closes every lobby this switch opened (participants are told, their tokens die) and the port. */
  stop(): Promise<BridgeResult<null>> {
    return this.serial(async () => {
      await this.shutDown();
      return ok(null);
    });
  }

  private async shutDown(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.address = null;
    if (server === null) return;
    for (const sessionId of this.lobbies) server.closeLobby(sessionId);
    this.lobbies.clear();
    await server.close();
  }

  async status(sessionId: string): Promise<BridgeResult<JoiningStatus>> {
    const server = this.server;
    if (server === null) return ok({ listening: null, lobby: null });
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

  /** The code and QR code for the room screen, while people may join this session. */
  async card(sessionId: string): Promise<BridgeResult<JoinCard | null>> {
    const status = await this.status(sessionId);
    if (!status.ok) return status;
    const lobby = status.value.lobby;
    return ok(lobby && !lobby.locked ? { code: lobby.code, joinUrl: lobby.joinUrl, qr: lobby.qr } : null);
  }

  /** Stops the server (the app is quitting). */
  close(): Promise<void> {
    return this.serial(() => this.shutDown());
  }

  private off(): BridgeResult<never> {
    return fail('not-found', 'Participants cannot join: "let participants join" is off. Turn it on first.');
  }

  private statusOf(server: LanServer, lobby: LobbyInfo | null): JoiningStatus {
    return { listening: { address: this.address ?? '127.0.0.1', port: server.port }, lobby };
  }
}
