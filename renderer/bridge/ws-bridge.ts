// The Bridge over a WebSocket to the LAN server (browser mode, participants' own devices). Frames
// are JSON: requests and subscriptions go out with an id, results and pushed updates come back with
// it. When the socket drops it reconnects by itself and subscribes again; the host then pushes each
// audience's whole projection, so the view comes back with nothing missing and nothing twice.
// Requests made while it is away wait and go out once it is back.
import {
  fail,
  type Bridge, type BridgeMethod, type BridgeParams, type BridgeResult, type BridgeUpdate, type BridgeValues,
  type ConnectionState, type SubscribeParams,
} from '../../core/protocol/bridge.ts';
import {
  parseServerFrame, REFUSAL_OF_CLOSE,
  type ClientFrame, type Refusal, type SocketScope,
} from '../../core/protocol/wire.ts';
import type { LobbyMethod, LobbyParams } from '../../core/protocol/lobby.ts';

export type { Refusal };
/** Who the host says this socket is (its first frame). */
export type Scope = SocketScope;

/** What a browser's WebSocket and the `ws` package's both offer. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WsBridgeOptions {
  /** ws://host:port/ws */
  url: string;
  token: string;
  socket?: SocketFactory;
  /** Asked after a connection attempt failed: is the token still good? false stops reconnecting. */
  checkToken?: () => Promise<boolean>;
  onRefused?: (why: Refusal) => void;
  onScope?: (scope: Scope) => void;
  /** Reconnect delays (ms), growing from the first to the last. */
  retryMs?: readonly number[];
  /**
   * Each delay is spread by up to a quarter either way, so that a room of devices dropped together
   * (the facilitator's computer restarted) does not come back in one burst. Default Math.random.
   */
  random?: () => number;
}

/** What this side sends: the wire protocol's client frames (core/protocol/wire.ts). */
type Outgoing = ClientFrame;

const OPEN = 1;

export class WsBridge implements Bridge {
  private socket: SocketLike | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private opened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiting: { frame: Outgoing; resolve: (result: BridgeResult<unknown>) => void }[] = [];
  private readonly pending = new Map<number, (result: BridgeResult<unknown>) => void>();
  private readonly subscriptions = new Map<number, { params: SubscribeParams; listener: (update: BridgeUpdate) => void }>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly factory: SocketFactory;
  private readonly retryMs: readonly number[];

  constructor(private readonly options: WsBridgeOptions) {
    this.factory = options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.retryMs = options.retryMs ?? [250, 500, 1000, 2000, 4000];
    this.connect();
  }

  get connection(): ConnectionState {
    return this.state;
  }

  request<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>> {
    return this.call({ op: 'request', id: this.nextId++, method, params }) as Promise<BridgeResult<BridgeValues[M]>>;
  }

  /** The facilitator's lobby controls ("let participants join", core/protocol/lobby.ts). */
  lobby<M extends LobbyMethod>(method: M, params: LobbyParams<M>): Promise<BridgeResult<unknown>> {
    return this.call({ op: 'lobby', id: this.nextId++, method, params });
  }

  subscribe(params: SubscribeParams, listener: (update: BridgeUpdate) => void): () => void {
    const id = this.nextId++;
    this.subscriptions.set(id, { params, listener });
    this.send({ op: 'subscribe', id, params });
    return () => {
      if (this.subscriptions.delete(id)) this.send({ op: 'unsubscribe', id });
    };
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => void this.connectionListeners.delete(listener);
  }

  /** Closes the socket for good (the page is going away, or the test is over). */
  close(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'closed');
    this.failAll('closed', 'This window closed its connection to Drillbook.');
  }

  private call(frame: Outgoing): Promise<BridgeResult<unknown>> {
    if (this.stopped) return Promise.resolve(fail('disconnected', 'This device is no longer connected to the exercise.'));
    return new Promise((resolve) => {
      if (this.socket?.readyState === OPEN && this.opened) {
        this.pending.set(frame.id, resolve);
        this.socket.send(JSON.stringify(frame));
      } else {
        this.waiting.push({ frame, resolve });
      }
    });
  }

  private send(frame: Outgoing): void {
    if (this.socket?.readyState === OPEN && this.opened) this.socket.send(JSON.stringify(frame));
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.connectionListeners) listener(state);
  }

  private connect(): void {
    const url = `${this.options.url}?token=${encodeURIComponent(this.options.token)}`;
    const socket = this.factory(url);
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      this.opened = true;
      this.attempt = 0;
      this.setState('connected');
      for (const [id, sub] of this.subscriptions) this.send({ op: 'subscribe', id, params: sub.params });
      for (const { frame, resolve } of this.waiting.splice(0)) {
        this.pending.set(frame.id, resolve);
        socket.send(JSON.stringify(frame));
      }
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {};
    socket.onclose = (event) => void this.closed(socket, event.code);
  }

  private receive(data: unknown): void {
    // The host's frames are parsed with the same schemas it builds them by; anything else is ignored.
    const frame = parseServerFrame(data);
    if (!frame) return;
    // Exhaustive: a server frame added to core/protocol/wire.ts without a case here does not compile.
    switch (frame.op) {
      case 'hello':
        this.options.onScope?.(frame.scope);
        return;
      case 'result': {
        const resolve = this.pending.get(frame.id);
        this.pending.delete(frame.id);
        resolve?.(frame.result);
        return;
      }
      case 'update':
        this.subscriptions.get(frame.id)?.listener(frame.update);
        return;
      default: {
        const unhandled: never = frame;
        void unhandled;
      }
    }
  }

  private failAll(code: string, message: string): void {
    for (const resolve of this.pending.values()) resolve(fail(code, message));
    this.pending.clear();
    for (const { resolve } of this.waiting.splice(0)) resolve(fail(code, message));
  }

  private async closed(socket: SocketLike, code: number): Promise<void> {
    if (socket !== this.socket || this.stopped) return;
    const wasOpen = this.opened;
    this.opened = false;
    // Whether an in-flight request was applied is unknown: say so rather than send it twice.
    for (const resolve of this.pending.values()) {
      resolve(fail('connection-lost', 'The connection dropped before Drillbook answered. Check whether it was saved, then try again.'));
    }
    this.pending.clear();
    let refusal: Refusal | undefined = REFUSAL_OF_CLOSE[code];
    if (!refusal && !wasOpen && this.options.checkToken && !(await this.options.checkToken().catch(() => true))) refusal = 'bad-token';
    if (refusal) {
      this.stopped = true;
      this.setState('lost');
      this.failAll('refused', 'This device is no longer part of the exercise.');
      this.options.onRefused?.(refusal);
      return;
    }
    this.setState(wasOpen ? 'lost' : this.state === 'connected' ? 'lost' : this.state);
    const base = this.retryMs[Math.min(this.attempt, this.retryMs.length - 1)] ?? 1000;
    const delay = Math.round(base * (0.75 + 0.5 * (this.options.random ?? Math.random)()));
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      if (this.stopped) return;
      if (this.state !== 'connecting') this.setState('connecting');
      this.connect();
    }, delay);
  }
}
