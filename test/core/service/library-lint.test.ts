// drillbook lint through the Bridge: library.get carries a scenario's findings, library.import
// answers with them, and a refused import carries the lint's findings after the load errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/lint');
const unfair = readFileSync(join(fixtures, 'unfair.yaml'), 'utf8');
const fair = readFileSync(join(fixtures, 'fair.yaml'), 'utf8');

function bridge() {
  let n = 0;
  const service = new AppService({
    storage: createMemoryStorage(), timers: new VirtualTimers(), shipped: [{ fileName: 'unfair.yaml', text: unfair }],
    wall: () => 1_700_000_000_000, newId: () => `e${++n}`, onError: () => {},
  });
  return new InProcessBridge(service);
}

describe('lint over the bridge', () => {
  it('library.get carries the findings of a shipped scenario, silenced ones with their why', async () => {
    const b = bridge();
    const detail = await b.request('library.get', { entryId: 'shipped-unfair' });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.lint.map((f) => [f.rule, f.severity, f.line, f.silenced ?? null])).toEqual([
      ['no-eeg', 'note', 10, 'Scored with the severity checklist'],
      ['no-eeg', 'note', 14, null],
      ['comment-in-value', 'warning', 26, null],
      ['short-window', 'warning', 48, null],
      ['story-order', 'warning', 56, null],
    ]);
    // The answer is JSON: what the LAN and IPC carry is the same.
    expect(JSON.parse(JSON.stringify(detail.value.lint))).toEqual(detail.value.lint);
  });

  it('library.import answers with the new entry\'s findings, and get returns the same', async () => {
    const b = bridge();
    const imported = await b.request('library.import', { fileName: 'fair.yaml', text: fair.replace('    eeg: {P: Posted in time, S: Posted late, M: Vague, U: Silent}\n', '') });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.lint.map((f) => [f.rule, f.element])).toEqual([['no-eeg', { kind: 'objective', id: 'communicate' }]]);
    const detail = await b.request('library.get', { entryId: imported.value.entryId });
    expect(detail.ok && detail.value.lint).toEqual(imported.value.lint);
  });

  it('a refused import carries the load errors and then what the lint finds in the text', async () => {
    const b = bridge();
    const refused = await b.request('library.import', { fileName: 'broken.yaml', text: fair.replace('ask: What severity do you declare?', 'ask: #what-severity') });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid-scenario');
    expect(refused.error.errors?.map((e) => e.path)).toEqual(['injects[0].prompts[0].ask']);
    expect(refused.error.lint?.map((f) => f.rule)).toEqual(['comment-in-value']);
    const plain = await b.request('library.import', { fileName: 'bad.yaml', text: 'format: drillbook/scenario@1\n' });
    expect(!plain.ok && 'lint' in plain.error).toBe(false);
  });
});
