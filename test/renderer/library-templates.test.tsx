// @vitest-environment jsdom
// The Library's "New from template" against the real core: a blank skeleton becomes a new entry
// (version 1, ready to run) and opens in the preview; a shipped scenario as template is duplicated.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { blankTemplate } from '../../core/author/templates.ts';
import { createHarness, renderApp, shippedScenarios } from './harness.tsx';

describe('Library: new from template', () => {
  it('creates a scenario from a blank skeleton and from a shipped scenario', async () => {
    const h = createHarness(shippedScenarios().filter((s) => s.fileName === 'latency-runbook-101.yaml'));
    renderApp(h, '#/library');
    const select = await screen.findByLabelText('Template');
    fireEvent.change(select, { target: { value: 'blank:advanced' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'New from template' })); });
    await screen.findByRole('heading', { name: 'New advanced scenario', level: 1 });
    const saves = h.bridge.requests.filter((r) => r.method === 'library.save');
    expect(saves.map((r) => r.params)).toEqual([{ fileName: 'new-advanced-scenario.yaml', text: blankTemplate('advanced').text, note: 'New from the blank advanced scenario' }]);
    const entryId = (saves[0]?.result as { ok: true; value: { entryId: string } }).value.entryId;
    expect(window.location.hash).toBe(`#/library/${entryId}`);

    const shipped = (await h.bridge.request('library.list', {}));
    const source = shipped.ok ? shipped.value.find((e) => e.source === 'shipped') : undefined;
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: `shipped:${source?.entryId}` } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'New from template' })); });
    await screen.findByRole('heading', { name: `${source?.title} (copy)`, level: 1 });
    await waitFor(() => expect(screen.getAllByRole('option', { name: /\(copy\)/ })).toHaveLength(1));
  });
});
