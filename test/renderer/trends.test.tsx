// @vitest-environment jsdom
// History's trends (issue 18, item 4) with the real core behind the Bridge: runs of one scenario,
// whose text changed between runs, and a run imported from another facilitator's bundle. The chart
// puts the ratings P, S, M, U on its y axis, marks the run that used a new version, and the table
// below it says the same in words (the chart's text alternative).
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { createHarness, createSession, renderApp } from './harness.tsx';

function scenarioText(version: number): string {
  return `format: drillbook/scenario@1
id: trend-drill
title: Trend drill
duration: 10m
summary: Two questions, one per objective${version > 1 ? ' (revised)' : ''}.
objectives:
  - id: detect
    title: Detect
    capability: Situational assessment
  - id: communicate
    title: Communicate
    capability: Operational communications
roles:
  - id: ic
    title: Incident commander
injects:
  - id: first
    at: 0s
    to: [ic]
    channel: alert
    title: Pager
    body: Something broke.
    prompts:
      - id: detect-q
        role: ic
        type: choice
        ask: What broke?
        options:
          - {id: right, label: The cache}
          - {id: wrong, label: The moon}
        expect: {best: [right]}
        objective: detect
        points: 10
      - id: comms-q
        role: ic
        type: choice
        ask: Who do you tell?
        options:
          - {id: right, label: Customers}
          - {id: wrong, label: Nobody}
        expect: {best: [right]}
        objective: communicate
        points: 10
`;
}

describe('History: trends', () => {
  it('charts a capability over the runs, ratings on the y axis, with a table alternative, imported runs included', async () => {
    const h = createHarness([]);
    const entries: string[] = [];
    for (const v of [1, 2]) {
      const imported = await h.bridge.request('library.import', { fileName: `trend-v${v}.yaml`, text: scenarioText(v) });
      if (!imported.ok) throw new Error(imported.error.message);
      entries.push(imported.value.entryId);
    }
    // Detect: right, wrong, right (on version 2); Communicate: wrong each time.
    const plan = [{ entry: entries[0]!, detect: 'right' }, { entry: entries[0]!, detect: 'wrong' }, { entry: entries[1]!, detect: 'right' }];
    const ids: string[] = [];
    for (const run of plan) {
      const id = await createSession(h, run.entry, [{ name: 'Ada', roles: ['ic'] }]);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } });
      await h.advance(1000);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'detect-q', answer: run.detect } });
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'comms-q', answer: 'wrong' } });
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } });
      await h.advance(60_000);
      ids.push(id);
    }
    // Another facilitator's run, as an import keeps it: the same record and log, with its origin.
    const source = h.storage.sessions.get(ids[1]!)!;
    h.storage.sessions.put({ ...source, sessionId: 'team-b-run-0001', origin: { bundleFile: 'team-b.drillbook', exportedAt: 1, appVersion: '0.1.0', importedAt: 2 } });
    h.storage.events.append('team-b-run-0001', h.storage.events.load(ids[1]!));

    renderApp(h, '#/history');
    await screen.findByRole('heading', { name: 'Trends' });
    const picker = await screen.findByRole('combobox', { name: /Show/ });
    const options = within(picker).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Operational communications (4 runs)', 'Situational assessment (4 runs)', 'Detect (4 runs)', 'Communicate (4 runs)']);
    fireEvent.change(picker, { target: { value: 'capability:situational assessment' } });

    const chart = screen.getByRole('img', { name: /^Situational assessment: 4 runs/ });
    // The y axis: P at the top, U at the bottom.
    const axis = [...chart.querySelectorAll('text')].map((t) => t.textContent).slice(0, 4);
    expect(axis).toEqual(['P', 'S', 'M', 'U']);
    const points = [...chart.querySelectorAll('circle')];
    expect(points).toHaveLength(4);
    const yOfRating = (r: string) => Number([...chart.querySelectorAll('line.trend-grid')][['P', 'S', 'M', 'U'].indexOf(r)]!.getAttribute('y1'));
    const table = screen.getByRole('table', { name: 'Situational assessment: rating by run' });
    const rows = within(table).getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    // Each point sits on the line of the rating the table gives it.
    rows.forEach((row, i) => expect(Number(points[i]!.getAttribute('cy'))).toBe(yOfRating(row[2]!)));
    // Oldest first: P, then U twice (the second run and its imported copy share a start), then P on version 2.
    expect(rows.map((r) => r[2])).toEqual(['P', 'U', 'U', 'P']);
    expect(rows.map((r) => r[3])).toEqual(['100%', '0%', '0%', '100%']);
    expect(rows.map((r) => r[4])).toEqual(['same as before', 'same as before', 'same as before', 'changed since the previous run']);
    expect(chart.querySelectorAll('line.trend-version')).toHaveLength(1);
    expect(chart.getAttribute('aria-label')).toBe('Situational assessment: 4 runs, rated P, U, U, P; from P to P.');

    // History names where each run came from.
    const history = screen.getByRole('table', { name: 'Past sessions' });
    expect(within(history).getByText('Imported: team-b.drillbook')).toBeTruthy();
    expect(within(history).getAllByText('this file')).toHaveLength(3);
  });

  it('says when there is nothing to chart yet', async () => {
    const h = createHarness([]);
    const imported = await h.bridge.request('library.import', { fileName: 'trend.yaml', text: scenarioText(1) });
    if (!imported.ok) throw new Error(imported.error.message);
    await createSession(h, imported.value.entryId, [{ name: 'Ada', roles: ['ic'] }]);
    renderApp(h, '#/history');
    expect(await screen.findByText('Trends appear once a session has ended.')).toBeTruthy();
  });
});
