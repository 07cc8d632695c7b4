// The remembered window positions, in one small JSON file in the user-data folder. Written on
// every close through a temporary file and a rename (writeFileAtomic), so a crash never leaves half a file.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { join } from 'node:path';
import { parseSavedStates, type RememberedWindow, type SavedStates, type WindowState } from './window-state.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

export class WindowStateFile {
  private states: SavedStates;
  private readonly path: string;

  constructor(userData: string) {
    this.path = join(userData, WINDOW_STATE_FILE);
    let text: string | null = null;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      text = null;
    }
    this.states = parseSavedStates(text);
  }

  get(kind: RememberedWindow): WindowState | undefined {
    return this.states.windows[kind];
  }

  set(kind: RememberedWindow, state: WindowState): void {
    this.states = { version: 1, windows: { ...this.states.windows, [kind]: state } };
    try {
      writeFileAtomic(this.path, JSON.stringify(this.states, null, 2), { overwrite: true });
    } catch {
      // Losing a window position is not worth interrupting a workshop over.
    }
  }
}
