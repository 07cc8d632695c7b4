// One browser's socket. Every frame is untrusted: size-capped by the socket server (maxPayload),
// rate-limited here (by buckets the server keeps per device token and per lobby, so that a
// reconnect does not start afresh), parsed with zod, then authorized against the socket's scope before the
// service sees it (core/protocol/authorize.ts). A participant reaches only its own audiences of its
// own session, and may only answer, act and chat as one of its own roles; everything else is the
// facilitator's.
import type { WebSocket, RawData } from 'ws';
import { fail, parseBridgeRequest, parseSubscribe, type BridgeResult, type BridgeUpdate } from '../../core/protocol/bridge.ts';
import { authorize, authorizeLobby, authorizeSubscribe, type Actor } from '../../core/protocol/authorize.ts';
import { parseLobbyRequest } from '../../core/protocol/lobby.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { CLOSE, ClientFrameSchema, type ClientFrame, type ServerFrame, type SocketScope } from '../../core/protocol/wire.ts';

/** The actor a socket is: the facilitator, or a device holding its seats (core's `authorize` decides). */
export function actorOfScope(scope: SocketScope): Actor {
  return scope.kind === 'facilitator' ? scope : { kind: 'seat', sessionId: scope.sessionId, audiences: scope.audiences };
}
/** Subscriptions one socket may hold at once. */
const MAX_SUBSCRIPTIONS = 16;
/** Refused frames in a row before the socket is closed as a flood. */
const MAX_STRIKES = 200;
/** A socket that does not read what it is sent is dropped past this much queued data. */
const MAX_BUFFERED = 16 * 1024 * 1024;
/**
 * Once its limit is spent, a socket is not read for this long: what it sends waits in its own TCP
 * buffers instead of costing the server a parse and a refusal per frame, so a flood cannot slow
 * the facilitator's console down.
 */
const PAUSE_WHEN_LIMITED_MS = 250;
const MAX_PAUSES = 20;

export interface ConnectionHost {
  service: AppService;
  /** The lobby controls (lobby-service.ts), once authorized; answers like a request. */
  lobby(method: string, params: unknown): Promise<BridgeResult<unknown>>;
  onError(message: string): void;
  onClose(connection: Connection): void;
}

/**
 * Every socket watching the same audience is handed the same projection object: serialize it once
 * per change, not once per socket.
 */
const serialized = new WeakMap<object, string>();

function updateFrame(id: number, update: BridgeUpdate): string {
  if (update.kind !== 'projection' || typeof update.projection !== 'object' || update.projection === null) return JSON.stringify({ op: 'update', id, update });
  let projection = serialized.get(update.projection);
  if (projection === undefined) {
    projection = JSON.stringify(update.projection);
    serialized.set(update.projection, projection);
  }
  return `{"op":"update","id":${id},"update":{"kind":"projection","sessionId":${JSON.stringify(update.sessionId)},"audience":${JSON.stringify(update.audience)},"projection":${projection}}}`;
}

export class Connection {
  private readonly subscriptions = new Map<number, () => void>();
  /** Updates waiting for the next turn of the event loop; a newer projection replaces an older one. */
  private readonly queued = new Map<number, BridgeUpdate>();
  private flushing = false;
  private strikes = 0;
  private pausesInARow = 0;
  private closed = false;

  constructor(
    readonly socket: WebSocket,
    readonly scope: SocketScope,
    private readonly host: ConnectionHost,
    /** Spends one message from the rate limits this socket answers to (its device's, its lobby's). */
    private readonly allow: () => boolean,
  ) {
    // Without an error listener a bad frame would throw out of the socket and stop the process.
    socket.on('error', (error) => this.host.onError(`A socket failed (${this.describe()}): ${error.message}`));
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.dispose());
    this.send({ op: 'hello', scope });
  }

  private describe(): string {
    return this.scope.kind === 'facilitator' ? 'facilitator' : `${this.scope.audiences.join('+')} ${this.scope.name}`;
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  private sendText(text: string): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED) {
      this.close(1013, 'Too far behind; reconnect.');
      return;
    }
    this.socket.send(text);
  }

  /**
   * Views go out after the command's acknowledgement, on the next turn of the event loop: the
   * sender hears back first, and a burst of changes sends each socket only the latest view (a
   * view is the audience's whole state, so nothing is lost by skipping one in between).
   */
  private queueUpdate(id: number, update: BridgeUpdate): void {
    this.queued.set(id, update);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      const updates = [...this.queued];
      this.queued.clear();
      for (const [subscription, u] of updates) if (this.subscriptions.has(subscription) || u.kind === 'error') this.sendText(updateFrame(subscription, u));
    });
  }

  private pauseReading(): void {
    if (this.closed || this.socket.isPaused) return;
    // Still over its limit after this many pauses in a row (about five seconds): a flood, closed.
    if (++this.pausesInARow > MAX_PAUSES) {
      this.close(CLOSE.flood, 'Too many messages.');
      return;
    }
    this.socket.pause();
    setTimeout(() => {
      if (!this.closed) this.socket.resume();
    }, PAUSE_WHEN_LIMITED_MS).unref();
  }

  close(code: number, reason: string): void {
    // A paused socket would not read the peer's answer to the close handshake.
    if (this.socket.isPaused) this.socket.resume();
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, reason);
    this.dispose();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
    this.host.onClose(this);
  }

  private strike(id: number | null, code: string, message: string): void {
    this.strikes += 1;
    if (this.strikes > MAX_STRIKES) {
      this.close(CLOSE.flood, 'Too many refused messages.');
      return;
    }
    if (id !== null) this.send({ op: 'result', id, result: fail(code, message) });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const text = isBinary ? null : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    let raw: unknown;
    try {
      raw = text === null ? null : JSON.parse(text);
    } catch {
      raw = null;
    }
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && Number.isInteger(raw.id) ? Number(raw.id) : null;
    if (!this.allow()) {
      this.strike(id, 'rate-limited', 'Too many messages from this device; wait a moment and try again.');
      this.pauseReading();
      return;
    }
    const parsed = ClientFrameSchema.safeParse(raw);
    if (!parsed.success) {
      this.strike(id, 'invalid-request', 'The message is not one Drillbook understands.');
      return;
    }
    this.strikes = 0;
    this.pausesInARow = 0;
    void this.handle(parsed.data).catch((error: unknown) => {
      this.host.onError(`A message could not be handled (${this.describe()}): ${error instanceof Error ? error.message : String(error)}`);
      this.send({ op: 'result', id: parsed.data.id, result: fail('internal', 'Drillbook could not handle that message.') });
    });
  }

  private async handle(frame: ClientFrame): Promise<void> {
    switch (frame.op) {
      case 'request': {
        const denied = this.authorizeRequest(frame.method, frame.params);
        const result = denied ?? (await this.host.service.request(frame.method, frame.params));
        this.send({ op: 'result', id: frame.id, result });
        return;
      }
      case 'subscribe':
        this.subscribe(frame.id, frame.params);
        return;
      case 'unsubscribe':
        this.subscriptions.get(frame.id)?.();
        this.subscriptions.delete(frame.id);
        this.queued.delete(frame.id);
        return;
      case 'lobby': {
        const parsed = parseLobbyRequest(frame.method, frame.params);
        const allowed = parsed.ok ? authorizeLobby(actorOfScope(this.scope), parsed.value) : parsed;
        const result = allowed.ok ? await this.host.lobby(allowed.value.method, allowed.value.params) : allowed;
        this.send({ op: 'result', id: frame.id, result });
        return;
      }
      default: {
        // Every frame of core/protocol/wire.ts has a case above: a new one without fails to compile.
        const unhandled: never = frame;
        throw new Error(`Unhandled frame ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private authorizeRequest(method: string, params: unknown): BridgeResult<never> | null {
    if (this.scope.kind === 'facilitator') return null;
    const parsed = parseBridgeRequest(method, params);
    if (!parsed.ok) return parsed;
    const allowed = authorize(actorOfScope(this.scope), parsed.value);
    return allowed.ok ? null : allowed;
  }

  private subscribe(id: number, rawParams: unknown): void {
    const params = parseSubscribe(rawParams);
    const update = (u: BridgeUpdate) => this.queueUpdate(id, u);
    if (!params.ok) {
      update({ kind: 'error', sessionId: '', audience: 'room', error: params.error });
      return;
    }
    const { sessionId, audience } = params.value;
    const allowed = authorizeSubscribe(actorOfScope(this.scope), params.value);
    if (!allowed.ok) {
      update({ kind: 'error', sessionId, audience, error: allowed.error });
      return;
    }
    this.subscriptions.get(id)?.();
    this.subscriptions.delete(id);
    if (this.subscriptions.size >= MAX_SUBSCRIPTIONS) {
      update({ kind: 'error', sessionId, audience, error: { code: 'too-many', message: 'This window watches too many views at once; close some.' } });
      return;
    }
    this.subscriptions.set(id, this.host.service.subscribe(params.value, update));
  }
}
