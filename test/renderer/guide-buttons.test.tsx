// @vitest-environment jsdom
// The Library's "Print situation manual" and "Print facilitator guide" against the real core: in a
// browser the file comes over the Bridge (library.guide) and is downloaded (as HTML where the host
// cannot print a PDF); in the desktop app it travels like a report export, through desktop.exportGuide.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ok, type ExportedReport } from '../../core/protocol/bridge.ts';
import { AppService } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import { VirtualTimers } from '../../core/engine/virtual-time.ts';
import { createHarness, renderApp, RecordingBridge, shippedScenarios } from './harness.tsx';
import { createFakeDesktop } from './fake-desktop.ts';
import { downloadedFiles } from './setup-dom.ts';

const ID = 'training-pipeline-rollback';
const shipped = () => shippedScenarios().filter((s) => s.fileName === `${ID}.yaml`);

async function openPreview(bridge: { request: RecordingBridge['request'] }): Promise<string> {
  const list = await bridge.request('library.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const entry = list.value.find((e) => e.scenarioId === ID);
  if (!entry) throw new Error('the shipped scenario is in the library');
  return entry.entryId;
}

describe('Library: the facilitator pack in print', () => {
  it('in a browser without a PDF printer, downloads the situation manual and the guide as HTML', async () => {
    const h = createHarness(shipped());
    const entryId = await openPreview(h.bridge);
    renderApp(h, `#/library/${entryId}`);
    const manual = await screen.findByRole('button', { name: 'Print situation manual' });

    await act(async () => { fireEvent.click(manual); });
    await waitFor(() => expect(downloadedFiles).toContain(`${ID}-situation-manual.html`));
    const guides = h.bridge.requests.filter((r) => r.method === 'library.guide');
    expect(guides.map((r) => r.params)).toEqual([
      { entryId, audience: 'participants', format: 'pdf' },
      { entryId, audience: 'participants', format: 'html' },
    ]);
    expect(guides[0]?.result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const html = (guides[1]?.result as { ok: true; value: ExportedReport }).value.content;
    expect(html).toContain('Situation manual');
    expect(html).not.toContain('Facilitator notes');
    await screen.findByText(`Exported ${ID}-situation-manual.html`);

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Print facilitator guide' })); });
    await waitFor(() => expect(downloadedFiles).toContain(`${ID}-facilitator-guide.html`));

    // One role's manual: its brief, nobody else's.
    await act(async () => { fireEvent.click(screen.getByText(/Situation manual for one role/)); });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Manual for Communications lead' })); });
    await waitFor(() => expect(downloadedFiles).toContain(`${ID}-situation-manual-comms.html`));
    const last = h.bridge.requests.filter((r) => r.method === 'library.guide').at(-1);
    expect(last?.params).toEqual({ entryId, audience: 'participants', role: 'comms', format: 'html' });
    const roleHtml = (last?.result as { ok: true; value: ExportedReport }).value.content;
    expect(roleHtml).toContain('You own the internal status page');
    expect(roleHtml).not.toContain('You own bookings, partner relations');
  });

  it('in the desktop app, saves the PDF through desktop.exportGuide like a report', async () => {
    const printed: string[] = [];
    const service = new AppService({
      storage: createMemoryStorage(),
      timers: new VirtualTimers(0),
      shipped: shipped(),
      wall: () => Date.UTC(2026, 5, 11, 7, 40),
      newId: (() => { let n = 0; return () => `g${++n}`; })(),
      pdf: async (html, fileName) => {
        printed.push(html);
        return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: Buffer.from('%PDF-1.7').toString('base64'), encoding: 'base64' });
      },
    });
    const bridge = new RecordingBridge(new InProcessBridge(service));
    const desktop = createFakeDesktop(bridge, service);
    desktop.saveFolder = '/home/fran/Documents';
    const entryId = await openPreview(bridge);
    const h = createHarness([]);
    renderApp(h, `#/library/${entryId}`, { bridge, desktop });

    await act(async () => { fireEvent.click(await screen.findByRole('button', { name: 'Print facilitator guide' })); });
    await screen.findByText(`Saved /home/fran/Documents/${ID}-facilitator-guide.pdf`);
    expect(desktop.calls.filter((c) => c.verb === 'exportGuide')).toEqual([
      { verb: 'exportGuide', params: { entryId, audience: 'facilitator', format: 'pdf' } },
    ]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('Facilitator and evaluator guide');
    expect(printed[0]).toContain('Content-Security-Policy');
  });
});
