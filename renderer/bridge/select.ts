// Which Bridge this window talks through. The desktop preload exposes one as
// `window.drillbookBridge` (contextBridge); browser mode will provide a WebSocket one; without
// either, the page runs the core itself (in-page demo, nothing saved).
import type { Bridge } from '../../core/protocol/bridge.ts';

declare global {
  interface Window {
    drillbookBridge?: Bridge;
  }
}

export interface SelectedBridge {
  bridge: Bridge;
  /** Shown in the top bar so no one mistakes the demo for the real thing. */
  label: string | null;
}

export async function selectBridge(): Promise<SelectedBridge> {
  if (window.drillbookBridge) return { bridge: window.drillbookBridge, label: null };
  const { createInPageBridge } = await import('./in-page.ts');
  return { bridge: createInPageBridge().bridge, label: 'Demo in this page: nothing is saved' };
}
