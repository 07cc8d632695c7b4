// Unsaved debrief work, per session: the improvement plan and hotwash answers as the facilitator is
// writing them. Kept in the app store, not in the forms, so that going to the console or the
// history and back finds the text where it was (issue 14, item 14: unsaved hotwash text was lost
// on navigation). A save that the engine takes clears the draft; closing the window with a draft
// asks first (see hasUnsavedDrafts).
import type { DebriefPlanItem } from '../../core/scoring/debrief-types.ts';
import type { SliceCreator } from './store.ts';

export interface DebriefDraft {
  plan?: DebriefPlanItem[];
  /** One answer per hotwash question, in order. */
  hotwash?: string[];
}

export type DraftPart = keyof DebriefDraft;

export interface DraftsSlice {
  drafts: Record<string, DebriefDraft>;
  setDraft<K extends DraftPart>(sessionId: string, part: K, value: NonNullable<DebriefDraft[K]>): void;
  clearDraft(sessionId: string, part: DraftPart): void;
}

export const createDraftsSlice: SliceCreator<DraftsSlice> = (set, get) => ({
  drafts: {},
  setDraft(sessionId, part, value) {
    const drafts = get().drafts;
    set({ drafts: { ...drafts, [sessionId]: { ...drafts[sessionId], [part]: value } } });
  },
  clearDraft(sessionId, part) {
    const drafts = get().drafts;
    const current = drafts[sessionId];
    if (!current || current[part] === undefined) return;
    const { [part]: _dropped, ...rest } = current;
    const next = { ...drafts };
    if (Object.keys(rest).length === 0) delete next[sessionId];
    else next[sessionId] = rest;
    set({ drafts: next });
  },
});

/** Whether any session has debrief work not yet saved. */
export function hasUnsavedDrafts(drafts: Record<string, DebriefDraft>): boolean {
  return Object.values(drafts).some((d) => d.plan !== undefined || d.hotwash !== undefined);
}
