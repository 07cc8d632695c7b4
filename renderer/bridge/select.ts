// Which Bridge this window talks through. The desktop preload exposes one as
// `window.drillbookBridge` (contextBridge), with the desktop's own verbs beside it; browser mode
// serves the LAN page (renderer/lan/); without either, the page runs the core itself (in-page demo,
// nothing saved).
import type { Bridge } from '../../core/protocol/bridge.ts';
import { DESKTOP_API_KEY, type DesktopApi, type DesktopVerbs } from '../../core/protocol/desktop.ts';

declare global {
  interface Window {
    [DESKTOP_API_KEY]?: DesktopApi;
  }
}

export interface SelectedBridge {
  bridge: Bridge;
  /** The desktop app's verbs (file dialogs, windows, the app menu); null outside the desktop app. */
  desktop: DesktopVerbs | null;
  /** Shown in the top bar so no one mistakes the demo for the real thing. */
  label: string | null;
}

export async function selectBridge(): Promise<SelectedBridge> {
  const exposed = window[DESKTOP_API_KEY];
  if (exposed) return { bridge: exposed, desktop: exposed.desktop ?? null, label: null };
  const { createInPageBridge } = await import('./in-page.ts');
  return { bridge: createInPageBridge().bridge, desktop: null, label: 'Demo in this page: nothing is saved' };
}
