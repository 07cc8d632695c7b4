// A debrief with nothing in it (a session ended at once, nothing possible) still makes whole reports.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DECISION_COLUMNS, renderDecisionsCsv, renderHtml, renderJson, renderMarkdown } from '../../../core/report/index.ts';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { liveContent, parseReport } from './parse-html.ts';

const empty: Debrief = {
  format: 'drillbook/debrief@1',
  scenario: { id: 'tiny', title: 'Tiny', level: 'beginner', content_hash: null },
  session: { id: 's', started_at: null, ended_at: null, duration_s: 0, facilitator: null, participants: [] },
  score: { points: 0, possible: 0, percent: null, computed_rating: null, rating: null, capped_by: null },
  objectives: [{ id: 'o', title: 'Only objective', description: null, capability: null, points: 0, possible: 0, percent: null, computed_rating: null, rating: null, rating_override: null, eeg: null }],
  prompts: [],
  steps: [],
  metrics: [],
  timeline: [],
  notes: [],
  controls: { pauses: [], speed_changes: [] },
  hotwash: [],
  improvement_plan: [],
};

describe('an empty debrief', () => {
  it('renders every section with what is missing said in words', () => {
    const doc = parseReport(renderHtml(empty));
    expect(liveContent(doc)).toEqual([]);
    const text = doc.body.textContent ?? '';
    for (const words of ['n/a', 'Exercise date not recorded', 'No participants recorded.', 'No decisions were asked for this objective.', 'This scenario has no runbook steps.', 'This scenario defines no time-to metrics.', 'No hotwash questions were recorded.', 'No improvement items were recorded.', '0 events']) {
      expect(text).toContain(words);
    }
    expect(doc.querySelector('#objectives .rating')?.textContent).toBe('–');
  });

  it('Markdown, CSV and JSON too', () => {
    expect(renderMarkdown(empty)).toContain('**Overall: not rated** (n/a, 0.0 of 0.0 points)');
    // The header and the overall row only: no decision.
    const overall = DECISION_COLUMNS.map((c) => ({ kind: 'overall', points: '0.0', possible: '0.0', summary: 'Overall: not rated (n/a).' } as Record<string, string>)[c] ?? '');
    expect(parseCsv(renderDecisionsCsv(empty))).toEqual([[...DECISION_COLUMNS], overall]);
    expect(JSON.parse(renderJson(empty))).toEqual(empty);
  });
});
