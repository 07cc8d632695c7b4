import type { SliceCreator } from './store.ts';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface UiSlice {
  helpOpen: boolean;
  toasts: Toast[];
  setHelpOpen(open: boolean): void;
  toast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

let nextToast = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  helpOpen: false,
  toasts: [],
  setHelpOpen(open) {
    set({ helpOpen: open });
  },
  toast(text, tone = 'info') {
    const id = nextToast++;
    set({ toasts: [...get().toasts.slice(-2), { id, text, tone }] });
    // Messages leave by themselves; errors stay longer so they can be read.
    setTimeout(() => get().dismissToast(id), tone === 'error' ? 12_000 : 4_000);
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
});
