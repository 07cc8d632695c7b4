import type { BridgeError } from '../../core/protocol/bridge.ts';

/** A value fetched from the host: not asked yet, on its way, there, or failed with a message. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: BridgeError };

export const idle = { status: 'idle' } as const;
export const loading = { status: 'loading' } as const;
