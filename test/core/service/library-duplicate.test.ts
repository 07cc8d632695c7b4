// library.duplicate: a new entry whose `id:` and `title:` are edited through the author model, so
// every comment of the original stays; the copy starts its own history.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankTemplate } from '../../../core/author/templates.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { must } from './library-versions-spec.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const shipped = { fileName: 'latency-runbook-101.yaml', text: readFileSync(join(SCENARIOS, 'latency-runbook-101.yaml'), 'utf8') };

function bridge() {
  let n = 0;
  const service = new AppService({ storage: createMemoryStorage(), timers: new VirtualTimers(0), shipped: [shipped], wall: () => 1_790_000_000_000, newId: () => `entry-${++n}` });
  return new InProcessBridge(service);
}

const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));

describe('library.duplicate', () => {
  it('keeps every comment and line, with a free id and the title marked (copy); a second copy gets -copy-2', async () => {
    const b = bridge();
    const template = blankTemplate('intermediate');
    const saved = await must(b.request('library.save', { fileName: template.fileName, text: template.text }));
    const copy = await must(b.request('library.duplicate', { entryId: saved.entryId }));
    expect(copy).toMatchObject({ scenarioId: 'new-intermediate-scenario-copy', title: 'New intermediate scenario (copy)', fileName: 'new-intermediate-scenario (copy).yaml' });
    const text = (await must(b.request('library.get', { entryId: copy.entryId }))).text;
    expect(comments(text)).toEqual(comments(template.text));
    expect(comments(text).length).toBeGreaterThan(10);
    expect(text.split('\n').filter((l) => !/^(id|title):/.test(l))).toEqual(template.text.split('\n').filter((l) => !/^(id|title):/.test(l)));
    expect(await must(b.request('library.versions', { entryId: copy.entryId }))).toMatchObject([{ version: 1, ready: true, note: 'Duplicated from New intermediate scenario' }]);

    const second = await must(b.request('library.duplicate', { entryId: saved.entryId }));
    expect(second.scenarioId).toBe('new-intermediate-scenario-copy-2');
  });

  it('duplicates a shipped scenario (a template) into an editable entry; the shipped one is never changed', async () => {
    const b = bridge();
    const copy = await must(b.request('library.duplicate', { entryId: 'shipped-latency-runbook-101' }));
    expect(copy).toMatchObject({ source: 'imported', scenarioId: 'latency-runbook-101-copy' });
    const text = (await must(b.request('library.get', { entryId: copy.entryId }))).text;
    expect(comments(text)).toEqual(comments(shipped.text));
    const refused = await b.request('library.save', { entryId: 'shipped-latency-runbook-101', fileName: 'x.yaml', text });
    expect(!refused.ok && refused.error.message).toMatch(/shipped with Drillbook and is never changed\. Duplicate it/);
    expect(await must(b.request('library.versions', { entryId: 'shipped-latency-runbook-101' }))).toMatchObject([{ version: 1, savedAt: null, ready: true }]);
  });
});
