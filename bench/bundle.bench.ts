// Session bundle figures (issue 6) for a long workshop's log (20,000 events in the session, beside
// a second session of the same size that stays behind): writing the bundle (temporary file,
// migrations, copy of one session's rows, rename) and opening it read-only with every check,
// each beside a baseline in the same run: a whole-file copy of the data file (VACUUM INTO, what
// the backups do) and loading the session's events from the data file.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionEvent } from '../core/engine/index.ts';
import { exportSessionBundle, openSessionBundle, openStore } from '../electron/store/index.ts';

const EVENTS = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'drillbook-bench-bundle-'));

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
function time(runs: number, fn: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

try {
  const source = join(dir, 'source.db');
  const store = openStore(source, { backupOnOpen: false });
  const text = 'format: drillbook/scenario@1\nid: bench\ntitle: Bench\n';
  const scenario = store.scenarios.import({ scenarioId: 'bench', title: 'Bench', sourceText: text, sourceName: 'bench.yaml' });
  const ids = [0, 1].map((n) => store.sessions.create({ scenario: scenario.id, facilitator: 'Ada', id: `bench-session-${n}` }).id);
  for (const id of ids) {
    for (let from = 1; from <= EVENTS; from += 1000) {
      const batch: SessionEvent[] = Array.from({ length: 1000 }, (_, i) => ({
        seq: from + i, at: (from + i) * 700, wall: 1_790_000_000_000 + (from + i) * 700, actor: `role:r${i % 8}`, type: 'chat.posted',
        payload: { text: `Message ${from + i} from the room about the incident, long enough to be realistic ${id}` },
      }));
      store.events.append(id, batch);
    }
  }
  const kept = ids[0] as string;
  console.log(`Data file: 2 sessions x ${EVENTS.toLocaleString('en')} events, ${(statSync(source).size / 1024 / 1024).toFixed(1)} MiB`);

  const copy = time(5, (i) => void store.db.prepare('VACUUM INTO ?').run(join(dir, `copy-${i}.db`)));
  const exported = time(5, (i) => void exportSessionBundle(store, kept, join(dir, `kept-${i}.drillbook`)));
  console.log(`  baseline: VACUUM INTO of the whole data file      ${copy.toFixed(1)} ms`);
  console.log(`  export one session as a bundle                    ${exported.toFixed(1)} ms   ${(statSync(join(dir, 'kept-0.drillbook')).size / 1024 / 1024).toFixed(1)} MiB`);

  const load = time(5, () => void store.events.load(kept));
  const opened = time(5, (i) => openSessionBundle(join(dir, `kept-${i}.drillbook`)).close());
  console.log(`  baseline: load the session's events from the file ${load.toFixed(1)} ms`);
  console.log(`  open the bundle read-only, checked, events loaded ${opened.toFixed(1)} ms`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
