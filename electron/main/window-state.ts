// Where windows reopen. Saved bounds are only a wish: displays come and go between two workshops
// (a projector unplugged, a laptop on another desk), so they are clamped onto a display that
// exists now, and a window that would land off every screen opens centred on the primary one.
import { z } from 'zod';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  id: number;
  /** The usable area (without task bars and docks), in screen coordinates. */
  workArea: Bounds;
}

const BoundsSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

const WindowStateSchema = z.object({
  bounds: BoundsSchema,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

const SavedStatesSchema = z.object({
  version: z.literal(1),
  windows: z.object({
    facilitator: WindowStateSchema.optional(),
    room: WindowStateSchema.optional(),
    seat: WindowStateSchema.optional(),
  }),
});
export type SavedStates = z.infer<typeof SavedStatesSchema>;
export type RememberedWindow = keyof SavedStates['windows'];

export const EMPTY_STATES: SavedStates = { version: 1, windows: {} };

/** Reads saved states from the JSON text of the state file; anything unreadable counts as none. */
export function parseSavedStates(text: string | null): SavedStates {
  if (text === null) return EMPTY_STATES;
  try {
    const parsed = SavedStatesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_STATES;
  } catch {
    return EMPTY_STATES;
  }
}

/** The smallest a window may be made, and how much of it must show for it to count as on-screen. */
export const MIN_SIZE = { width: 480, height: 360 } as const;
const MIN_VISIBLE = 64;

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centred(size: { width: number; height: number }, area: Bounds): Bounds {
  const width = Math.min(Math.max(size.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(size.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The bounds to open a window with: the saved ones moved and shrunk into the display they overlap
 * most, or the default size centred on `primary` when they overlap none enough to grab.
 */
export function clampBounds(
  saved: Bounds | undefined,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  defaultSize: { width: number; height: number },
): Bounds {
  if (!saved) return centred(defaultSize, primary.workArea);
  let best: DisplayArea | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const o = overlap(saved, display.workArea);
    if (o.width >= Math.min(MIN_VISIBLE, saved.width) && o.height >= Math.min(MIN_VISIBLE, saved.height) && o.width * o.height > bestArea) {
      best = display;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return centred({ width: saved.width, height: saved.height }, primary.workArea);
  const area = best.workArea;
  const width = Math.min(Math.max(saved.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The display the room screen goes to: the first one that is not the facilitator's. */
export function pickRoomDisplay(displays: readonly DisplayArea[], facilitatorDisplayId: number): { display: DisplayArea; separate: boolean } | null {
  const other = displays.find((d) => d.id !== facilitatorDisplayId);
  if (other) return { display: other, separate: true };
  const same = displays.find((d) => d.id === facilitatorDisplayId) ?? displays[0];
  return same ? { display: same, separate: false } : null;
}
