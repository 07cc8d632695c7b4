import type { BridgeError, BridgeResult, ImportedEntry, LibraryEntry, LibraryEntryDetail } from '../../core/protocol/bridge.ts';
import type { LintFinding } from '../../core/scenario/lint/types.ts';
import { idle, loading, type Loadable } from './load-state.ts';
import type { SliceCreator } from './store.ts';

export interface ImportOutcome {
  fileName: string;
  error: BridgeError | null;
  /** drillbook lint's findings on an imported file (for a refused one they are in `error.lint`). */
  lint: LintFinding[];
}

export interface LibrarySlice {
  library: Loadable<LibraryEntry[]>;
  preview: Loadable<LibraryEntryDetail>;
  lastImport: ImportOutcome | null;
  loadLibrary(): Promise<void>;
  loadPreview(entryId: string): Promise<void>;
  importScenario(fileName: string, text: string): Promise<LibraryEntry | null>;
  /** Shows the outcome of an import done elsewhere (the desktop's file dialog) like one from here. */
  acceptImport(fileName: string, result: BridgeResult<ImportedEntry>): Promise<LibraryEntry | null>;
  duplicateScenario(entryId: string): Promise<LibraryEntry | null>;
  clearImport(): void;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, bridge) => ({
  library: idle,
  preview: idle,
  lastImport: null,
  async loadLibrary() {
    if (get().library.status !== 'ready') set({ library: loading });
    const result = await bridge.request('library.list', {});
    set({ library: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },
  async loadPreview(entryId) {
    const current = get().preview;
    if (current.status === 'ready' && current.value.entryId === entryId) return;
    set({ preview: loading });
    const result = await bridge.request('library.get', { entryId });
    set({ preview: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },
  async importScenario(fileName, text) {
    return get().acceptImport(fileName, await bridge.request('library.import', { fileName, text }));
  },
  async acceptImport(fileName, result) {
    if (!result.ok) {
      set({ lastImport: { fileName, error: result.error, lint: [] } });
      return null;
    }
    set({ lastImport: { fileName, error: null, lint: result.value.lint } });
    await get().loadLibrary();
    return result.value;
  },
  async duplicateScenario(entryId) {
    const result = await bridge.request('library.duplicate', { entryId });
    if (!result.ok) {
      get().toast(result.error.message, 'error');
      return null;
    }
    await get().loadLibrary();
    return result.value;
  },
  clearImport() {
    set({ lastImport: null });
  },
});
