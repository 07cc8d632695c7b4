// The app's CommandHub reaches views through a context; a view lends its registry while mounted.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { CommandHub } from './command-hub.ts';
import type { Registry } from './registry.ts';

const HubContext = createContext<CommandHub | null>(null);

export function CommandHubProvider({ hub, children }: { hub: CommandHub; children: ReactNode }) {
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}

/** Lends the registry to the app's hub (the desktop menu) while the component is mounted. */
export function useCommandTarget<C>(registry: Registry<C>, ctx: C): void {
  const hub = useContext(HubContext);
  const latest = useRef(ctx);
  latest.current = ctx;
  useEffect(() => hub?.add(registry, () => latest.current), [hub, registry]);
}
