// library.plays: the shipped plays written for a scenario id (the Author view's Rehearse tab offers
// them). A play is matched by the scenario it names, never by its file name; a play that does not
// load, or names no scenario, is left out and said.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../../core/author/rehearsal.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { must } from './library-versions-spec.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const read = (dir: string, fileName: string) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') });
const shipped = [read(SCENARIOS, 'latency-runbook-101.yaml')];
const plays = readdirSync(join(SCENARIOS, 'plays')).filter((f) => f.endsWith('.yaml')).map((f) => read(join(SCENARIOS, 'plays'), f));

function service(shippedPlays = plays, errors: string[] = []) {
  let n = 0;
  return new InProcessBridge(new AppService({
    storage: createMemoryStorage(), timers: new VirtualTimers(0), shipped, shippedPlays,
    wall: () => 1_790_000_000_000, newId: () => `entry-${++n}`, onError: (m) => errors.push(m),
  }));
}

describe('library.plays', () => {
  it("gives a shipped scenario's plays, by file name, each of which runs against it", async () => {
    const b = service();
    const entry = await must(b.request('library.get', { entryId: 'shipped-latency-runbook-101' }));
    const found = await must(b.request('library.plays', { scenarioId: entry.scenarioId }));
    expect(found.map((p) => p.fileName)).toEqual([
      'latency-runbook-101.mixed.yaml', 'latency-runbook-101.strong.yaml', 'latency-runbook-101.struggling.yaml', 'latency-runbook-101.tech-only.yaml',
    ]);
    expect(found[0]?.text).toBe(plays.find((p) => p.fileName === 'latency-runbook-101.mixed.yaml')?.text);
    for (const play of found) expect(runPlay(entry.scenario, play.text, play.fileName).rejected).toEqual([]);
  });

  it('matches by the scenario id a play names: a copy with a new id has none, an unknown id has none', async () => {
    const b = service();
    const copy = await must(b.request('library.duplicate', { entryId: 'shipped-latency-runbook-101' }));
    expect(copy.scenarioId).toBe('latency-runbook-101-copy');
    expect(await must(b.request('library.plays', { scenarioId: copy.scenarioId }))).toEqual([]);
    expect(await must(b.request('library.plays', { scenarioId: 'nobody-wrote-this' }))).toEqual([]);
    // A play file named after the scenario but written for another is not offered for it.
    const renamed = { fileName: 'latency-runbook-101.other.yaml', text: 'format: drillbook/play@1\nscenario: model-latency-slo\nevents: []\n' };
    const only = service([renamed]);
    expect(await must(only.request('library.plays', { scenarioId: 'latency-runbook-101' }))).toEqual([]);
    expect((await must(only.request('library.plays', { scenarioId: 'model-latency-slo' }))).map((p) => p.fileName)).toEqual(['latency-runbook-101.other.yaml']);
  });

  it('leaves out, and says, a shipped play that does not load or names no scenario', async () => {
    const errors: string[] = [];
    const b = service([
      { fileName: 'broken.yaml', text: 'format: drillbook/play@1\nscenario: latency-runbook-101\nevents: nope\n' },
      { fileName: 'anyone.yaml', text: 'format: drillbook/play@1\nevents: []\n' },
    ], errors);
    expect(await must(b.request('library.plays', { scenarioId: 'latency-runbook-101' }))).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^The shipped play anyone\.yaml is left out: it names no scenario/);
    expect(errors[1]).toMatch(/^The shipped play broken\.yaml is left out: /);
  });

  it('refuses a scenario id that is not a slug', async () => {
    const result = await service().request('library.plays', { scenarioId: '../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
