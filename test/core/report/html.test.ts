import { describe, expect, it } from 'vitest';
import { renderHtml, REPORT_CSP } from '../../../core/report/index.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { liveContent, parseReport } from './parse-html.ts';

const doc = parseReport(renderHtml(sampleDebrief()));
const text = (selector: string) => (doc.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (selector: string) =>
  Array.from(doc.querySelectorAll(`${selector} tbody tr`)).map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );

describe('renderHtml', () => {
  it('is one self-contained file: a CSP meta, one inline style, no script, nothing to load', () => {
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toMatch(/script-src|img-src|connect-src/);
    expect(liveContent(doc)).toEqual([]);
    expect(doc.querySelector('style')?.textContent).toContain('@page { size: A4');
    expect(doc.querySelectorAll('svg').length).toBe(3);
  });

  it('has the AAR/IP sections in order', () => {
    const headings = Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent);
    expect(headings).toEqual([
      'Exercise overview',
      'Objectives and ratings',
      'Analysis of objectives',
      'Runbook coverage',
      'Time-to metrics',
      'Hotwash',
      'Improvement plan',
      'Appendix: timeline',
    ]);
  });

  it('overview: scenario, date, duration, facilitator, participants by role, pauses and speed', () => {
    const overview = text('#overview');
    for (const part of ['Recommendations return nothing', '2026-11-20 09:00 UTC', '45 min', 'Dana Whitfield', 'at 7:00 for 10 min 30 s', 'fire drill in the building', '10:00: clock ×2']) {
      expect(overview).toContain(part);
    }
    // The exercise clock stands still in a pause: "7:00 to 7:00" said nothing (issue 14, item 18).
    expect(overview).not.toContain('7:00 to 7:00');
    const kv = Object.fromEntries(Array.from(doc.querySelectorAll('#overview table.kv tr')).map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(kv.Participants).toBe('4 people in 3 roles');
    expect(rows('#overview table:not(.kv)')).toEqual([
      ['Incident Commander (ic)', 'Alice Moreno'],
      ['ML Engineer (ml)', 'Bjorn Lind, Chen Wei'],
      ['Communications Lead (comms)', 'Priya Nair'],
    ]);
  });

  it('counts people, not seats: a person holding two roles is one participant, anonymized or not', () => {
    const sample = sampleDebrief();
    const twoRoles = {
      ...sample,
      session: { ...sample.session, participants: [...sample.session.participants, { name: 'Alice Moreno', role: 'comms', role_title: 'Communications Lead' }], people: 4 },
    };
    const participants = (html: string) => {
      const page = parseReport(html);
      const row = Array.from(page.querySelectorAll('#overview table.kv tr')).find((tr) => tr.querySelector('th')?.textContent === 'Participants');
      return row?.querySelector('td')?.textContent;
    };
    expect(participants(renderHtml(twoRoles))).toBe('4 people in 3 roles');
    expect(participants(renderHtml(twoRoles, { anonymize: true }))).toBe('4 people in 3 roles');
    // A debrief from before `people` existed: the distinct names are counted.
    const { people: _people, ...older } = twoRoles.session;
    expect(participants(renderHtml({ ...twoRoles, session: older }))).toBe('4 people in 3 roles');
  });

  it('objectives: rating, points to one decimal, whole percents, the override and its reason', () => {
    const table = rows('#objectives table');
    expect(table[0]).toEqual(['Detect and declareNotice the empty carousel and declare an incident. See the runbook.', 'Operational Coordination', 'P Performed without challenges', '27.5 / 30.092%', 'Computed from the score']);
    expect(table[2]?.[2]).toBe('P Performed without challenges');
    expect(table[2]?.[3]).toBe('16.3 / 20.081%');
    expect(table[2]?.[4]).toBe('Set by the facilitator (computed: S): Verbal updates to the exec were excellent');
    // The overall rating leads (68% is the M band; the weakest objective, M, allows up to S: no cap).
    expect(text('header .summary')).toBe('M 68%Overall M: Performed with major challenges61.3 of 90.0 pointsP 92%Detect and declareM 44%MitigateP 81%Communicate');
  });

  it('renders objective markdown without raw HTML, links only to the web', () => {
    const desc = doc.querySelector('#objectives .desc');
    expect(desc?.querySelector('strong')?.textContent).toBe('empty carousel');
    expect(desc?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/runbook');
    expect(desc?.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('analysis: notes by tag under their objective, each decision expected vs actual', () => {
    const sections = Array.from(doc.querySelectorAll('#analysis section.objective'));
    expect(sections.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'P Detect and declare — 92%',
      'M Mitigate — 44%',
      'P Communicate — 81%',
      'Not tied to an objective',
    ]);
    const detect = sections[0]!;
    expect(detect.querySelector('h4')?.textContent).toBe('Strengths');
    expect(detect.textContent).toContain('Alice declared within two minutes');
    expect(sections[1]?.textContent).toContain('Areas for improvement');
    expect(sections[3]?.textContent).toContain('Nobody checked the feature store changelog');
    const decisions = Array.from(detect.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(decisions[1]).toEqual([
      '1:00ML Engineer',
      'What do you check first?',
      'Best: Model dashboards; Check the last deploy',
      'Model dashboards; Start a retrain',
      '2 min 20 swithin 2 min',
      '50%',
      '92%',
      '4.6 / 10.0',
    ]);
    const communicate = sections[2]!.textContent ?? '';
    // The grade's reason has a row of its own, across the table, not the narrow Correct column.
    const holding = Array.from(sections[2]!.querySelectorAll('tbody tr'));
    const gradedAt = holding.findIndex((tr) => tr.classList.contains('graded'));
    expect(gradedAt).toBeGreaterThanOrEqual(0);
    const cells = Array.from(holding[gradedAt]!.querySelectorAll('td')).map((td) => td.textContent ?? '');
    expect(cells[5]).not.toContain('No ETA given');
    const gradeRow = holding[gradedAt + 1]!;
    expect(gradeRow.classList.contains('grade')).toBe(true);
    expect(gradeRow.querySelectorAll('td')).toHaveLength(1);
    expect(gradeRow.querySelector('td')?.getAttribute('colspan')).toBe('8');
    expect(gradeRow.textContent).toMatch(/^Graded by the facilitator: \d+% correct — No ETA given$/);
    expect(communicate).toContain('needs review');
    expect(communicate).toContain('We are investigating empty recommendations.\nNext update in 30 minutes.');
  });

  it('runbook coverage and metrics: met when, on time, late, missed; against targets', () => {
    expect(rows('#runbook table').map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['Declare an incident and page the IC', '2:30', 'on time', '10.0 / 10.0'],
      ['Post a status page update', '9:00', 'on time', '10.0 / 10.0'],
      ['Serve the fallback ranking', '26:00', 'late', '5.0 / 10.0'],
      ['Roll back the faulty model', '—', 'missed', '0.0 / 10.0'],
    ]);
    expect(rows('#metrics table').map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['detect', '5:00', '2:30', 'on target'],
      ['communicate', '10:00', '9:00', 'on target'],
      ['mitigate', '25:00', '26:00', 'late'],
      ['recover', '35:00', '—', 'not met'],
    ]);
  });

  it('hotwash, improvement plan and the full timeline', () => {
    expect(Array.from(doc.querySelectorAll('#hotwash .qa')).map((qa) => [qa.querySelector('h4')?.textContent, qa.querySelector('p')?.textContent])).toEqual([
      ['What went well?', 'Fast declaration; Priya had the status page template ready.'],
      ['What would you change?', 'No answer recorded.'],
    ]);
    expect(rows('#improvement-plan table')[0]).toEqual(['Rollback decision took too long', 'Mitigate', 'Write a rollback decision tree for ranking models', 'Bjorn Lind', '2026-12-15']);
    expect(rows('#improvement-plan table')[1]?.[4]).toBe('no date');
    expect(rows('#timeline table')).toHaveLength(sampleDebrief().timeline.length);
  });

  it('draws the charts from the data: one lane per role, one bar per objective, one row per metric', () => {
    const [timeline, objectives, metrics] = Array.from(doc.querySelectorAll('svg'));
    expect(timeline?.querySelectorAll('line.delivery')).toHaveLength(4);
    const laneLabels = Array.from(timeline?.querySelectorAll('text') ?? []).map((t) => t.textContent);
    expect(laneLabels).toEqual(expect.arrayContaining(['Injects delivered', 'Incident Commander', 'ML Engineer', 'Communications Lead']));
    expect(timeline?.querySelectorAll('rect.decision').length).toBeGreaterThan(0);
    expect(Array.from(objectives?.querySelectorAll('rect.bar') ?? []).map((r) => r.getAttribute('class'))).toEqual(['bar bar-P', 'bar bar-M', 'bar bar-P']);
    expect(Array.from(metrics?.querySelectorAll('rect') ?? []).map((r) => r.getAttribute('class'))).toEqual(['metric-ok', 'metric-ok', 'metric-late', 'metric-missed']);
  });

  it('leaves notes out when asked, and says so', () => {
    const without = parseReport(renderHtml(sampleDebrief(), { includeNotes: false }));
    const body = without.body.textContent ?? '';
    expect(body).not.toContain('Alice declared within two minutes');
    expect(body).toContain('Facilitator notes are left out of this export.');
    expect(body).toContain('Fast declaration; Priya had the status page template ready.');
    expect(without.querySelectorAll('#timeline tbody tr')).toHaveLength(sampleDebrief().timeline.length - 2);
  });

  it('is deterministic', () => {
    expect(renderHtml(sampleDebrief())).toBe(renderHtml(sampleDebrief()));
  });
});
