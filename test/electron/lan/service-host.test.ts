// The durable host behind browser mode: what the service records is in the data file, a session
// that was running when the process stopped comes back paused with `session.recovered`, and a
// clock jump pauses running sessions with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newServiceId, readShippedPlays, readShippedScenarios, ServiceHost } from '../../../electron/host/service-host.ts';
import { openStore } from '../../../electron/store/index.ts';
import { must } from './helpers.ts';
import { LAN_SCENARIO } from './lan-scenario.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-host-'));
  dirs.push(dir);
  return join(dir, 'data.db');
}

async function runningSession(host: ServiceHost): Promise<string> {
  const entry = (await must(host.service.request('library.import', { fileName: 'lan.yaml', text: LAN_SCENARIO }))) as { entryId: string };
  const { sessionId } = (await must(host.service.request('sessions.create', { entryId: entry.entryId, facilitator: 'Fay', participants: [] }))) as { sessionId: string };
  await must(host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
  await must(host.service.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'chat.post', text: 'kept' } }));
  return sessionId;
}

describe('ServiceHost', () => {
  it('lists the shipped scenarios and makes ids the store and the Bridge both accept', async () => {
    const host = new ServiceHost(dbPath(), { backups: false, watch: false });
    const library = (await must(host.service.request('library.list', {}))) as { source: string }[];
    expect(library.length).toBe(readShippedScenarios().length);
    expect(library.length).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) expect(newServiceId()).toMatch(/^[0-9a-f]{24}$/);
    await host.close();
  });

  it('offers the shipped plays of scenarios/plays/ for the scenario each names', async () => {
    const host = new ServiceHost(dbPath(), { backups: false, watch: false });
    const plays = await must(host.service.request('library.plays', { scenarioId: 'latency-runbook-101' })) as { fileName: string }[];
    expect(plays.map((p) => p.fileName)).toEqual(readShippedPlays().map((p) => p.fileName).filter((f) => f.startsWith('latency-runbook-101.')));
    expect(plays).toHaveLength(4);
    await host.close();
  });

  it('brings back a session that was running when the process stopped: paused, recovered, nothing lost', async () => {
    const path = dbPath();
    const first = new ServiceHost(path, { backups: false, watch: false, shipped: [] });
    const sessionId = await runningSession(first);
    // Stopping without ending or pausing is what a killed process leaves behind.
    await first.close();
    const store = openStore(path, { readonly: true });
    expect(store.sessions.get(sessionId).status).toBe('running');
    store.close();

    const second = new ServiceHost(path, { backups: false, watch: false, shipped: [] });
    expect(second.recovered).toEqual([sessionId]);
    const events = second.store.events.load(sessionId);
    expect(events.slice(-2).map((e) => [e.type, e.payload])).toEqual([['session.recovered', expect.anything()], ['session.paused', { reason: 'recovered' }]]);
    expect(events.some((e) => e.type === 'chat.posted' || (e.payload as { text?: string }).text === 'kept')).toBe(true);
    expect(second.store.sessions.get(sessionId).status).toBe('paused');
    await second.close();
    // Opening it again does not recover it twice.
    const third = new ServiceHost(path, { backups: false, watch: false, shipped: [] });
    expect(third.recovered).toEqual([]);
    await third.close();
  });

  it('pauses running sessions with the reason when the clocks part', async () => {
    const host = new ServiceHost(dbPath(), { backups: false, watch: false, shipped: [] });
    const sessionId = await runningSession(host);
    host.pauseRunning('clock-jump');
    await new Promise((r) => setTimeout(r, 10));
    const last = host.store.events.load(sessionId).at(-1);
    expect(last).toMatchObject({ type: 'session.paused', payload: { reason: 'clock-jump' } });
    await host.close();
  });
});
