// Saving the Author view's text: one function per destination, so that the library's save can be
// pointed at another method (a version history) in one place.
import type { Bridge, BridgeResult, SavedVersion } from '../../../core/protocol/bridge.ts';

/**
 * Save to the library: the next version of the imported entry `entryId`, else a new entry (a shipped
 * file is read-only: the view edits a copy). A text with errors is kept as a draft version.
 */
export function saveToLibrary(bridge: Bridge, params: { entryId: string | null; fileName: string; text: string; note?: string }): Promise<BridgeResult<SavedVersion>> {
  return bridge.request('library.save', { ...(params.entryId ? { entryId: params.entryId } : {}), fileName: params.fileName, text: params.text, note: params.note ?? '' });
}

/** Save to a file: a download (the desktop app asks where to save it, a browser saves it in Downloads). */
export { downloadText } from '../../components/download.ts';
