import { useEffect, useRef } from 'react';
import { commandForKey, runCommand, type Registry } from './registry.ts';

/** Listens for the registry's shortcuts on the window while the component is mounted. */
export function useShortcuts<C>(registry: Registry<C>, ctx: C): void {
  const latest = useRef({ registry, ctx });
  latest.current = { registry, ctx };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const { registry: reg, ctx: current } = latest.current;
      const command = commandForKey(reg, event);
      if (!command) return;
      event.preventDefault();
      void runCommand(command, current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
