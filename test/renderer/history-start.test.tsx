// @vitest-environment jsdom
// History and `drillbook sessions` disagreed on when a session started (issue 14, item 19): History
// showed when it was set up, in the machine's local time; the CLI when its clock first started, in
// UTC. Both now show the clock's first start through one function (fmtSessionStart), as the
// report's "Started" does. The zone is set far from UTC so that local time could not pass for it.
process.env.TZ = 'Asia/Kolkata';
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { createHarness, createSession, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

describe('history: a session\'s start', () => {
  it('is when the clock first started, in UTC, as drillbook sessions shows it; not started before', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    // The harness's wall clock reads 2026-11-26 09:00 UTC: set up then, briefed for 90 minutes.
    const started = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }]);
    await h.advance(90 * 60_000);
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId: started, actor: 'facilitator', command: { type: 'session.start' } }); });
    await createSession(h, 'shipped-canary-drill', [{ name: 'Bea', roles: ['bravo'] }]);

    renderApp(h, '#/history');
    const table = await screen.findByRole('table');
    const head = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    const column = head.indexOf('Started');
    expect(column).toBeGreaterThan(0);
    const cells = within(table).getAllByRole('row').slice(1).map((tr) => tr.querySelectorAll('td')[column]?.textContent);
    // Newest first: the one never started, then the one started at 10:30 UTC (16:00 in Kolkata).
    expect(cells).toEqual(['not started', '2026-11-26 10:30 UTC']);
  });
});
