import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

vi.mock('electron', () => ({}));

const { clampBounds, parseSavedStates, pickRoomDisplay, EMPTY_STATES, MIN_SIZE } = await import('../../../electron/main/window-state.ts');
import type { Bounds, DisplayArea } from '../../../electron/main/window-state.ts';

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const projector: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };
const DEFAULT = { width: 1280, height: 800 };

const inside = (b: Bounds, area: Bounds) =>
  b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height;

describe('clampBounds', () => {
  it('keeps bounds that fit a display', () => {
    const saved = { x: 100, y: 100, width: 1000, height: 700 };
    expect(clampBounds(saved, [laptop, projector], laptop, DEFAULT)).toEqual(saved);
  });

  it('centres the default size on the primary display when nothing was saved', () => {
    expect(clampBounds(undefined, [laptop], laptop, DEFAULT)).toEqual({ x: 80, y: 25 + 37, width: 1280, height: 800 });
  });

  it('brings back a window saved on a projector that is now unplugged', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800 };
    const bounds = clampBounds(saved, [laptop], laptop, DEFAULT);
    expect(inside(bounds, laptop.workArea)).toBe(true);
    expect(bounds.width).toBe(1200);
  });

  it('moves a window hanging off an edge back onto its display and shrinks one that is too big', () => {
    const bounds = clampBounds({ x: 1300, y: -50, width: 3000, height: 2000 }, [laptop], laptop, DEFAULT);
    expect(bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('picks the display a window overlaps most', () => {
    const bounds = clampBounds({ x: 1400, y: 10, width: 1000, height: 600 }, [laptop, projector], laptop, DEFAULT);
    expect(inside(bounds, projector.workArea)).toBe(true);
  });

  it('never makes a window smaller than the minimum a display allows', () => {
    const bounds = clampBounds({ x: 10, y: 30, width: 5, height: 5 }, [laptop], laptop, DEFAULT);
    expect(bounds.width).toBe(MIN_SIZE.width);
    expect(bounds.height).toBe(MIN_SIZE.height);
  });

  it('always returns bounds fully on some display (property)', () => {
    const int = (min: number, max: number) => fc.integer({ min, max });
    fc.assert(
      fc.property(int(-10_000, 10_000), int(-10_000, 10_000), int(1, 8000), int(1, 8000), fc.boolean(), (x, y, width, height, withProjector) => {
        const displays = withProjector ? [laptop, projector] : [laptop];
        const bounds = clampBounds({ x, y, width, height }, displays, laptop, DEFAULT);
        expect(displays.some((d) => inside(bounds, d.workArea))).toBe(true);
      }),
    );
  });
});

describe('parseSavedStates', () => {
  it('reads a saved file', () => {
    const text = JSON.stringify({ version: 1, windows: { facilitator: { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true } } });
    expect(parseSavedStates(text).windows.facilitator).toEqual({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true });
  });

  it.each([null, '', '{', '[]', '{"version":2,"windows":{}}', '{"version":1,"windows":{"facilitator":{"bounds":{"x":"1"}}}}'])(
    'treats %j as nothing saved',
    (text) => {
      expect(parseSavedStates(text)).toEqual(EMPTY_STATES);
    },
  );
});

describe('pickRoomDisplay', () => {
  it('prefers a display other than the facilitator’s', () => {
    expect(pickRoomDisplay([laptop, projector], 1)).toEqual({ display: projector, separate: true });
    expect(pickRoomDisplay([laptop, projector], 2)).toEqual({ display: laptop, separate: true });
  });

  it('falls back to the only display', () => {
    expect(pickRoomDisplay([laptop], 1)).toEqual({ display: laptop, separate: false });
    expect(pickRoomDisplay([], 1)).toBeNull();
  });
});

describe('WindowStateFile', async () => {
  const { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { WindowStateFile, WINDOW_STATE_FILE } = await import('../../../electron/main/window-state-file.ts');

  it('keeps positions across restarts, atomically, and starts empty from a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drillbook-state-'));
    try {
      const first = new WindowStateFile(dir);
      expect(first.get('facilitator')).toBeUndefined();
      first.set('facilitator', { bounds: { x: 5, y: 6, width: 800, height: 600 }, maximized: false });
      first.set('room', { bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, maximized: true });
      expect(existsSync(join(dir, `${WINDOW_STATE_FILE}.tmp`))).toBe(false);
      const second = new WindowStateFile(dir);
      expect(second.get('facilitator')?.bounds).toEqual({ x: 5, y: 6, width: 800, height: 600 });
      expect(second.get('room')?.maximized).toBe(true);
      writeFileSync(join(dir, WINDOW_STATE_FILE), '{"version":1,"windows":{"facilitator":{"bounds":"x"}}}');
      expect(new WindowStateFile(dir).get('facilitator')).toBeUndefined();
      expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8')).version).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not throw when the folder cannot be written', () => {
    const file = new WindowStateFile(join(tmpdir(), 'drillbook-no-such-dir', 'deeper'));
    expect(() => file.set('seat', { bounds: { x: 0, y: 0, width: 900, height: 700 }, maximized: false })).not.toThrow();
    expect(file.get('seat')?.bounds.width).toBe(900);
  });
});
