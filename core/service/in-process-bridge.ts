// The Bridge in the same process as the service: for tests and the in-page demo. Everything goes
// through JSON on the way in and out, as it would over IPC or a socket, so a value that is not
// JSON-serializable, or a caller that keeps a reference, shows up here first.
import type { Bridge, BridgeMethod, BridgeParams, BridgeResult, BridgeUpdate, BridgeValues, ConnectionState, SubscribeParams } from '../protocol/bridge.ts';
import type { AppService } from './app-service.ts';

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class InProcessBridge implements Bridge {
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly service: AppService) {}

  async request<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>> {
    const result = await this.service.request(method, wire(params));
    return wire(result) as BridgeResult<BridgeValues[M]>;
  }

  subscribe(params: SubscribeParams, listener: (update: BridgeUpdate) => void): () => void {
    return this.service.subscribe(wire(params), (update) => listener(wire(update)));
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    listener('connected');
    return () => void this.connectionListeners.delete(listener);
  }
}
