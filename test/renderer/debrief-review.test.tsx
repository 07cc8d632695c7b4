// @vitest-environment jsdom
// A session opened from a bundle shows in the Debrief view read-only: the plan, hotwash and ratings
// as recorded (no editors), exports working. The session is recorded by a second application
// service and handed to the UI's service as the desktop host hands over a bundle it has read.
import { downloadedFiles } from './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { VirtualTimers } from '../../core/engine/virtual-time.ts';
import { AppService } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import { createHarness, renderApp, shippedScenarios } from './harness.tsx';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function recordElsewhere() {
  const storage = createMemoryStorage();
  const timers = new VirtualTimers(0);
  const service = new AppService({ storage, timers, shipped: shippedScenarios(), wall: () => 1_790_000_000_000 + timers.now(), newId: () => 'recorded-session-01' });
  const bridge = new InProcessBridge(service);
  const must = async <T,>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const x = await r;
    if (!x.ok) throw new Error(x.error.message);
    return x.value;
  };
  const entry = (await must(bridge.request('library.list', {}))).find((e) => e.scenarioId === 'model-latency-slo')!;
  const session = await must(bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Fran', participants: [{ name: 'Ines', roles: entry.roles.map((r) => r.id) }] }));
  const id = session.sessionId;
  await must(bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } }));
  timers.advanceBy(60_000);
  await must(bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } }));
  await must(bridge.request('debrief.savePlan', { sessionId: id, items: [{ id: 'p1', issue: `Load test data ${HOSTILE}`, corrective_action: 'Refresh it weekly', owner: 'Ines', due: '2026-12-15', objective: null }] }));
  const debrief = await must(bridge.request('debrief.get', { sessionId: id }));
  service.dispose();
  return { record: storage.sessions.get(id)!, events: storage.events.load(id), debrief };
}

describe('a session opened from a bundle', () => {
  it('shows the debrief read-only and still exports it', async () => {
    const recorded = await recordElsewhere();
    const h = createHarness();
    const opened = h.service.openReview(recorded);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({ readOnly: true, sourceSessionId: 'recorded-session-01' });

    renderApp(h, `#/session/${opened.value.sessionId}/debrief`);
    await screen.findByRole('note');
    expect(screen.getByRole('note').textContent).toMatch(/Opened from a session bundle, read-only/);
    // One person holding every role is named once, with all of them (issue 14, item 18).
    const titles = recorded.debrief.session.participants.map((p) => p.role_title);
    expect(titles.length).toBeGreaterThan(1);
    const header = screen.getByRole('heading', { level: 1 }).parentElement?.textContent ?? '';
    expect(header).toContain(`Ines (${titles.join(', ')})`);
    expect(header.match(/Ines/g)).toHaveLength(1);
    const plan = screen.getByRole('region', { name: 'Improvement plan' });
    expect(plan.textContent).toContain(`Load test data ${HOSTILE}`);
    expect(plan.querySelector('img, textarea, input, button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save the plan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Override' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Hotwash' }).querySelector('textarea')).toBeNull();

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Markdown' })); });
    await waitFor(() => expect(h.bridge.requests.some((r) => r.method === 'report.export' && r.result.ok)).toBe(true));
    expect(downloadedFiles.some((f) => f === 'model-latency-slo-recorded-session-01-debrief.md')).toBe(true);
    const md = h.bridge.requests.find((r) => r.method === 'report.export')!.result as { ok: true; value: { content: string } };
    expect(md.value.content).toContain('Refresh it weekly');
    expect(h.bridge.requests.filter((r) => r.method.startsWith('debrief.save') || r.method === 'live.dispatch')).toEqual([]);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    // The review cannot be bundled again (the file exists), and this in-memory host makes no bundles at all.
    expect(await h.bridge.request('report.export', { sessionId: opened.value.sessionId, format: 'bundle' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
