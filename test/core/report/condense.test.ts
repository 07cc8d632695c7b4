import { describe, expect, it } from 'vitest';
import { condenseTimeline } from '../../../core/report/condense.ts';
import { renderHtml, renderMarkdown } from '../../../core/report/index.ts';
import { bigDebrief } from '../../fixtures/debrief/big.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { parseReport } from './parse-html.ts';

describe('condensed appendix', () => {
  it('folds repeated answers to a prompt by a role into one line at the first, keeping everything else', () => {
    const timeline = sampleDebrief().timeline;
    const { entries, folded } = condenseTimeline(timeline, (r) => r.toUpperCase());
    expect(folded).toBe(2);
    expect(entries).toHaveLength(timeline.length - 1);
    const line = entries.find((e) => e.prompt === 'first-checks');
    expect(line).toMatchObject({ seq: 4, at_s: 170, kind: 'decision' });
    expect(line?.summary).toBe('2 answers to first-checks by ML until 3:20; the last: ML Engineer answered first-checks: Model dashboards, Start a retrain');
    expect(entries.filter((e) => e.kind !== 'decision')).toEqual(timeline.filter((e) => e.kind !== 'decision'));
  });

  it('accounts for every answer of a big session', () => {
    const debrief = bigDebrief();
    const { entries, folded } = condenseTimeline(debrief.timeline, (r) => r);
    const decisions = debrief.timeline.filter((e) => e.kind === 'decision').length;
    const lines = entries.filter((e) => e.kind === 'decision');
    const singles = lines.filter((e) => !/^\d+ answers to /.test(e.summary)).length;
    const counted = lines.filter((e) => /^\d+ answers to /.test(e.summary)).reduce((n, e) => n + Number(e.summary.split(' ')[0]), 0);
    expect(counted).toBe(folded);
    expect(counted + singles).toBe(decisions);
    expect(entries.length).toBeLessThan(debrief.timeline.length / 10);
  });

  it('is an option of the HTML and Markdown reports, and says what it did', () => {
    const doc = parseReport(renderHtml(sampleDebrief(), { appendix: 'condensed' }));
    expect(doc.querySelectorAll('#timeline tbody tr')).toHaveLength(sampleDebrief().timeline.length - 1);
    expect(doc.querySelector('#timeline .notice')?.textContent).toContain('Condensed: 2 answers are folded');
    expect(renderMarkdown(sampleDebrief(), { appendix: 'condensed' })).toContain('Condensed: 2 answers are folded');
    // The folded line names the prompt by its question, as a reader knows it (issue 14, item 18).
    const folded = Array.from(doc.querySelectorAll('#timeline tbody tr td:last-child')).map((td) => td.textContent ?? '').find((t) => t.startsWith('2 answers'));
    expect(folded).toBe('2 answers to "What do you check first?" by ML Engineer until 3:20; the last: ML Engineer answered first-checks: Model dashboards, Start a retrain');
    expect(parseReport(renderHtml(sampleDebrief())).querySelector('#timeline .notice')).toBeNull();
  });
});
