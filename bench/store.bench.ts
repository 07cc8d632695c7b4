// Store and host figures on the product's one live path (ServiceHost + AppService over the SQLite
// data file: what the desktop app and `drillbook serve` run), each beside a baseline measured in
// the same run (issue 5):
//  1. Acknowledged durable decisions per second through the whole pipeline: a raw `live.dispatch`
//     request checked at the Bridge boundary and by the protocol's zod command schema, decided,
//     appended + committed to SQLite (WAL, synchronous=FULL), acknowledged, the views pushed to
//     three subscribers (facilitator, room, one role; coalesced to at most one push per 16 ms)
//     beside bare better-sqlite3 inserts, one commit each, with the same pragmas. Each decision
//     runs in its own event-loop turn, as messages arrive. Target: at least half the bare rate.
//  2. Inject lateness (delivery committed minus due, on the monotonic clock), p50 and p99, over
//     1,000 scheduled injects on real time through ServiceHost, beside bare setTimeout lateness over
//     the same schedule. Target: p99 within 2 ms of bare. Measured with no screen subscribed (the
//     delivery path itself), and again with the facilitator's and the room screen's views pushed
//     at 100 injects a second. Views of the same live state keep their unchanged inject entries,
//     so after one delivery the facilitator's view of this 1,000-inject scenario costs about
//     0.1-0.2 ms (it was 5-16 ms when every view was rebuilt whole); the second line shows what
//     the pushes still add to the delivery path.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SessionEvent } from '../core/engine/index.ts';
import type { BridgeResult } from '../core/protocol/bridge.ts';
import { AppService, createMemoryStorage } from '../core/service/index.ts';
import { nodePushScheduler } from '../electron/host/push-scheduler.ts';
import { RealTimers } from '../electron/host/real-timers.ts';
import { ServiceHost } from '../electron/host/service-host.ts';

const DECISIONS = 3000;
const INJECTS = 1000;
const SPACING_MS = 10;

const dir = mkdtempSync(join(tmpdir(), 'drillbook-bench-'));
function scenarioText(injects: number, spacingMs: number, prompts: boolean): string {
  const items = Array.from({ length: injects }, (_, i) => {
    const at = ((i + 1) * spacingMs) / 1000;
    const prompt = prompts
      ? `    prompts:
      - id: p-${i}
        role: ic
        ask: Next step?
        type: choice
        options: [{id: a, label: A}, {id: b, label: B}]
        expect: {best: [a]}
        objective: respond
`
      : '';
    return `  - id: i-${i}
    at: ${at.toFixed(3)}
    to: [ic]
    channel: alert
    title: Inject ${i}
    body: Body ${i}.
${prompt}`;
  });
  return `format: drillbook/scenario@1
id: bench
title: Bench
duration: 1h
summary: Bench.
objectives: [{id: respond, title: Respond}]
roles: [{id: ic, title: IC}, {id: eng, title: Engineer}]
injects:
${items.join('')}`;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const fmt = (n: number, digits = 2): string => n.toFixed(digits);

// ---- 1. durable decisions per second ----

/** Runs `step` n times, each in its own turn of the event loop, as messages from windows arrive. */
function eachTurn(n: number, step: (i: number) => void | Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let i = 0;
    const next = (): void => {
      if (i === n) {
        resolve(performance.now() - start);
        return;
      }
      Promise.resolve(step(i++)).then(() => setImmediate(next), reject);
    };
    next();
  });
}

/** Latency of each bare commit in the last bareInserts run (ms), to read lateness against. */
let commitLatency: number[] = [];

async function bareInserts(n: number): Promise<number> {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (id INTEGER PRIMARY KEY, session TEXT NOT NULL, seq INTEGER NOT NULL, at_ms REAL NOT NULL, wall_ms REAL NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (session, seq)) STRICT',
  );
  const insert = db.prepare('INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const latency: number[] = [];
  const ms = await eachTurn(n, (i) => {
    const t0 = performance.now();
    insert.run('bench-session-1', i + 1, i, Date.now(), 'role:ic', 'prompt.answered', JSON.stringify({ prompt: `p-${i % 50}`, role: 'ic', answer: 'a' }));
    latency.push(performance.now() - t0);
  });
  commitLatency = latency.sort((a, b) => a - b);
  db.close();
  return (n / ms) * 1000;
}

function must<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A session made as the UI makes one: the scenario imported into the library, then sessions.create. */
async function createSession(service: AppService, text: string): Promise<string> {
  const entry = must(await service.request('library.import', { fileName: 'bench.yaml', text })) as { entryId: string };
  const participants = [{ name: 'A', roles: ['ic'] }, { name: 'B', roles: ['eng'] }];
  return (must(await service.request('sessions.create', { entryId: entry.entryId, facilitator: 'Bench', participants })) as { sessionId: string }).sessionId;
}

async function pipeline(n: number): Promise<{ perSecond: number; views: number }> {
  const host = new ServiceHost(join(dir, 'pipeline.db'), { backups: false, watch: false, shipped: [] });
  const { service } = host;
  const sessionId = await createSession(service, scenarioText(50, 0, true).replace(/at: 0\.000/g, 'at: 0'));
  let views = 0;
  for (const audience of ['facilitator', 'room', 'role:ic'] as const) service.subscribe({ sessionId, audience }, () => void views++);
  const control = (command: unknown) => service.request('live.dispatch', { sessionId, actor: 'facilitator', command });
  must(await control({ type: 'session.start' }));
  for (let i = 0; i < 50; i++) must(await control({ type: 'inject.deliver', inject: `i-${i}` }));
  // Raw requests as they arrive from a window or a socket.
  const inputs = Array.from({ length: n }, (_, i) => ({
    sessionId, actor: 'role:ic',
    command: i % 3 === 2 ? { type: 'chat.post', text: `update ${i}` } : { type: 'prompt.answer', prompt: `p-${i % 50}`, answer: i % 2 ? 'a' : 'b' },
  }));
  const viewsBefore = views;
  let acknowledged = 0;
  const ms = await eachTurn(n, async (i) => {
    must(await service.request('live.dispatch', inputs[i]));
    acknowledged++;
  });
  const pushed = views - viewsBefore;
  await host.close();
  return { perSecond: (acknowledged / ms) * 1000, views: pushed };
}

// ---- 2. inject lateness ----

async function bareTimeouts(n: number, spacingMs: number): Promise<number[]> {
  const late: number[] = [];
  const origin = performance.now() + 20;
  await new Promise<void>((resolve) => {
    for (let i = 1; i <= n; i++) {
      const target = origin + i * spacingMs;
      setTimeout(() => {
        late.push(performance.now() - target);
        if (late.length === n) resolve();
      }, target - performance.now());
    }
  });
  return late.sort((a, b) => a - b);
}

/**
 * Watches an event store's appends (the bench's only hook into the path): when the session started
 * and when each delivery's commit returned, on the host's monotonic clock.
 */
function stopwatch(events: { append(id: string, batch: readonly SessionEvent[]): void }, clock: () => number) {
  const seen = { startedAt: Number.NaN, delivered: [] as { due: number; committedAt: number }[] };
  const inner = events.append.bind(events);
  events.append = (id, batch) => {
    inner(id, batch);
    const now = clock();
    for (const e of batch) {
      const payload = e.payload as { due?: unknown };
      if (e.type === 'session.started') seen.startedAt = now;
      if (e.type === 'inject.delivered' && typeof payload.due === 'number') seen.delivered.push({ due: payload.due, committedAt: now });
    }
  };
  return seen;
}

/** Starts the session with the facilitator's and the room's views subscribed; resolves with each delivery's lateness. */
async function lateness(service: AppService, sessionId: string, seen: ReturnType<typeof stopwatch>, n: number, screens: boolean): Promise<number[]> {
  let views = 0;
  const audiences = screens ? (['facilitator', 'room'] as const) : [];
  for (const audience of audiences) service.subscribe({ sessionId, audience }, () => void views++);
  must(await service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (seen.delivered.length >= n) {
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
  if (views < audiences.length * 2) throw new Error('the views were not pushed');
  // Speed 1: an inject due at exercise ms `due` falls due `due` ms after the start was committed.
  return seen.delivered.map((d) => d.committedAt - (seen.startedAt + d.due)).sort((a, b) => a - b);
}

/** Through ServiceHost on the SQLite data file. */
async function injectLateness(n: number, spacingMs: number, screens: boolean): Promise<number[]> {
  const host = new ServiceHost(join(dir, 'lateness.db'), { backups: false, watch: false, shipped: [] });
  const seen = stopwatch(host.store.events, () => host.timers.now());
  const sessionId = await createSession(host.service, scenarioText(n, spacingMs, false));
  const late = await lateness(host.service, sessionId, seen, n, screens);
  await host.close();
  return late;
}

/** The same AppService on real time and coalesced pushes, with in-memory storage: no commit in the way. */
async function injectLatenessInMemory(n: number, spacingMs: number): Promise<number[]> {
  const timers = new RealTimers();
  const storage = createMemoryStorage();
  let id = 0;
  const service = new AppService({ storage, timers, wall: () => Date.now(), newId: () => `bench${++id}`, views: { scheduler: nodePushScheduler } });
  const seen = stopwatch(storage.events, () => timers.now());
  const sessionId = await createSession(service, scenarioText(n, spacingMs, false));
  const late = await lateness(service, sessionId, seen, n, false);
  service.dispose();
  timers.clearAll();
  return late;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ROUNDS = 3;

function fresh(name: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, name + suffix), { force: true });
}

async function main(): Promise<void> {
  console.log(`SQLite data files in ${dir} (WAL, synchronous=FULL); ${ROUNDS} alternating rounds, medians reported`);
  // Warm up both paths once (JIT, page cache), then alternate so that both see the same machine.
  await bareInserts(200);
  await pipeline(200);
  const bare: number[] = [];
  const commits: { p50: number; p99: number }[] = [];
  const piped: number[] = [];
  const views: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    fresh('bare.db');
    bare.push(await bareInserts(DECISIONS));
    commits.push({ p50: pct(commitLatency, 50), p99: pct(commitLatency, 99) });
    fresh('pipeline.db');
    const result = await pipeline(DECISIONS);
    piped.push(result.perSecond);
    views.push(result.views);
  }
  const ratio = median(piped) / median(bare);
  console.log(`durable decisions/s, ${DECISIONS} per round, one commit per decision, each in its own event-loop turn:`);
  console.log(`  bare better-sqlite3 insert                     ${fmt(median(bare), 0)}/s  (rounds: ${bare.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  ServiceHost + AppService live.dispatch        ${fmt(median(piped), 0)}/s  (rounds: ${piped.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  one bare commit (insert + fsync) takes p50 ${fmt(median(commits.map((c) => c.p50)))} ms, p99 ${fmt(median(commits.map((c) => c.p99)))} ms here`);
  console.log(`  views pushed per round (3 subscribers, coalesced to at most one push per 16 ms): ${views.join(', ')}`);
  console.log(`  pipeline = ${fmt(ratio * 100, 0)}% of bare (target >= 50%)  ${ratio >= 0.5 ? 'OK' : 'MISSED'}`);

  const rows: { b50: number; b99: number; i50: number; i99: number; m50: number; m99: number; v50: number; v99: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const bareLate = await bareTimeouts(INJECTS, SPACING_MS);
    fresh('lateness.db');
    const injLate = await injectLateness(INJECTS, SPACING_MS, false);
    const memLate = await injectLatenessInMemory(INJECTS, SPACING_MS);
    fresh('lateness.db');
    const viewLate = await injectLateness(INJECTS, SPACING_MS, true);
    fresh('lateness.db');
    rows.push({
      b50: pct(bareLate, 50), b99: pct(bareLate, 99), i50: pct(injLate, 50), i99: pct(injLate, 99),
      m50: pct(memLate, 50), m99: pct(memLate, 99), v50: pct(viewLate, 50), v99: pct(viewLate, 99),
    });
  }
  const m = (k: keyof (typeof rows)[number]): number => median(rows.map((row) => row[k]));
  console.log(`lateness over ${INJECTS} scheduled injects, ${SPACING_MS} ms apart, in ms (median of ${ROUNDS} rounds):`);
  console.log(`  bare setTimeout           p50 ${fmt(m('b50'))}  p99 ${fmt(m('b99'))}   (p99 by round: ${rows.map((x) => fmt(x.b99)).join(', ')})`);
  console.log(`  ServiceHost (SQLite)      p50 ${fmt(m('i50'))}  p99 ${fmt(m('i99'))}   (p99 by round: ${rows.map((x) => fmt(x.i99)).join(', ')})`);
  console.log(`  (AppService, in-memory    p50 ${fmt(m('m50'))}  p99 ${fmt(m('m99'))}: the rest is the durable commit)`);
  const diff = m('i99') - m('b99');
  console.log(`  p99 difference ${fmt(diff)} ms (target <= 2 ms)  ${diff <= 2 ? 'OK' : 'MISSED'}`);
  console.log(`  with the facilitator's and the room screen's views pushed (coalesced, stepping aside for due deliveries):`);
  console.log(`  ServiceHost (SQLite)      p50 ${fmt(m('v50'))}  p99 ${fmt(m('v99'))}   (p99 by round: ${rows.map((x) => fmt(x.v99)).join(', ')}; ${fmt(m('v99') - m('b99'))} ms over bare)`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
