// The PDF through the real system Chromium (CI installs it; see .ci/run), read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from '../../../electron/report/chromium.ts';
import { writeReports } from '../../../electron/report/write-reports.ts';
import { cappedDebrief } from '../../fixtures/debrief/capped.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

const out = mkdtempSync(join(tmpdir(), 'drillbook-report-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const profiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('drillbook-pdf-')).length;

describe('writeReports', () => {
  it('writes every format under its name, the PDF holding the key figures', async () => {
    const before = profiles();
    const written = await writeReports(sampleDebrief(), ['html', 'md', 'csv', 'json', 'pdf'], join(out, 'all'));
    expect(written.map((w) => w.path.slice(out.length + 5))).toEqual(['debrief.html', 'debrief.md', 'decisions.csv', 'debrief.json', 'debrief.pdf']);
    expect(readdirSync(join(out, 'all')).sort()).toEqual(['debrief.html', 'debrief.json', 'debrief.md', 'debrief.pdf', 'decisions.csv']);
    const pdf = join(out, 'all', 'debrief.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The overall percent, each objective's percent and rating (the chart's labels), the override.
    for (const figure of ['M 68%', 'Overall M: Performed with major challenges', '61.3 of 90.0 points', '92% P', '44% M', '81% P', 'Detect and declare', 'Verbal updates to the exec were excellent', '26:00 late', 'missed', 'Improvement plan', 'Appendix: timeline']) {
      expect(text).toContain(figure);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    // The throwaway HOME and profile are gone.
    expect(profiles()).toBe(before);
  });

  it('leads with the overall rating and its cap (version 1.1), avoided reasons beside the answer', async () => {
    const [pdf] = await writeReports(cappedDebrief(), ['pdf'], join(out, 'capped'));
    const text = execFileSync('pdftotext', [pdf!.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const cap = 'Overall M: capped by Communicate (U). 78% would be S; the overall rating is at most one band above the weakest objective.';
    expect(text).toContain(cap);
    // The cap comes before the first section.
    expect(text.indexOf(cap)).toBeLessThan(text.indexOf('Exercise overview'));
    for (const words of ['2 text answers are provisional', 'Avoid: Names and blames a vendor in public', 'Nobody outside the team heard about the incident.']) expect(text).toContain(words);
  });

  it('applies the options to the PDF too', async () => {
    const [pdf] = await writeReports(sampleDebrief(), ['pdf'], join(out, 'anon'), { anonymize: true, includeNotes: false });
    const text = execFileSync('pdftotext', [pdf!.path, '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/Alice|Bjorn|Priya/);
    expect(text).toContain('ML Engineer 2');
  });

  it('without Chromium: writes the text formats, then fails saying what to install', async () => {
    const dir = join(out, 'missing');
    const env = { DRILLBOOK_CHROMIUM: '/nonexistent/chromium' };
    const told: string[] = [];
    await expect(writeReports(sampleDebrief(), ['pdf', 'html', 'csv'], dir, { pdf: { env }, onWritten: (w) => told.push(w.format) })).rejects.toThrow(ChromiumNotFoundError);
    expect(readdirSync(dir).sort()).toEqual(['debrief.html', 'decisions.csv']);
    expect(told).toEqual(['html', 'csv']);
  });
});

describe('findChromium', () => {
  it('uses DRILLBOOK_CHROMIUM when set, and says so when it is wrong', () => {
    expect(findChromium({ DRILLBOOK_CHROMIUM: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
    expect(() => findChromium({ DRILLBOOK_CHROMIUM: '/opt/none/chrome' })).toThrow("DRILLBOOK_CHROMIUM is set to '/opt/none/chrome', which is not an executable file");
  });

  it('names what to install when there is none', () => {
    expect(() => findChromium({}, ['/nonexistent/chromium'])).toThrow(
      'cannot print the PDF: no Chromium was found (looked in /nonexistent/chromium). Install it (Debian/Ubuntu: apt-get install chromium) or set DRILLBOOK_CHROMIUM=/path/to/chromium. The HTML report prints the same pages from any browser.',
    );
  });

  it('looks on PATH, by name, before the usual install paths (as `command -v chromium` in .ci/run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drillbook-path-'));
    const fake = join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    try {
      expect(findChromium({ PATH: `/nonexistent${delimiter}${dir}` }, ['/usr/bin/chromium'])).toBe(fake);
      expect(() => findChromium({ PATH: '/nonexistent' }, ['/nonexistent/chromium'])).toThrow('looked in /nonexistent/chromium, and for chromium, chromium-browser, google-chrome-stable, google-chrome on PATH');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the system Chromium', () => {
    expect(existsSync(findChromium({}))).toBe(true);
  });
});
