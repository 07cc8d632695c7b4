// @vitest-environment jsdom
// The Versions panel against the real core (memory storage, in-process bridge): it lists the saves,
// shows the change list between two versions, restores one as a new version and saves one to a file.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { VersionsPanel } from '../../renderer/views/author/VersionsPanel.tsx';
import { ServicesProvider } from '../../renderer/bridge/context.tsx';
import { createAppStore } from '../../renderer/store/store.ts';
import { createHarness } from './harness.tsx';
import { downloadedFiles } from './setup-dom.ts';
import { threeVersions } from '../core/service/library-versions-spec.ts';

async function threeSaves() {
  const h = createHarness([]);
  const [v1, v2, v3] = threeVersions();
  const first = await h.bridge.request('library.save', { fileName: 'payments.yaml', text: v1, note: 'First draft' });
  if (!first.ok) throw new Error(first.error.message);
  const entryId = first.value.entryId;
  await h.bridge.request('library.save', { entryId, fileName: 'payments.yaml', text: v2, note: 'Alert a minute later' });
  await h.bridge.request('library.save', { entryId, fileName: 'payments.yaml', text: v3, note: '<b>not bold</b>' });
  return { h, entryId, v1 };
}

function mount(h: ReturnType<typeof createHarness>, entryId: string, onRestored?: (v: number) => void) {
  return render(
    <ServicesProvider bridge={h.bridge} store={createAppStore(h.bridge)}>
      <VersionsPanel entryId={entryId} {...(onRestored ? { onRestored } : {})} />
    </ServicesProvider>,
  );
}

describe('VersionsPanel', () => {
  it('lists the versions newest first, compares two as a change list, and restores one as a new version', async () => {
    const { h, entryId, v1 } = await threeSaves();
    const restored: number[] = [];
    mount(h, entryId, (v) => restored.push(v));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['3 (latest)', '2', '1']);
    expect(rows[2]?.textContent).toContain('First draft');
    // A note is text, never markup.
    expect(rows[0]?.textContent).toContain('<b>not bold</b>');
    expect(table.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Restore version 3' })).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '1' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Compare' })); });
    const changes = await screen.findByRole('region', { name: 'Changes from version 1 to version 3' });
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'title "New beginner scenario" → "Payments outage"',
      "role 'comms' added",
      "inject 'first-alert': time 2:00 → 3:00",
      "prompt 'severity': best option sev2 → sev1",
      "prompt 'severity': acceptable options sev1 → sev2",
    ]);

    // The panel is mounted inside the Author view, so page-level rules (a main heading) are not its own.
    const audit = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Restore version 1' })); });
    await screen.findByText('Version 1 restored as version 4.');
    expect(restored).toEqual([4]);
    const after = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(after.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['4 (latest)', '3', '2', '1']);
    expect(after[0]?.textContent).toContain('Restored version 1');
    const text = await h.bridge.request('library.version', { entryId, version: 4 });
    expect(text.ok && text.value.text).toBe(v1);
  });

  it('saves a version to a file and says why two versions cannot be compared when one has errors', async () => {
    const { h, entryId, v1 } = await threeSaves();
    await h.bridge.request('library.save', { entryId, fileName: 'payments.yaml', text: v1.replace('duration: 30m', 'duration: soon') });
    mount(h, entryId);
    await screen.findByRole('table');
    expect(screen.getByText('has errors')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save version 2 to a file' })); });
    expect(downloadedFiles).toContain('payments.yaml');
    await screen.findByText('Saved version 2 as payments.yaml.');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Compare' })); });
    expect((await screen.findByRole('alert')).textContent).toContain('Version 4 has errors, so it cannot be compared');
  });
});
