import type { ConnectionState } from '../../core/protocol/bridge.ts';
import type { SliceCreator } from './store.ts';

export interface ConnectionSlice {
  connection: ConnectionState;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = () => ({ connection: 'connected' });
