// The participant feedback summary in every report format (issue 18 item 1): HTML (and so the PDF,
// printed from renderPrintHtml), Markdown, CSV and JSON show the count, each rating's median and
// distribution, the free text grouped per question and the suggested corrective actions; no role
// or name goes with any of it; anonymized reports hide names inside the text too.
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderDecisionsCsv, renderHtml, renderJson, renderMarkdown, renderPrintHtml } from '../../../core/report/index.ts';
import { feedbackDebrief } from '../../fixtures/debrief/feedback.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { parseReport } from './parse-html.ts';

const d = feedbackDebrief();

describe.each([
  ['HTML', renderHtml],
  ['print HTML (the PDF)', renderPrintHtml],
])('%s', (_name, render) => {
  it('has a Participant feedback section with the ratings, the grouped text and the suggested actions', () => {
    const doc = parseReport(render(d));
    const section = doc.querySelector('section#participant-feedback');
    expect(section?.querySelector('h2')?.textContent).toBe('Participant feedback');
    const text = (section?.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('3 of 4 roles gave feedback');
    const rows = Array.from(section?.querySelectorAll('table')[0]?.querySelectorAll('tbody tr') ?? []).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows).toEqual([
      ['The exercise’s design (scenario, objectives, materials), 1 to 5', '3', '4', '1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1'],
      ['The exercise’s conduct (facilitation, pace, logistics), 1 to 5', '2', '4.5', '1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1'],
      ['Was the pace right?', '0', '—', '1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 0'],
    ]);
    const questions = Array.from(section?.querySelectorAll('.qa') ?? []).map((qa) => [qa.querySelector('h4')?.textContent, Array.from(qa.querySelectorAll('li')).map((li) => li.textContent)]);
    expect(questions).toEqual([
      ['Top strengths', ['Clear roles (×2)', 'Alice kept the timeline']],
      ['Top areas for improvement', ['Paging was slow']],
      ['What the evaluators may have missed', []],
      ['What should the next drill cover?', ['A vendor outage']],
    ]);
    const actions = Array.from(section?.querySelectorAll('table')[1]?.querySelectorAll('tbody tr') ?? []).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(actions).toEqual([['Automate the status page', 'High', 'not said'], ['Write a paging runbook', 'Medium', 'SRE team']]);
    expect(text).toContain('not improvement-plan items');
    // Anonymous: the section names none of the participants' roles.
    for (const role of ['Incident Commander', 'ML Engineer', 'Communications Lead']) expect(text).not.toContain(role);
  });

  it('says when no one gave feedback, and leaves the section out of a debrief made before the form existed', () => {
    const none = parseReport(render({ ...d, feedback: { ...d.feedback!, respondents: 0, scales: [], texts: [], actions: [] } }));
    expect(none.querySelector('#participant-feedback')?.textContent).toContain('No participant gave feedback.');
    expect(none.querySelectorAll('#participant-feedback table')).toHaveLength(0);
    expect(parseReport(render(sampleDebrief())).querySelector('#participant-feedback')).toBeNull();
  });

  it('anonymized: a participant’s name in feedback text becomes the role', () => {
    const section = parseReport(render(d, { anonymize: true })).querySelector('#participant-feedback');
    expect(section?.textContent).toContain('Incident Commander kept the timeline');
    expect(section?.textContent).not.toContain('Alice');
  });
});

describe('Markdown', () => {
  it('has the section with the ratings table, the grouped text and the actions table', () => {
    const md = renderMarkdown(d);
    const part = md.slice(md.indexOf('## Participant feedback'), md.indexOf('## Appendix: timeline'));
    expect(part).toContain('3 of 4 roles gave feedback');
    expect(part).toContain('| The exercise’s conduct \\(facilitation, pace, logistics\\), 1 to 5 | 2 | 4.5 | 1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1 |');
    expect(part).toContain('- Clear roles (×2)');
    expect(part).toContain('| Write a paging runbook | Medium | SRE team |');
    const html = parseReport(`<!DOCTYPE html><html><body>${new MarkdownIt().render(part)}</body></html>`);
    expect(Array.from(html.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Clear roles (×2)', 'Alice kept the timeline', 'Paging was slow', 'A vendor outage']);
    expect(renderMarkdown(sampleDebrief())).not.toContain('Participant feedback');
  });
});

describe('CSV', () => {
  it('appends anonymous feedback rows after the decisions', () => {
    const rows = parseCsv(renderDecisionsCsv(d), { columns: true }) as Record<string, string>[];
    const feedback = rows.filter((r) => r.kind?.startsWith('feedback'));
    expect(rows.slice(-feedback.length)).toEqual(feedback);
    expect(feedback.map((r) => [r.kind, r.question, r.answer, r.answer_text])).toEqual([
      ['feedback', '', '3', ''],
      ['feedback-rating', 'The exercise’s design (scenario, objectives, materials), 1 to 5', '4', ''],
      ['feedback-rating', 'The exercise’s conduct (facilitation, pace, logistics), 1 to 5', '4.5', ''],
      ['feedback-rating', 'Was the pace right?', '—', ''],
      ['feedback-text', 'Top strengths', '2', 'Clear roles'],
      ['feedback-text', 'Top strengths', '1', 'Alice kept the timeline'],
      ['feedback-text', 'Top areas for improvement', '1', 'Paging was slow'],
      ['feedback-text', 'What should the next drill cover?', '1', 'A vendor outage'],
      ['feedback-action', 'Suggested corrective action', 'High', 'Automate the status page'],
      ['feedback-action', 'Suggested corrective action', 'Medium', 'Write a paging runbook'],
    ]);
    expect(feedback[1]?.summary).toBe('3 answers; 1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1');
    expect(feedback[9]?.summary).toMatch(/^Who should own it: SRE team\./);
    for (const r of feedback) expect([r.role, r.role_title]).toEqual(['', '']);
  });
});

describe('JSON', () => {
  it('carries the summary as the model has it', () => {
    const json = JSON.parse(renderJson(d)) as { feedback: unknown };
    expect(json.feedback).toEqual(d.feedback);
  });
});
