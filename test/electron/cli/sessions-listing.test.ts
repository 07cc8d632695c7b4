// drillbook sessions (issue 14, item 19): it names the data file it read, reads the default one
// when none is given (and says which), and shows a session's start as History and the report do:
// when the facilitator first started the clock, not when the session was set up.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { fmtSessionStart } from '../../../core/report/format.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { tempDir, track } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = join(repoRoot, 'scenarios', 'model-latency-slo.yaml');
const play = join(repoRoot, 'scenarios', 'plays', 'model-latency-slo.strong.yaml');

async function run(cwd: string, env: Record<string, string | undefined>, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, env, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('drillbook sessions: which file', () => {
  it('reads the default data file when none is given, and names it; names a given file too', async () => {
    const dir = tempDir();
    const env = { XDG_DATA_HOME: join(dir, 'share'), HOME: join(dir, 'home') };
    const fallback = join(dir, 'share', 'drillbook', 'drillbook.db');

    const none = await run(dir, env, 'sessions');
    expect(none.code).toBe(1);
    expect(none.err).toContain(`There is no Drillbook data file at ${fallback}, the default data file`);
    expect(none.err).toContain('drillbook sessions FILE');

    mkdirSync(join(dir, 'share', 'drillbook'), { recursive: true });
    const made = await run(dir, env, 'simulate', scenario, '--play', play, '--db', fallback, '--out', 'sim');
    expect(made.code, made.err).toBe(0);
    const listed = await run(dir, env, 'sessions');
    expect(listed.code, listed.err).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toBe(`Data file: ${fallback} (the default; name another: drillbook sessions FILE)`);
    expect(lines[1]).toMatch(/^ID +SCENARIO +STARTED +STATUS +SCORE$/);
    expect(lines[2]).toContain('model-latency-slo (dry run)');

    const named = await run(dir, env, 'sessions', fallback);
    expect(named.out.split('\n')[0]).toBe(`Data file: ${fallback}`);
    // JSON stays pure on standard output; the file is named on standard error.
    const json = await run(dir, env, 'sessions', '--json');
    expect(JSON.parse(json.out)).toHaveLength(1);
    expect(json.err).toBe(`Data file: ${fallback} (the default; name another: drillbook sessions FILE)`);
  }, 60_000);
});

describe('a session\'s start', () => {
  it('is the clock\'s first start, the same in sessions.list (History), drillbook sessions and the debrief', async () => {
    const path = join(tempDir(), 'app.db');
    const store = track(openStore(path));
    const timers = new VirtualTimers(0);
    const setUpAt = Date.UTC(2026, 10, 26, 8, 30, 0);
    const app = new AppService({ storage: createServiceStorage(store), timers, wall: () => setUpAt + timers.now(), newId: () => randomBytes(12).toString('hex') });
    const bridge = new InProcessBridge(app);
    const entry = await must(bridge.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO }));
    const { sessionId } = await must(bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }], roomScreen: false, seating: 'hot-seat' }));
    // Set up at 8:30, briefed for 90 minutes, started at 10:00.
    timers.advanceBy(90 * 60_000);
    const startedAt = setUpAt + 90 * 60_000;
    await must(bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
    const [listed] = await must(bridge.request('sessions.list', {}));
    expect(listed).toMatchObject({ sessionId, createdAt: setUpAt, startedAt });
    const debrief = await must(bridge.request('debrief.get', { sessionId }));
    app.dispose();
    store.close();

    const dir = tempDir();
    const json = await run(dir, {}, 'sessions', path, '--json');
    expect(JSON.parse(json.out)[0]).toMatchObject({ id: sessionId, created_at: new Date(setUpAt).toISOString(), started_at: new Date(startedAt).toISOString() });
    expect(debrief.session.started_at).toBe(new Date(startedAt).toISOString());

    const table = await run(dir, {}, 'sessions', path);
    const row = table.out.split('\n').find((line) => line.startsWith(sessionId)) ?? '';
    expect(fmtSessionStart(startedAt)).toBe('2026-11-26 10:00 UTC');
    expect(row).toContain(fmtSessionStart(startedAt));
    expect(row).not.toContain('08:30');
  });
});
