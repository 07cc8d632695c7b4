// "Timeline at a glance": speed changes a few seconds apart printed their labels on top of each other
// (issue 14, item 18). Measured the way the page draws them: every label's box, at the chart's
// 14px DejaVu Sans (digits and × advance about 8.9 px; ascent about 11 px, descent 3 px), must
// overlap no other label, stay inside the drawing, and stay above the plot.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../core/report/index.ts';
import { layoutLabels } from '../../../core/report/html/charts.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { parseReport } from './parse-html.ts';

interface Box { text: string; left: number; right: number; top: number; bottom: number }

const CHAR_W = 8.9;

function speedLabelBoxes(html: string): { boxes: Box[]; plotTop: number; width: number } {
  const doc = parseReport(html);
  const svg = doc.querySelector('svg');
  if (!svg) throw new Error('no timeline chart');
  const width = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const boxes = Array.from(svg.querySelectorAll('text'))
    .filter((t) => /^×/.test(t.textContent ?? ''))
    .map((t) => {
      const text = t.textContent ?? '';
      const x = Number(t.getAttribute('x'));
      const y = Number(t.getAttribute('y'));
      const w = [...text].length * CHAR_W;
      const anchor = t.getAttribute('text-anchor');
      const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      return { text, left, right: left + w, top: y - 11, bottom: y + 3 };
    });
  const plotTop = Math.min(...Array.from(svg.querySelectorAll('line.grid')).map((l) => Number(l.getAttribute('y1'))));
  return { boxes, plotTop, width };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function withSpeedChanges(changes: { at_s: number; speed: number }[]) {
  const d = sampleDebrief();
  return { ...d, controls: { ...d.controls, speed_changes: changes } };
}

describe('timeline chart: speed-change labels', () => {
  it.each([
    ['a few seconds apart', [{ at_s: 600, speed: 2 }, { at_s: 602, speed: 4 }, { at_s: 605, speed: 0.5 }, { at_s: 610, speed: 1 }, { at_s: 900, speed: 8 }]],
    ['at the very start and the very end', [{ at_s: 0, speed: 0.25 }, { at_s: 1, speed: 16 }, { at_s: 2699, speed: 0.25 }, { at_s: 2700, speed: 2 }]],
    ['twenty in one minute', Array.from({ length: 20 }, (_, i) => ({ at_s: 1200 + i * 3, speed: i % 2 === 0 ? 2 : 0.5 }))],
  ])('never overlap when the changes come %s', (_what, changes) => {
    const { boxes, plotTop, width } = speedLabelBoxes(renderHtml(withSpeedChanges(changes)));
    expect(boxes.map((b) => b.text).sort()).toEqual(changes.map((c) => `×${c.speed}`).sort());
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.right).toBeLessThanOrEqual(width);
      expect(a.top).toBeGreaterThanOrEqual(0);
      expect(a.bottom).toBeLessThanOrEqual(plotTop);
      for (const b of boxes.slice(i + 1)) {
        expect(overlaps(a, b), `${a.text} at ${a.left.toFixed(1)},${a.top} overlaps ${b.text} at ${b.left.toFixed(1)},${b.top}`).toBe(false);
      }
    }
  });

  it('keeps one row when the changes are far apart, and marks each moment with a tick', () => {
    const html = renderHtml(withSpeedChanges([{ at_s: 300, speed: 2 }, { at_s: 1500, speed: 1 }]));
    const { boxes } = speedLabelBoxes(html);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    expect(parseReport(html).querySelectorAll('svg line.speed-tick')).toHaveLength(2);
  });

  it('layoutLabels: the lowest free row, in order of x; slid inside the bounds', () => {
    const placed = layoutLabels([{ x: 100, text: '×2' }, { x: 102, text: '×4' }, { x: 200, text: '×1' }, { x: 5, text: '×8' }], 0, 210);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0, 0]);
    expect(placed[3]!.x - placed[3]!.width / 2).toBeGreaterThanOrEqual(0);
    expect(placed[2]!.x + placed[2]!.width / 2).toBeLessThanOrEqual(210);
  });
});
