// Unsaved debrief work, per session: the improvement plan and hotwash answers as the facilitator is
// writing them. Kept in the app store, not in the forms, so that going to the console or the
// history and back finds the text where it was (issue 14, item 14: unsaved hotwash text was lost
// on navigation). A save that the engine takes clears the draft; closing the window with a draft
// asks first (see hasUnsavedDrafts).
//
// The Author view's unsaved scenario text is kept the same way, per place it was opened from (a
// library entry, or a new scenario of a level): leaving for another view and coming back restores
// it, with a notice and a way to discard it (issue 17).
import type { DebriefPlanItem } from '../../core/scoring/debrief-types.ts';
import type { SliceCreator } from './store.ts';

export interface DebriefDraft {
  plan?: DebriefPlanItem[];
  /** One answer per hotwash question, in order. */
  hotwash?: string[];
}

export type DraftPart = keyof DebriefDraft;

/** The Author view's text as the author left it, not saved. */
export interface AuthorDraft {
  text: string;
  fileName: string;
  /** The library entry a save writes over; null: a save makes a new entry. */
  entryId: string | null;
  /** The text this editor last saved; null: not saved from it yet. */
  savedText: string | null;
  /** The text the editor was opened with (the library's or a skeleton): a later change there is said on return. */
  base: string;
}

export interface DraftsSlice {
  drafts: Record<string, DebriefDraft>;
  setDraft<K extends DraftPart>(sessionId: string, part: K, value: NonNullable<DebriefDraft[K]>): void;
  clearDraft(sessionId: string, part: DraftPart): void;
  /** Unsaved Author view text by where it was opened from (authorDraftKey). */
  authorDrafts: Record<string, AuthorDraft>;
  setAuthorDraft(key: string, draft: AuthorDraft): void;
  clearAuthorDraft(key: string): void;
}

/** Where an Author view was opened from: a library entry, or a new scenario of a level. */
export function authorDraftKey(source: { entryId: string } | { level: string }): string {
  return 'entryId' in source ? `entry:${source.entryId}` : `new:${source.level}`;
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
  authorDrafts: {},
  setAuthorDraft(key, draft) {
    set({ authorDrafts: { ...get().authorDrafts, [key]: draft } });
  },
  clearAuthorDraft(key) {
    const { [key]: dropped, ...rest } = get().authorDrafts;
    if (dropped) set({ authorDrafts: rest });
  },
});

/** Whether any session has debrief work not yet saved. */
export function hasUnsavedDrafts(drafts: Record<string, DebriefDraft>): boolean {
  return Object.values(drafts).some((d) => d.plan !== undefined || d.hotwash !== undefined);
}
