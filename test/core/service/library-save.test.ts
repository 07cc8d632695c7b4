// library.save, the Author view's save: over an imported entry, as a new entry for a shipped one
// (shipped files are read-only) or none, refused with located errors for a text that does not load.
// A session keeps the text it was created with after its entry is saved over.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const recsys = { fileName: 'recsys-null-results.yaml', text: readFileSync(join(SCENARIOS, 'recsys-null-results.yaml'), 'utf8') };

function setup() {
  const storage = createMemoryStorage();
  let n = 0;
  const service = new AppService({ storage, timers: new VirtualTimers(), shipped: [recsys], wall: () => 1_700_000_000_000, newId: () => `s${++n}` });
  return { storage, bridge: new InProcessBridge(service) };
}

describe('library.save', () => {
  it('saves over an imported entry, never over a shipped one', async () => {
    const { bridge, storage } = setup();
    const edited = recsys.text.replace(/^title: .*$/m, 'title: Our recsys drill');
    const first = await bridge.request('library.save', { entryId: 'shipped-recsys-null-results', fileName: 'ours.yaml', text: edited });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.entryId).not.toBe('shipped-recsys-null-results');
    expect(first.value.source).toBe('imported');

    const session = await bridge.request('sessions.create', { entryId: first.value.entryId, facilitator: 'Ana', participants: [] });
    expect(session.ok).toBe(true);

    const again = recsys.text.replace(/^title: .*$/m, 'title: Our recsys drill, second draft');
    const second = await bridge.request('library.save', { entryId: first.value.entryId, fileName: 'ours.yaml', text: again });
    expect(second.ok && second.value.entryId).toBe(first.value.entryId);
    const list = await bridge.request('library.list', {});
    expect(list.ok && list.value.map((e) => e.title)).toEqual([expect.not.stringContaining('Our recsys'), 'Our recsys drill, second draft']);
    expect(storage.scenarios.get(first.value.entryId)?.text).toBe(again);
    // The session runs the text it was created with.
    if (session.ok) expect(storage.sessions.get(session.value.sessionId)?.scenarioText).toBe(edited);

    const fresh = await bridge.request('library.save', { fileName: 'new.yaml', text: edited });
    expect(fresh.ok && fresh.value.entryId).not.toBe(first.value.entryId);
  });

  it('refuses a text with errors, with their places, and stores nothing', async () => {
    const { bridge } = setup();
    const result = await bridge.request('library.save', { fileName: 'ours.yaml', text: recsys.text.replace('duration: 45m', 'duration: soon') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-scenario');
    expect(result.error.message).toBe('ours.yaml is not a valid Drillbook scenario: 1 error. Fix it in the Author view and save it again.');
    expect(result.error.errors?.[0]).toMatchObject({ line: 5, path: 'duration' });
    const list = await bridge.request('library.list', {});
    expect(list.ok && list.value).toHaveLength(1);
  });
});
