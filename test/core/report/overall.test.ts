// Version 1.1 in every report: the overall rating leads, and when the weakest objective capped it
// the report says which objective and why ("Overall M: capped by Communicate (U). 78% would be
// S; ..."); provisional answers are marked and counted; avoided reasons stand beside the answer;
// the objective table shows the EEG description of the rating in force. The debrief is a real one
// (a dry run of a 1.1 scenario), not written by hand.
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { overallOf, overallSentence } from '../../../core/report/overall.ts';
import { DECISION_COLUMNS, renderDecisionsCsv, renderHtml, renderJson, renderMarkdown } from '../../../core/report/index.ts';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { cappedDebrief } from '../../fixtures/debrief/capped.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { parseReport } from './parse-html.ts';

const CAP = 'Overall M: capped by Communicate (U). 78% would be S; the overall rating is at most one band above the weakest objective.';
const PROVISIONAL = '2 text answers are provisional: scored by keywords, not yet graded by the facilitator.';
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const debrief = cappedDebrief();

describe('the capped debrief (a team that fixed everything and told no one)', () => {
  it('is M overall, capped by Communicate (U), although 78% of the points is the S band', () => {
    expect(debrief.objectives.map((o) => [o.id, o.rating])).toEqual([['detect', 'P'], ['recover', 'P'], ['communicate', 'U']]);
    expect(debrief.score).toMatchObject({ points: 70, possible: 90, rating: 'M', computed_rating: 'M', capped_by: 'communicate' });
    expect(overallSentence(overallOf(debrief))).toBe(CAP);
    expect(debrief.prompts.filter((p) => p.provisional).map((p) => p.id)).toEqual(['holding', 'exec-update']);
    expect(debrief.prompts.find((p) => p.id === 'holding')?.avoided).toEqual(['Promises what no one can promise', 'Names and blames a vendor in public']);
    expect(debrief.objectives.find((o) => o.id === 'communicate')?.eeg?.U).toBe('Nobody outside the team heard about the incident.');
  });

  it('names an objective rated by the facilitator as such', () => {
    const overridden: Debrief = {
      ...debrief,
      objectives: debrief.objectives.map((o) => (o.id === 'communicate' ? { ...o, rating_override: { rating: 'U', reason: 'Silent' } } : o)),
    };
    expect(overallSentence(overallOf(overridden))).toBe(CAP.replace('(U)', '(U, set by the facilitator)'));
  });
});

describe('HTML (and so the PDF)', () => {
  const doc = parseReport(renderHtml(debrief));

  it('leads with the overall rating, then the cap and why, before any section', () => {
    const card = doc.querySelector('header .summary .card.overall');
    expect(squash(card?.querySelector('.big')?.textContent)).toBe('M 78%');
    expect(card?.querySelector('.rating')?.className).toBe('rating rating-M');
    expect(squash(card?.querySelector('.label')?.textContent)).toBe('Overall M: Performed with major challenges');
    const cap = doc.querySelector('header p.cap');
    expect(squash(cap?.textContent)).toBe(CAP);
    expect(cap?.querySelector('em')?.textContent).toBe('Communicate');
    expect(squash(doc.querySelector('header .provisional')?.textContent)).toBe(PROVISIONAL);
    // In reading order: the overall card, the cap sentence, then the first section.
    const order = Array.from(doc.querySelectorAll('.card.overall, p.cap, h2'));
    expect(order.slice(0, 3).map((e) => e.localName)).toEqual(['div', 'p', 'h2']);
  });

  it('shows the EEG description of the rating in force in the objective table', () => {
    const rows = Array.from(doc.querySelectorAll('#objectives tbody tr'));
    expect(squash(rows[0]?.querySelector('.eeg')?.textContent)).toBe('Evaluation guide, P: Declared within 5 minutes at the severity the user impact calls for.');
    const communicate = rows[2]?.querySelector('.eeg');
    expect(squash(communicate?.textContent)).toBe('Evaluation guide, U: Nobody outside the team heard about the incident.');
  });

  it('puts the avoided reasons beside the text answer and marks provisional answers', () => {
    const rows = Array.from(doc.querySelectorAll('#analysis section.objective tbody tr'));
    const holding = rows.find((tr) => tr.textContent?.includes('Draft the holding statement'));
    const actual = holding?.querySelectorAll('td')[3];
    expect(Array.from(actual?.querySelectorAll('.avoided') ?? []).map((e) => squash(e.textContent))).toEqual([
      'Avoid: Promises what no one can promise',
      'Avoid: Names and blames a vendor in public',
    ]);
    expect(squash(actual?.querySelector('.provisional')?.textContent)).toBe('provisional: keyword credit, not graded');
    expect(squash(holding?.querySelectorAll('td')[2]?.textContent)).toContain("Avoid: never happen again / won't happen again (Promises what no one can promise); RecoCloud (Names and blames a vendor in public)");
    const severity = rows.find((tr) => tr.textContent?.includes('What severity'));
    expect(severity?.querySelector('.provisional, .avoided')).toBeNull();
  });

  it('says nothing of a cap when there is none', () => {
    const plain = parseReport(renderHtml(sampleDebrief()));
    expect(plain.querySelector('p.cap')).toBeNull();
    expect(plain.querySelector('header .provisional')).toBeNull();
    expect(squash(plain.querySelector('.card.overall .label')?.textContent)).toBe('Overall M: Performed with major challenges');
  });
});

describe('Markdown', () => {
  const md = renderMarkdown(debrief);
  const html = parseReport(`<!DOCTYPE html><html><body>${new MarkdownIt().render(md)}</body></html>`);

  it('leads with the overall rating, then the cap and why', () => {
    const lines = md.split('\n').filter((l) => l !== '');
    expect(lines[1]).toBe('**Overall M: Performed with major challenges** (78%, 70.0 of 90.0 points)');
    expect(lines[2]).toBe("Overall M: capped by *Communicate* (U). 78% would be S; the overall rating is at most one band above the weakest objective.");
    expect(lines[3]).toBe(`*${PROVISIONAL}*`);
    const paragraphs = Array.from(html.querySelectorAll('p')).map((p) => squash(p.textContent));
    expect(paragraphs).toContain(CAP);
    expect(html.querySelectorAll('p')[1]?.querySelector('em')?.textContent).toBe('Communicate');
  });

  it('shows the EEG description, avoided reasons and provisional marks in the tables', () => {
    expect(md).toContain('| Communicate | Public information and warning | U: Unable to be performed (evaluation guide: Nobody outside the team heard about the incident.) |');
    const holding = md.split('\n').find((l) => l.includes('Draft the holding statement'));
    expect(holding).toContain('(provisional: keyword credit, not graded) — Avoid: Promises what no one can promise — Avoid: Names and blames a vendor in public |');
  });

  it('says nothing of a cap when there is none', () => {
    expect(renderMarkdown(sampleDebrief())).not.toContain('capped by');
  });
});

describe('CSV', () => {
  const records = parse(renderDecisionsCsv(debrief), { columns: true }) as Record<string, string>[];

  it('leads with an overall row: the rating, the capping objective and the sentence', () => {
    expect(records[0]).toMatchObject({ kind: 'overall', rating: 'M', objective: 'communicate', points: '70.0', possible: '90.0', summary: CAP });
    expect(DECISION_COLUMNS.slice(-3)).toEqual(['rating', 'avoided', 'provisional']);
  });

  it('gives each answer its avoided reasons and whether it is provisional', () => {
    const holding = records.find((r) => r.prompt === 'holding');
    expect(holding).toMatchObject({ avoided: 'Promises what no one can promise; Names and blames a vendor in public', provisional: 'yes' });
    expect(records.find((r) => r.prompt === 'severity')).toMatchObject({ avoided: '', provisional: 'no' });
  });

  it('an overall row without a cap has no objective', () => {
    const plain = parse(renderDecisionsCsv(sampleDebrief()), { columns: true }) as Record<string, string>[];
    expect(plain[0]).toMatchObject({ kind: 'overall', rating: 'M', objective: '', summary: 'Overall M (68%).' });
  });
});

describe('JSON', () => {
  it('leads with the score: rating, computed rating and the capping objective', () => {
    const text = renderJson(debrief);
    expect(text.startsWith('{\n  "format": "drillbook/debrief@1",\n  "score": {\n    "capped_by": "communicate",\n    "computed_rating": "M",')).toBe(true);
    const parsed = JSON.parse(text) as Debrief;
    expect(parsed).toEqual(debrief);
    expect(parsed.objectives.find((o) => o.id === parsed.score.capped_by)?.rating).toBe('U');
  });
});
