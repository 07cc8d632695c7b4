// Property tests: any mix of markup fragments, as any text field, reads back as the same text and
// makes nothing live, in HTML (parsed by jsdom), Markdown (rendered with raw HTML allowed) and CSV
// (parsed back as RFC 4180).
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../core/report/csv.ts';
import { isolateBidi, visibleControls } from '../../../core/report/escape.ts';
import { renderHtml } from '../../../core/report/index.ts';
import { mdCell, mdText } from '../../../core/report/markdown-escape.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { asParsedText } from './normalize.ts';
import { liveContent, parseReport } from './parse-html.ts';

const FRAGMENTS = [
  '<', '>', '&', '"', "'", '`', '[', ']', '(', ')', '|', '=', '+', '-', '@', '#', '*', '_', '~', '!', '\\',
  '\t', '\r', '\n', '\u0000', '\u202e', '\u2066', '\u2069', '\u202c', '＝', '＋', '－', '＠', '\u3000', ' ', '    ', '1.', 'a', 'script', 'img src=x onerror=alert(1)',
  'javascript:', 'http://x.example', '</style>', ']]>', '<!--', '&amp;', '&#60;', 'é', '😀',
];
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join(''));
const ws = (s: string) => s.replace(/\s+/g, ' ').trim();
const md = new MarkdownIt({ html: true });

describe('escaping, for any text', () => {
  it('HTML: a note, an answer and a title read back verbatim and nothing is live', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (note, answer, title) => {
        const debrief = sampleDebrief();
        debrief.notes[0]!.text = note;
        debrief.prompts[2]!.answer = answer;
        debrief.scenario.title = title;
        const doc = parseReport(renderHtml(debrief));
        expect(liveContent(doc)).toEqual([]);
        expect(doc.querySelector('#analysis ul.notes li')?.textContent).toBe(`4:00 · Incident Commander — ${asParsedText(note)}`);
        const text = doc.body.textContent ?? '';
        expect(text).toContain(asParsedText(answer));
        expect(doc.querySelector('h1')?.textContent).toBe(asParsedText(title));
      }),
      { numRuns: 40 },
    );
  });

  it('Markdown: text and table cells render back to the same words, with no tag', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const paragraph = md.render(mdText(value));
        const cell = md.render(`| h |\n| --- |\n| ${mdCell(value)} |\n`);
        const doc = parseReport(`<!DOCTYPE html><html><head><style></style></head><body><div id="p">${paragraph}</div><div id="c">${cell}</div></body></html>`);
        expect(liveContent(doc)).toEqual([]);
        // Each line keeps its words; bidirectional controls are isolated line by line (issue 16).
        const expected = ws(visibleControls(value).replace(/\r\n?/g, '\n').split('\n').map(isolateBidi).join('\n'));
        expect(ws(doc.getElementById('p')?.textContent ?? '')).toBe(expected);
        const cellText = doc.querySelector('#c td')?.textContent ?? '';
        expect(ws(cellText.replace(/↵/g, ' '))).toBe(ws(expected.replace(/\n/g, ' ')));
      }),
      { numRuns: 120 },
    );
  });

  it('CSV: a field parses back to the same text, apostrophe-prefixed where it would start a formula', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const [row] = parseCsv(`${csvField(value)},end\r\n`) as string[][];
        const shown = visibleControls(value);
        // A formula start as written, or after NFKC folding and leading blanks (issue 16).
        const formula = /^[=+\-@\t\r]/.test(shown) || /^[=+\-@\t\r]/.test(shown.normalize('NFKC').trimStart());
        expect(row).toEqual([formula ? `'${shown}` : shown, 'end']);
      }),
      { numRuns: 300 },
    );
  });
});
