// @vitest-environment jsdom
// History's comparison of two runs that used different versions of one scenario (issue 14, item
// 15): the second version put a new objective first and swapped the other two, so matching rows by
// position would print one run's Detect score in the Communicate row. Rows match by objective id,
// and the view says the runs used different versions.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';

function scenarioText(objectives: string[], title: string): string {
  const titles: Record<string, string> = { detect: 'Detect', communicate: 'Communicate', triage: 'Triage' };
  return `format: drillbook/scenario@1
id: compare-drill
title: ${title}
duration: 10m
summary: Two questions, one per objective.
objectives:
${objectives.map((id) => `  - id: ${id}\n    title: ${titles[id]}`).join('\n')}
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

describe('compare', () => {
  it('matches objectives by id across two scenario versions and says the versions differ', async () => {
    const h = createHarness([]);
    const versions = [
      scenarioText(['detect', 'communicate'], 'Compare drill'),
      scenarioText(['triage', 'communicate', 'detect'], 'Compare drill'),
    ];
    const runs: string[] = [];
    // Run 1 (version 1) detects and does not communicate; run 2 (version 2) the other way round.
    for (const [n, text] of versions.entries()) {
      const imported = await h.bridge.request('library.import', { fileName: `compare-v${n + 1}.yaml`, text });
      if (!imported.ok) throw new Error(imported.error.message);
      const id = await createSession(h, imported.value.entryId, [{ name: 'Ada', roles: ['ic'] }]);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } });
      await h.advance(1000);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'detect-q', answer: n === 0 ? 'right' : 'wrong' } });
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'comms-q', answer: n === 0 ? 'wrong' : 'right' } });
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } });
      runs.push(id);
    }
    renderApp(h, '#/history');
    await goTo(`#/compare/${runs.join(',')}`);
    await screen.findByRole('heading', { name: /Compare runs/ });
    const table = screen.getByRole('table');
    const row = (name: string) => [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(row('Detect')).toEqual(['100% P', '0% U']);
    expect(row('Communicate')).toEqual(['0% U', '100% P']);
    const triage = row('Triage');
    expect(triage[0]).toBe('not in this version');
    expect(triage[1]).not.toBe('not in this version');
    expect(screen.getByText(/These runs used 2 different versions of the scenario/).getAttribute('role')).toBe('status');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers[1]).toContain('Scenario version 1');
    expect(headers[2]).toContain('Scenario version 2');
  });

  it('says nothing about versions when both runs used the same text', async () => {
    const h = createHarness([]);
    const imported = await h.bridge.request('library.import', { fileName: 'compare.yaml', text: scenarioText(['detect', 'communicate'], 'Compare drill') });
    if (!imported.ok) throw new Error(imported.error.message);
    const runs = [
      await createSession(h, imported.value.entryId, [{ name: 'Ada', roles: ['ic'] }]),
      await createSession(h, imported.value.entryId, [{ name: 'Bo', roles: ['ic'] }]),
    ];
    renderApp(h, '#/history');
    await goTo(`#/compare/${runs.join(',')}`);
    await screen.findByRole('heading', { name: /Compare runs/ });
    expect(screen.queryByText(/different versions/)).toBeNull();
    expect(within(screen.getByRole('table')).queryByText(/not in this version/)).toBeNull();
  });
});
