// The one place that decides what a window's page may do. Every BrowserWindow is created with
// webPreferencesFor(kind): a page gets the app's narrow preload or nothing, never Node.
import type { WebPreferences } from 'electron';

export const WINDOW_KINDS = ['facilitator', 'room', 'seat', 'pdf'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** Settings shared by every kind: the Electron security checklist, spelled out. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Spellcheck would send typed text to a dictionary service on some platforms; the room is offline.
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/**
 * `preload` is the absolute path of the bundled preload. The pdf kind renders untrusted report
 * HTML with scripts off and no bridge at all, so it ignores it.
 */
export function webPreferencesFor(kind: WindowKind, preload: string): WebPreferences {
  if (kind === 'pdf') {
    return { ...LOCKED_DOWN, javascript: false, images: true };
  }
  return { ...LOCKED_DOWN, javascript: true, preload };
}
