// The generated four-hour session (the bench's model) in every text format: nothing lost at size.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderDecisionsCsv, renderHtml, renderJson, renderMarkdown } from '../../../core/report/index.ts';
import { BIG, bigDebrief } from '../../fixtures/debrief/big.ts';
import { liveContent, parseReport } from './parse-html.ts';

const debrief = bigDebrief();

describe('a four-hour session with 40 participants and 20,000 decisions', () => {
  it('HTML: every prompt in the analysis, every event in the appendix', () => {
    const doc = parseReport(renderHtml(debrief));
    expect(liveContent(doc)).toEqual([]);
    expect(doc.querySelectorAll('#analysis tbody tr')).toHaveLength(debrief.prompts.length);
    expect(doc.querySelectorAll('#timeline tbody tr')).toHaveLength(debrief.timeline.length);
    expect(doc.querySelectorAll('#overview table:not(.kv) tbody tr')).toHaveLength(BIG.roles);
  }, 60_000);

  it('CSV: the overall row, then one row per prompt, per replaced answer, per action', () => {
    const all = parseCsv(renderDecisionsCsv(debrief), { columns: true }) as Record<string, string>[];
    expect(all[0]).toMatchObject({ kind: 'overall', rating: debrief.score.rating ?? '' });
    expect(all.filter((r) => r.kind === 'overall')).toHaveLength(1);
    const rows = all.slice(1);
    const scored = rows.filter((r) => r.kind === 'answer' || r.kind === 'unanswered');
    expect(scored).toHaveLength(debrief.prompts.length);
    const answeredPrompts = new Set(debrief.prompts.filter((p) => p.answer !== null).map((p) => p.id));
    const decisions = debrief.timeline.filter((e) => e.kind === 'decision');
    const withAnswer = decisions.filter((e) => e.prompt !== null && answeredPrompts.has(e.prompt));
    const promptsWithDecisions = new Set(withAnswer.map((e) => e.prompt));
    const expectedReplaced = decisions.length - promptsWithDecisions.size;
    expect(rows.filter((r) => r.kind === 'replaced-answer')).toHaveLength(expectedReplaced);
    const times = rows.map((r) => Number(r.at_s === '' ? BIG.duration_s : r.at_s));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('Markdown and JSON: the whole model', () => {
    const md = renderMarkdown(debrief);
    expect(md.split('\n').filter((l) => /^\| \d+:\d\d(:\d\d)? \| (decision|delivery|note) \|/.test(l))).toHaveLength(debrief.timeline.length);
    expect(JSON.parse(renderJson(debrief))).toEqual(debrief);
  });
});
