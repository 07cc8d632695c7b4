// The Bridge reaches components through a context, never through an import of a host module:
// the desktop app passes the preload's bridge, browser mode a WebSocket one, tests an in-process one.
import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../../core/protocol/bridge.ts';
import type { AppStore } from '../store/store.ts';

interface Services {
  bridge: Bridge;
  store: AppStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ bridge, store, children }: Services & { children: ReactNode }) {
  return <ServicesContext.Provider value={{ bridge, store }}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Drillbook components must be rendered inside <ServicesProvider>.');
  return services;
}

export function useBridge(): Bridge {
  return useServices().bridge;
}
