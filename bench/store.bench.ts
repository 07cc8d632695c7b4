// Store and host figures, each beside a baseline measured in the same run (issue 5):
//  1. Acknowledged durable decisions per second through the whole pipeline (parse the command
//     with the protocol's zod schema, decide, append + commit to SQLite with WAL and
//     synchronous=FULL, acknowledge, push the views to three subscribers) beside bare
//     better-sqlite3 inserts, one commit each, with the same pragmas. Target: at least half.
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

function bareInserts(n: number): number {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (id INTEGER PRIMARY KEY, session TEXT NOT NULL, seq INTEGER NOT NULL, at_ms REAL NOT NULL, wall_ms REAL NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (session, seq)) STRICT',
  );
  const insert = db.prepare('INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  for (let i = 1; i <= n; i++) insert.run('bench-session-1', i, i, Date.now(), 'role:ic', 'prompt.answered', JSON.stringify({ prompt: `p-${i % 50}`, role: 'ic', answer: 'a' }));
  const ms = performance.now() - start;
  db.close();
  return (n / ms) * 1000;
}

function pipeline(n: number): { perSecond: number; pushes: number } {
  const host = new Host(join(dir, 'pipeline.db'), { backups: false, session: { watch: false } });
  const live = host.createSession({ scenarioText: scenarioText(50, 0, true).replace(/at: 0\.000/g, 'at: 0'), sourceName: 'bench.yaml', facilitator: 'Bench', participants: [{ name: 'A', roles: ['ic'] }, { name: 'B', roles: ['eng'] }] });
  let pushes = 0;
  live.subscribe({ kind: 'facilitator' }, () => void pushes++);
  live.subscribe({ kind: 'room' }, () => void pushes++);
  live.subscribe({ kind: 'role', role: 'ic' }, () => void pushes++);
  live.dispatch('facilitator', { type: 'session.start' });
  for (let i = 0; i < 50; i++) live.dispatch('facilitator', { type: 'inject.deliver', inject: `i-${i}` });
  // Raw input as it would arrive from a window or a socket.
  const inputs = Array.from({ length: n }, (_, i) =>
    i % 3 === 2 ? { type: 'chat.post', text: `update ${i}` } : { type: 'prompt.answer', prompt: `p-${i % 50}`, answer: i % 2 ? 'a' : 'b' },
  );
  let acknowledged = 0;
  const start = performance.now();
  for (const input of inputs) {
    const parsed = parseCommand(input);
    if (!parsed.ok) throw new Error(parsed.rejection.message);
    const result = live.dispatch('role:ic', parsed.value);
    if (!result.ok) throw new Error(result.rejection.message);
    acknowledged++;
  }
  const ms = performance.now() - start;
  void host.close();
  return { perSecond: (acknowledged / ms) * 1000, pushes };
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

async function injectLateness(n: number, spacingMs: number): Promise<number[]> {
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
  const store = new Stopwatch(host.store.events, () => timers.now());
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
  bareInserts(200);
  pipeline(200);
  const bare: number[] = [];
  const piped: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    fresh('bare.db');
    bare.push(bareInserts(DECISIONS));
    fresh('pipeline.db');
    piped.push(pipeline(DECISIONS).perSecond);
  }
  const ratio = median(piped) / median(bare);
  console.log(`durable decisions/s, ${DECISIONS} per round, one commit per decision:`);
  console.log(`  bare better-sqlite3 insert                     ${fmt(median(bare), 0)}/s  (rounds: ${bare.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  pipeline (zod, decide, commit, ack, 3 pushes)  ${fmt(median(piped), 0)}/s  (rounds: ${piped.map((x) => fmt(x, 0)).join(', ')})`);
  console.log(`  pipeline = ${fmt(ratio * 100, 0)}% of bare (target >= 50%)  ${ratio >= 0.5 ? 'OK' : 'MISSED'}`);

  const rows: { b50: number; b99: number; i50: number; i99: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const bareLate = await bareTimeouts(INJECTS, SPACING_MS);
    fresh('lateness.db');
    const injLate = await injectLateness(INJECTS, SPACING_MS);
    rows.push({ b50: pct(bareLate, 50), b99: pct(bareLate, 99), i50: pct(injLate, 50), i99: pct(injLate, 99) });
  }
  const m = (k: keyof (typeof rows)[number]): number => median(rows.map((row) => row[k]));
  console.log(`lateness over ${INJECTS} scheduled injects, ${SPACING_MS} ms apart, in ms (median of ${ROUNDS} rounds):`);
  console.log(`  bare setTimeout           p50 ${fmt(m('b50'))}  p99 ${fmt(m('b99'))}   (p99 by round: ${rows.map((x) => fmt(x.b99)).join(', ')})`);
  console.log(`  runtime + SQLite commit   p50 ${fmt(m('i50'))}  p99 ${fmt(m('i99'))}   (p99 by round: ${rows.map((x) => fmt(x.i99)).join(', ')})`);
  const diff = m('i99') - m('b99');
  console.log(`  p99 difference ${fmt(diff)} ms (target <= 2 ms)  ${diff <= 2 ? 'OK' : 'MISSED'}`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
