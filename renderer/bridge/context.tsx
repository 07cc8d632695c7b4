// The Bridge reaches components through a context, never through an import of a host module:
// the desktop app passes the preload's bridge, browser mode a WebSocket one, tests an in-process one.
import { createContext, useContext, type ReactNode } from 'react';
import type { Bridge } from '../../core/protocol/bridge.ts';
import type { DesktopVerbs } from '../../core/protocol/desktop.ts';
import type { AppStore } from '../store/store.ts';

interface Services {
  bridge: Bridge;
  store: AppStore;
  /** The desktop app's own verbs (file dialogs, windows); null in a browser. */
  desktop: DesktopVerbs | null;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ bridge, store, desktop = null, children }: Omit<Services, 'desktop'> & { desktop?: DesktopVerbs | null; children: ReactNode }) {
  return <ServicesContext.Provider value={{ bridge, store, desktop }}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Drillbook components must be rendered inside <ServicesProvider>.');
  return services;
}

export function useBridge(): Bridge {
  return useServices().bridge;
}

export function useDesktop(): DesktopVerbs | null {
  return useServices().desktop;
}
