// library.guide: a library entry's situation manual or facilitator guide over the Bridge, with the
// same PDF path as report exports (the host's printer) and clear refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { ok } from '../../../core/protocol/bridge.ts';
import { AppService, type HostExporter } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';

const file = 'latency-runbook-101.yaml';
const shipped = [{ fileName: file, text: readFileSync(join(import.meta.dirname, '../../../scenarios', file), 'utf8') }];

async function setup(pdf?: HostExporter) {
  let n = 0;
  const service = new AppService({ storage: createMemoryStorage(), timers: new VirtualTimers(), shipped, wall: () => 0, newId: () => `e${++n}`, ...(pdf ? { pdf } : {}) });
  const bridge = new InProcessBridge(service);
  const list = await bridge.request('library.list', {});
  if (!list.ok) throw new Error(list.error.message);
  return { bridge, entryId: list.value[0]?.entryId ?? '' };
}

describe('library.guide', () => {
  it('renders HTML and Markdown for both audiences, a role\'s manual with its brief only', async () => {
    const { bridge, entryId } = await setup();
    const guide = await bridge.request('library.guide', { entryId, audience: 'facilitator', format: 'md' });
    expect(guide).toMatchObject({ ok: true, value: { format: 'md', fileName: 'latency-runbook-101-facilitator-guide.md', mime: 'text/markdown', encoding: 'utf8' } });
    expect(guide.ok && guide.value.content).toContain('**Facilitator notes**');
    const manual = await bridge.request('library.guide', { entryId, audience: 'participants', role: 'sales', format: 'html' });
    expect(manual).toMatchObject({ ok: true, value: { fileName: 'latency-runbook-101-situation-manual-sales.html', mime: 'text/html' } });
    const html = manual.ok ? manual.value.content : '';
    expect(html).toContain('You own quote volume and sales');
    expect(html).not.toContain('You run <code>quote-score</code>');
    expect(html).not.toContain('Facilitator notes');
  });

  it('prints PDF through the host\'s printer, and says where to get one without it', async () => {
    const printed: string[] = [];
    const { bridge, entryId } = await setup(async (html, fileName) => {
      printed.push(html);
      return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: 'JVBERg==', encoding: 'base64' });
    });
    const pdf = await bridge.request('library.guide', { entryId, audience: 'participants' });
    expect(pdf).toMatchObject({ ok: true, value: { format: 'pdf', fileName: 'latency-runbook-101-situation-manual.pdf' } });
    expect(printed[0]).toMatch(/^<!DOCTYPE html>/);
    expect(printed[0]).toContain('Situation manual');

    const bare = await setup();
    const refused = await bare.bridge.request('library.guide', { entryId: bare.entryId, audience: 'facilitator' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(!refused.ok && refused.error.message).toMatch(/drillbook guide --format pdf/);
  });

  it('refuses a role for the facilitator guide, an unknown role and an unknown entry', async () => {
    const { bridge, entryId } = await setup();
    expect(await bridge.request('library.guide', { entryId, audience: 'facilitator', role: 'ic', format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await bridge.request('library.guide', { entryId, audience: 'participants', role: 'cfo', format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: "The scenario has no role 'cfo'." } });
    expect((await bridge.request('library.guide', { entryId: 'nope', audience: 'participants', format: 'html' })).ok).toBe(false);
    expect((await bridge.request('library.guide', { entryId, audience: 'press' as never, format: 'html' })).ok).toBe(false);
  });
});
