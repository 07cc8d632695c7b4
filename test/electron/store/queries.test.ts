import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentHash, StoreError } from '../../../electron/store/index.ts';
import { SCENARIO_TEXT, seedSession, tempStore } from './helpers.ts';

describe('scenarios', () => {
  it('keeps the imported text with its sha256, once per distinct text', () => {
    const store = tempStore();
    const a = store.scenarios.import({ scenarioId: 'llm-outage', title: 'T', sourceText: SCENARIO_TEXT, sourceName: 'a.yaml', importedAt: 5 });
    expect(a.contentHash).toBe(contentHash(SCENARIO_TEXT));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(store.scenarios.get(a.id)).toEqual({ id: a.id, scenarioId: 'llm-outage', title: 'T', sourceText: SCENARIO_TEXT, contentHash: a.contentHash, sourceName: 'a.yaml', importedAt: 5 });
    const again = store.scenarios.import({ scenarioId: 'llm-outage', title: 'T', sourceText: SCENARIO_TEXT, sourceName: 'copy.yaml' });
    expect(again.id).toBe(a.id);
    const edited = store.scenarios.import({ scenarioId: 'llm-outage', title: 'T', sourceText: `${SCENARIO_TEXT}# edited\n`, sourceName: 'a.yaml' });
    expect(edited.id).not.toBe(a.id);
    expect(store.scenarios.list()).toHaveLength(2);
    expect(() => store.scenarios.get(999)).toThrow(StoreError);
  });
});

describe('sessions', () => {
  it('creates sessions with random URL-safe ids, seats in order, and tracks status', () => {
    const store = tempStore();
    const id = seedSession(store);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(seedSession(store)).not.toBe(id);
    const s = store.sessions.get(id);
    expect(s).toMatchObject({ facilitator: 'Ada', status: 'setup', kind: 'live', startedAt: null, endedAt: null });
    store.sessions.setSeats(id, [
      { role: 'ic', participant: 'Grace' },
      { role: 'comms', participant: 'Linus' },
      { role: 'ic', participant: 'Barbara' },
    ]);
    expect(store.sessions.get(id).seats.map((x) => x.participant)).toEqual(['Grace', 'Linus', 'Barbara']);
    store.sessions.setStatus(id, 'running', 100);
    store.sessions.setStatus(id, 'paused', 200);
    store.sessions.setStatus(id, 'running', 300);
    store.sessions.setStatus(id, 'ended', 400);
    expect(store.sessions.get(id)).toMatchObject({ status: 'ended', startedAt: 100, endedAt: 400 });
    expect(() => store.sessions.setStatus('nope-nope-nope', 'running')).toThrow(/There is no session/);
    expect(store.sessions.list()).toHaveLength(2);
    expect(store.sessions.find('nope-nope-nope')).toBeUndefined();
  });

  it('refuses ids that are not URL-safe', () => {
    const store = tempStore();
    const scenario = store.scenarios.import({ scenarioId: 's', title: 'T', sourceText: 'x', sourceName: 'x.yaml' });
    expect(() => store.sessions.create({ scenario: scenario.id, facilitator: 'A', id: 'has space/and slash' })).toThrow(/CHECK/);
  });
});

describe('improvement plan', () => {
  it('adds, edits in place, orders and removes items', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.improvements.save(id, { id: 'a', issue: 'Slow paging', correctiveAction: 'Second rotation', owner: 'Grace', due: '2026-12-31', objective: null });
    store.improvements.save(id, { id: 'b', issue: 'No status page', correctiveAction: 'Template', owner: '', due: '', objective: 'comms' });
    store.improvements.save(id, { id: 'a', issue: 'Slow paging', correctiveAction: 'Two rotations', owner: 'Grace', due: '2027-01-15', objective: null });
    expect(store.improvements.list(id).map((i) => [i.id, i.correctiveAction, i.due])).toEqual([
      ['a', 'Two rotations', '2027-01-15'],
      ['b', 'Template', ''],
    ]);
    expect(() => store.improvements.save(id, { id: 'c', issue: 'x', correctiveAction: 'y', owner: '', due: 'next week', objective: null })).toThrow();
    store.improvements.remove(id, 'a');
    expect(store.improvements.list(id).map((i) => i.id)).toEqual(['b']);
  });
});

describe('settings', () => {
  it('stores JSON values and reads them through a schema', () => {
    const store = tempStore();
    store.settings.set('lan.port', 8123);
    store.settings.set('lan.port', 8124);
    expect(store.settings.get('lan.port', z.number())).toBe(8124);
    expect(store.settings.get('lan.port', z.string())).toBeUndefined();
    expect(store.settings.get('missing', z.number())).toBeUndefined();
    store.settings.delete('lan.port');
    expect(store.settings.get('lan.port', z.number())).toBeUndefined();
  });
});
