// One PDF for every host (issue 15): the CLI, `drillbook serve` and the desktop app all print
// renderPrintHtml, which condenses the appendix of a very long session.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { PDF_FULL_TIMELINE_LIMIT, renderHtml, renderPrintHtml } from '../../../core/report/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { bigDebrief } from '../../fixtures/debrief/big.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

describe('renderPrintHtml', () => {
  it('prints a short session in full and condenses one over the limit', () => {
    const sample = sampleDebrief();
    expect(sample.timeline.length).toBeLessThanOrEqual(PDF_FULL_TIMELINE_LIMIT);
    expect(renderPrintHtml(sample)).toBe(renderHtml(sample, { appendix: 'full' }));
    const big = bigDebrief();
    expect(big.timeline.length).toBeGreaterThan(PDF_FULL_TIMELINE_LIMIT);
    expect(renderPrintHtml(big, { includeNotes: false })).toBe(renderHtml(big, { includeNotes: false, appendix: 'condensed' }));
  });

  it('is what the application service hands the desktop (or serve) PDF printer', async () => {
    const printed: string[] = [];
    const timers = new VirtualTimers();
    const text = readFileSync(join(import.meta.dirname, '../../../scenarios/recsys-null-results.yaml'), 'utf8');
    const service = new AppService({
      storage: createMemoryStorage(), timers, shipped: [{ fileName: 'recsys-null-results.yaml', text }],
      wall: () => 1_700_000_000_000 + timers.now(), newId: () => 's1',
      pdf: async (html, fileName) => {
        printed.push(html);
        return { ok: true, value: { format: 'pdf', fileName, mime: 'application/pdf', content: '', encoding: 'base64' } };
      },
    });
    const bridge = new InProcessBridge(service);
    const created = await bridge.request('sessions.create', { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [] });
    if (!created.ok) throw new Error(created.error.message);
    const { sessionId } = created.value;
    await bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    timers.advanceBy(60_000);
    const exported = await bridge.request('report.export', { sessionId, format: 'pdf', anonymize: true, includeNotes: true });
    expect(exported.ok).toBe(true);
    const debrief = await bridge.request('debrief.get', { sessionId });
    if (!debrief.ok) throw new Error(debrief.error.message);
    expect(printed).toEqual([renderPrintHtml(debrief.value, { anonymize: true, includeNotes: true })]);
    service.dispose();
  });
});
