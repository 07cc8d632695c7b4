// Store and host figures, each beside a baseline measured in the same run (issue 5):
//  1. Acknowledged durable decisions per second through the whole pipeline (parse the command
//     with the protocol's zod schema, decide, append + commit to SQLite with WAL and
//     synchronous=FULL, acknowledge, push the views to three subscribers, coalesced to at most
//     one push per 16 ms) beside bare better-sqlite3 inserts, one commit each, with the same
//     pragmas. Each decision runs in its own event-loop turn, as messages arrive. Target: at
//     least half the bare rate.
//  2. Inject lateness (delivery committed minus due, on the monotonic clock), p50 and p99, over
//     1,000 scheduled injects on real time, beside bare setTimeout lateness over the same schedule.
//     Target: p99 within 2 ms of bare.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventStore, SessionEvent } from '../core/engine/index.ts';
import { parseCommand } from '../core/protocol/index.ts';
import { Host } from '../electron/host/index.ts';

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
function eachTurn(n: number, step: (i: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    let i = 0;
    const next = (): void => {
      if (i === n) {
        resolve(performance.now() - start);
        return;
      }
      step(i++);
      setImmediate(next);
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

async function pipeline(n: number): Promise<{ perSecond: number; pushes: number; views: number }> {
  const host = new Host(join(dir, 'pipeline.db'), { backups: false, session: { watch: false } });
  const live = host.createSession({ scenarioText: scenarioText(50, 0, true).replace(/at: 0\.000/g, 'at: 0'), sourceName: 'bench.yaml', facilitator: 'Bench', participants: [{ name: 'A', roles: ['ic'] }, { name: 'B', roles: ['eng'] }] });
  let views = 0;
  live.subscribe({ kind: 'facilitator' }, () => void views++);
  live.subscribe({ kind: 'room' }, () => void views++);
  live.subscribe({ kind: 'role', role: 'ic' }, () => void views++);
  live.dispatch('facilitator', { type: 'session.start' });
  for (let i = 0; i < 50; i++) live.dispatch('facilitator', { type: 'inject.deliver', inject: `i-${i}` });
  // Raw input as it would arrive from a window or a socket.
  const inputs = Array.from({ length: n }, (_, i) =>
    i % 3 === 2 ? { type: 'chat.post', text: `update ${i}` } : { type: 'prompt.answer', prompt: `p-${i % 50}`, answer: i % 2 ? 'a' : 'b' },
  );
  const pushesBefore = live.pushes;
  let acknowledged = 0;
  const ms = await eachTurn(n, (i) => {
    const parsed = parseCommand(inputs[i]);
    if (!parsed.ok) throw new Error(parsed.rejection.message);
    const result = live.dispatch('role:ic', parsed.value);
    if (!result.ok) throw new Error(result.rejection.message);
    acknowledged++;
  });
  const pushes = live.pushes - pushesBefore;
  await host.close();
  return { perSecond: (acknowledged / ms) * 1000, pushes, views };
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

/** Times each delivery at the moment its commit returned. */
class Stopwatch implements EventStore {
  readonly delivered: { due: number; committedAt: number }[] = [];
  constructor(
    private readonly inner: EventStore,
    private readonly clock: () => number,
  ) {}
  append(sessionId: string, events: readonly SessionEvent[]): void {
    this.inner.append(sessionId, events);
    const now = this.clock();
    for (const e of events) {
      const payload = e.payload as { due?: unknown };
      if (e.type === 'inject.delivered' && typeof payload.due === 'number') this.delivered.push({ due: payload.due, committedAt: now });
    }
  }
  load(sessionId: string): SessionEvent[] {
    return this.inner.load(sessionId);
  }
}

async function injectLateness(n: number, spacingMs: number, durable = true): Promise<number[]> {
  const { RealTimers } = await import('../electron/host/index.ts');
  const { SessionRuntime } = await import('../core/engine/index.ts');
  const { loadScenario } = await import('../core/scenario/index.ts');
  const text = scenarioText(n, spacingMs, false);
  const loaded = loadScenario(text, 'bench.yaml');
  if (!loaded.ok) throw new Error('bench scenario does not load');
  // The host's own parts: the SQLite store and RealTimers; the runtime as LiveSession builds it.
  const host = new Host(join(dir, 'lateness.db'), { backups: false, session: { watch: false } });
  const stored = host.store.scenarios.import({ scenarioId: 'bench', title: 'Bench', sourceText: text, sourceName: 'bench.yaml' });
  const session = host.store.sessions.create({ scenario: stored.id, facilitator: 'Bench' });
  const timers = new RealTimers();
  // The in-memory variant separates the runtime's and the timers' own lateness from the commit's.
  const { MemoryEventStore } = await import('../core/engine/index.ts');
  const store = new Stopwatch(durable ? host.store.events : new MemoryEventStore(), () => timers.now());
  const runtime = new SessionRuntime({ scenario: loaded.value, sessionId: session.id, store, timers });
  runtime.dispatch('facilitator', { type: 'session.start' });
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (store.delivered.length >= n) {
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
  const late = store.delivered.map((d) => d.committedAt - (runtime.monoFor(d.due) as number));
  runtime.dispose();
  await host.close();
  return late.sort((a, b) => a - b);
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
  const pushes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    fresh('bare.db');
    bare.push(await bareInserts(DECISIONS));
    commits.push({ p50: pct(commitLatency, 50), p99: pct(commitLatency, 99) });
    fresh('pipeline.db');
    const result = await pipeline(DECISIONS);
    piped.push(result.perSecond);
    pushes.push(result.pushes);
  }
  const ratio = median(piped) / median(bare);
  console.log(`durable decisions/s, ${DECISIONS} per round, one commit per decision, each in its own event-loop turn:`);
  console.log(`  bare better-sqlite3 insert                     ${fmt(median(bare), 0)}/s  (rounds: ${bare.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  pipeline (zod, decide, commit, ack, 3 pushes)  ${fmt(median(piped), 0)}/s  (rounds: ${piped.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  one bare commit (insert + fsync) takes p50 ${fmt(median(commits.map((c) => c.p50)))} ms, p99 ${fmt(median(commits.map((c) => c.p99)))} ms here`);
  console.log(`  view pushes per round (3 audiences each, at most one per 16 ms): ${pushes.join(', ')}`);
  console.log(`  pipeline = ${fmt(ratio * 100, 0)}% of bare (target >= 50%)  ${ratio >= 0.5 ? 'OK' : 'MISSED'}`);

  const rows: { b50: number; b99: number; i50: number; i99: number; m50: number; m99: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const bareLate = await bareTimeouts(INJECTS, SPACING_MS);
    fresh('lateness.db');
    const injLate = await injectLateness(INJECTS, SPACING_MS);
    fresh('lateness.db');
    const memLate = await injectLateness(INJECTS, SPACING_MS, false);
    rows.push({ b50: pct(bareLate, 50), b99: pct(bareLate, 99), i50: pct(injLate, 50), i99: pct(injLate, 99), m50: pct(memLate, 50), m99: pct(memLate, 99) });
  }
  const m = (k: keyof (typeof rows)[number]): number => median(rows.map((row) => row[k]));
  console.log(`lateness over ${INJECTS} scheduled injects, ${SPACING_MS} ms apart, in ms (median of ${ROUNDS} rounds):`);
  console.log(`  bare setTimeout           p50 ${fmt(m('b50'))}  p99 ${fmt(m('b99'))}   (p99 by round: ${rows.map((x) => fmt(x.b99)).join(', ')})`);
  console.log(`  runtime + SQLite commit   p50 ${fmt(m('i50'))}  p99 ${fmt(m('i99'))}   (p99 by round: ${rows.map((x) => fmt(x.i99)).join(', ')})`);
  console.log(`  (runtime, in-memory store p50 ${fmt(m('m50'))}  p99 ${fmt(m('m99'))}: the rest is the durable commit)`);
  const diff = m('i99') - m('b99');
  console.log(`  p99 difference ${fmt(diff)} ms (target <= 2 ms)  ${diff <= 2 ? 'OK' : 'MISSED'}`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
