// The app's state: one zustand store made of slices, created per app instance (so that each test
// and each window starts clean), with the Bridge captured by the slices that talk to the host.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../core/protocol/bridge.ts';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.ts';
import { createLibrarySlice, type LibrarySlice } from './library-slice.ts';
import { createSessionsSlice, type SessionsSlice } from './sessions-slice.ts';
import { createLiveSlice, type LiveSlice } from './live-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createDraftsSlice, type DraftsSlice } from './drafts-slice.ts';

export type AppState = ConnectionSlice & LibrarySlice & SessionsSlice & LiveSlice & UiSlice & DraftsSlice;
export type AppStore = StoreApi<AppState>;
export type SliceCreator<T> = (set: AppStore['setState'], get: AppStore['getState'], bridge: Bridge) => T;

export function createAppStore(bridge: Bridge): AppStore {
  const store = createStore<AppState>()((set, get) => ({
    ...createConnectionSlice(set, get, bridge),
    ...createLibrarySlice(set, get, bridge),
    ...createSessionsSlice(set, get, bridge),
    ...createLiveSlice(set, get, bridge),
    ...createUiSlice(set, get, bridge),
    ...createDraftsSlice(set, get, bridge),
  }));
  bridge.onConnection((state) => store.setState({ connection: state }));
  return store;
}
