// Hostile text in every string field of a debrief, in every format, checked by parsing the output.
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../../core/report/escape.ts';
import { renderDecisionsCsv, renderHtml, renderJson, renderMarkdown } from '../../../core/report/index.ts';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { PAYLOADS, poisonEveryString, TEXT_FIELDS } from '../../fixtures/debrief/hostile.ts';
import { cappedDebrief } from '../../fixtures/debrief/capped.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { sampleFeedback } from '../../fixtures/debrief/feedback.ts';
import { asParsedText } from './normalize.ts';
import { liveContent, parseReport } from './parse-html.ts';

function base(): Debrief {
  const sample = sampleDebrief();
  return {
    ...sample,
    // The register's parts (issue 18): a plan item's standing, and an earlier run's action tested here.
    improvement_plan: sample.improvement_plan.map((item, i) => (i === 0
      ? { ...item, register: { id: `s-1/${item.id}`, status: 'validated' as const, validation: { session: 's-2', validated: true, note: 'Paged in 40 s' } } }
      : item)),
    validated_actions: [{ id: 's-0/plan-1', validated: false, note: 'Still slow', issue: 'Slow paging', corrective_action: 'Second rotation', owner: 'SRE', capability: 'Operational coordination', at_s: 90 }],
    rejected: [{ at_s: 30, event: 'answer severity as eng', reason: 'role eng may not answer it' }],
    feedback: sampleFeedback(),
  };
}

/** The fields that must read verbatim: TEXT_FIELDS, plus text answers (shown as typed). */
function textFields(poisoned: Debrief, placed: Map<string, string>): [string, string][] {
  const out = [...placed].filter(([path]) => TEXT_FIELDS.some((re) => re.test(path)));
  poisoned.prompts.forEach((p, i) => {
    if (typeof p.answer === 'string' && p.answer_labels.length === 0) out.push([`$.prompts[${i}].answer`, p.answer]);
  });
  return out;
}

const cases = PAYLOADS.map((payload) => {
  const { debrief, placed } = poisonEveryString(base(), payload);
  return { payload, debrief, placed };
});

describe.each(cases)('hostile text: $payload', ({ debrief, placed }) => {
  it('HTML: nothing live, the CSP in place, every text field shown verbatim as text', () => {
    for (const options of [{}, { anonymize: true }, { includeNotes: false }]) {
      const doc = parseReport(renderHtml(debrief, options));
      expect(liveContent(doc)).toEqual([]);
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
      expect(csp?.getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
      expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
    }
    const doc = parseReport(renderHtml(debrief));
    const text = doc.documentElement.textContent ?? '';
    const missing = textFields(debrief, placed).filter(([, value]) => !text.includes(asParsedText(value)));
    expect(missing).toEqual([]);
  });

  it('HTML: scenario markdown keeps its text and makes no live link', () => {
    const doc = parseReport(renderHtml(debrief));
    const descriptions = Array.from(doc.querySelectorAll('.desc'));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const desc of descriptions) {
      for (const a of Array.from(desc.querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
      expect((desc.textContent ?? '').replace(/\s+/g, '')).toMatch(/\[f\d+\]$/);
    }
  });

  it('Markdown: no raw tag survives, rendered (even with raw HTML allowed) nothing is live, text present', () => {
    const md = renderMarkdown(debrief);
    expect(md).not.toMatch(/<[a-zA-Z!/?]/);
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      // Every table row keeps its column count: user text cannot add or close a cell.
      const cells = line.split(/(?<!\\)\|/).length;
      expect(cells, line).toBeGreaterThanOrEqual(3);
    }
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    for (const table of tables) {
      const counts = new Set(table.split('\n').map((l) => l.split(/(?<!\\)\|/).length));
      expect(counts.size, table.slice(0, 200)).toBe(1);
    }
    // A permissive wiki: raw HTML allowed, and links made of bare URLs. Still nothing live.
    for (const linkify of [false, true]) {
      const html = new MarkdownIt({ html: true, linkify }).render(md);
      expect(liveContent(parseReport(`<!DOCTYPE html><html><head><style></style></head><body>${html}</body></html>`))).toEqual([]);
    }
    const html = new MarkdownIt({ html: true }).render(md);
    const text = (parseReport(`<!DOCTYPE html><html><body>${html}</body></html>`).body.textContent ?? '').replace(/ ?↵ /g, '\n');
    const missing = textFields(debrief, placed).filter(([, value]) => !text.includes(asParsedText(value)));
    expect(missing).toEqual([]);
  });

  it('CSV: parses back as RFC 4180, no cell starts a formula, text kept', () => {
    const csv = renderDecisionsCsv(debrief);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/)).toBeNull();
    const rows = parseCsv(csv, { relax_column_count: false }) as string[][];
    const width = rows[0]?.length ?? 0;
    for (const row of rows) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Each text column holds the field's text, neutralized where it would start a formula.
    const cells = new Set(rows.flat());
    const expected = [
      ...debrief.prompts.map((p) => p.ask),
      ...debrief.prompts.flatMap((p) => (p.grade ? [p.grade.reason] : [])),
      ...debrief.timeline.filter((e) => e.kind === 'decision' && e.prompt === null).map((e) => e.summary),
      ...(debrief.feedback?.scales ?? []).map((q) => q.ask),
      ...(debrief.feedback?.texts ?? []).flatMap((q) => [...(q.answers.length > 0 ? [q.ask] : []), ...q.answers.map((a) => a.text)]),
      ...(debrief.feedback?.actions ?? []).flatMap((a) => [a.action, a.priority]),
    ];
    for (const text of expected) {
      const shown = visibleControls(text);
      expect(cells.has(/^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown), shown).toBe(true);
    }
  });

  it('JSON: the model round-trips exactly', () => {
    expect(JSON.parse(renderJson(debrief))).toEqual(debrief);
  });
});

// Version 1.1 fields in a real capped debrief, poisoned one by one so that the ratings stay valid and
// every new piece is shown: the capping objective's title (in the cap sentence), the avoided
// reasons and avoid phrases of a text answer, and the EEG text of the rating in force.
function poisonedCapped(payload: string): { debrief: Debrief; words: string[] } {
  const d = cappedDebrief();
  const title = `${payload} [title]`;
  const reasons = [`${payload} [why0]`, `${payload} [why1]`];
  const phrase = `${payload} [any]`;
  const debrief: Debrief = {
    ...d,
    objectives: d.objectives.map((o) => (o.id === 'communicate' && o.eeg ? { ...o, title, eeg: { ...o.eeg, U: `${payload} [eeg]` } } : o)),
    prompts: d.prompts.map((p) => (p.id === 'holding'
      ? { ...p, avoided: reasons, expected: { ...p.expected, avoid: [{ any: [phrase], why: reasons[0] as string }, { any: ['x'], why: reasons[1] as string }] } }
      : p)),
  };
  return { debrief, words: [title, ...reasons, phrase] };
}

describe.each(PAYLOADS.map((payload) => ({ payload, ...poisonedCapped(payload) })))('hostile 1.1 fields: $payload', ({ debrief, words }) => {
  it('HTML: nothing live, the cap names the title as text, reasons and phrases verbatim, the EEG inert', () => {
    const doc = parseReport(renderHtml(debrief));
    expect(liveContent(doc)).toEqual([]);
    expect(doc.querySelector('header p.cap em')?.textContent).toBe(asParsedText(words[0] as string));
    const text = doc.documentElement.textContent ?? '';
    expect(words.filter((w) => !text.includes(asParsedText(w)))).toEqual([]);
    const eeg = Array.from(doc.querySelectorAll('#objectives .eeg')).at(-1);
    expect((eeg?.textContent ?? '').replace(/\s+/g, '')).toMatch(/\[eeg\]$/);
    for (const a of Array.from(eeg?.querySelectorAll('a') ?? [])) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
  });

  it('Markdown: no raw tag, nothing live even with raw HTML allowed, the words present', () => {
    const md = renderMarkdown(debrief);
    expect(md).not.toMatch(/<[a-zA-Z!/?]/);
    for (const linkify of [false, true]) {
      const html = new MarkdownIt({ html: true, linkify }).render(md);
      expect(liveContent(parseReport(`<!DOCTYPE html><html><head><style></style></head><body>${html}</body></html>`))).toEqual([]);
    }
    const html = new MarkdownIt({ html: true }).render(md);
    const text = (parseReport(`<!DOCTYPE html><html><body>${html}</body></html>`).body.textContent ?? '').replace(/ ?↵ /g, '\n');
    expect(words.filter((w) => !text.includes(asParsedText(w)))).toEqual([]);
    expect(text).toContain('[eeg]');
  });

  it('CSV: no cell starts a formula; the overall row names the title, the answer row its reasons', () => {
    const rows = parseCsv(renderDecisionsCsv(debrief), { columns: true }) as Record<string, string>[];
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]?.summary).toContain(visibleControls(words[0] as string));
    expect(rows.find((r) => r.prompt === 'holding')?.avoided).toContain(visibleControls(words[2] as string));
  });
});
