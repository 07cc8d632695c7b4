import { useStore } from 'zustand';
import { useServices } from '../bridge/context.tsx';
import type { AppState } from './store.ts';

/** Selects from the app store; re-renders only when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}
