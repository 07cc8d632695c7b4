// Tables' right borders were cut off in the PDF (issue 14, item 18): in the collapsing border
// model the outer half of a table's right border lies outside its box, and at width 100% that half
// fell outside the printable area, where Chromium clips it. Checked on the printed page itself:
// every page is rasterized (pdftoppm, grey, 150 dpi) and the darkest pixel column at the right edge
// of the text area must be as fully drawn as the left edge's, where the same tables start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../../electron/report/write-reports.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

const out = mkdtempSync(join(tmpdir(), 'drillbook-pdf-edges-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const DPI = 150;
// @page { size: A4; margin: 14mm 12mm 16mm } in core/report/html/style.ts.
const SIDE_MARGIN_MM = 12;
// A cell border (#d5dbe1, about 217 grey) drawn at full width reads darker than this; its clipped
// half is anti-aliased to a faint line lighter than it.
const INK = 228;

interface Grey { width: number; height: number; at(x: number, y: number): number }

function readPgm(file: string): Grey {
  const data = readFileSync(file);
  // Binary PGM: "P5", width, height, maxval, each followed by whitespace; then one byte a pixel.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]!))) i++;
    let field = '';
    while (!/\s/.test(String.fromCharCode(data[i]!))) field += String.fromCharCode(data[i++]!);
    fields.push(field);
  }
  i++;
  const [magic, width, height] = [fields[0], Number(fields[1]), Number(fields[2])];
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  return { width, height, at: (x, y) => data[i + y * width + x]! };
}

/** The most rows of ink in one pixel column within `from`..`to`. */
function strongestColumn(page: Grey, from: number, to: number): number {
  let best = 0;
  for (let x = Math.max(0, from); x <= Math.min(page.width - 1, to); x++) {
    let rows = 0;
    for (let y = 0; y < page.height; y++) if (page.at(x, y) <= INK) rows++;
    best = Math.max(best, rows);
  }
  return best;
}

describe('the printed report', () => {
  it('draws every table whole: the right borders as fully as the left ones', async () => {
    const [pdf] = await writeReports(sampleDebrief(), ['pdf'], out);
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf!.path, join(out, 'page')]);
    const pages = readdirSync(out).filter((f) => f.endsWith('.pgm')).sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const margin = (SIDE_MARGIN_MM / 25.4) * DPI;
    let checked = 0;
    // Page 1 is left out: its summary cards line up on the left margin only.
    for (const file of pages.slice(1)) {
      const page = readPgm(join(out, file));
      const left = strongestColumn(page, Math.floor(margin) - 3, Math.ceil(margin) + 3);
      const right = strongestColumn(page, Math.floor(page.width - margin) - 3, Math.ceil(page.width - margin) + 3);
      // A page of tables: their left edges make a long line at the left margin.
      if (left < page.height / 4) continue;
      checked++;
      expect(right, `${file}: right edge ${right} rows of ink, left edge ${left}`).toBeGreaterThanOrEqual(left * 0.5);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
