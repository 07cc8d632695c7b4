// LAN figures (issue 9): 200 participant sockets on loopback, in a worker thread of their own,
// against the LAN server over a real data file. Target: p99 under 50 ms.
//  1. Broadcast latency: from an inject's due time (on the clock the session started by) to its
//     receipt on each participant's socket, p50 and p99, beside a baseline: a bare `ws` server
//     sending a message of the same size to the same 200 sockets.
//  2. Decision acknowledgement latency under that load (participants answering the prompts sent
//     to their role while the views go out to everyone), p50 and p99.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { WebSocket, WebSocketServer } from 'ws';
import { ServiceHost } from '../electron/host/service-host.ts';
import { LanServer } from '../electron/lan/server.ts';

const PARTICIPANTS = 200;
const ROLES = 4;
const INJECTS = 12;
/** Exercise seconds between injects; the session runs at 10x, so 0.8 s of real time. */
const SPACING_S = 8;
const SPEED = 10;
/** Per role, how many participants answer its prompts (the rest only watch). */
const ANSWERING = 10;

const now = () => performance.timeOrigin + performance.now();
const dir = mkdtempSync(join(tmpdir(), 'drillbook-lan-bench-'));

function scenario(): string {
  const roles = Array.from({ length: ROLES }, (_, r) => `  - id: r${r}\n    title: Role ${r}`).join('\n');
  const injects = Array.from({ length: INJECTS }, (_, i) => `  - id: i${i}
    at: ${(i + 1) * SPACING_S}s
    to: all
    channel: news
    title: Inject ${i}
    body: "${'Something happened. '.repeat(20)}"
    prompts:
      - id: p${i}
        role: r${i % ROLES}
        type: choice
        ask: What now?
        options: [{id: a, label: A}, {id: b, label: B}]
        expect: {best: [a]}
        objective: o`).join('\n');
  return `format: drillbook/scenario@1\nid: lan-bench\ntitle: LAN bench\nduration: 5m\nsummary: Bench.\nobjectives:\n  - id: o\n    title: O\nroles:\n${roles}\ninjects:\n${injects}\n`;
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (n: number) => n.toFixed(2);

async function baseline(bytes: number): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const port = (wss.address() as { port: number }).port;
  const latencies: number[] = [];
  const clients = await Promise.all(Array.from({ length: PARTICIPANTS }, () => new Promise<WebSocket>((resolve) => {
    const c = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    c.on('message', (data) => latencies.push(now() - (JSON.parse(data.toString()) as { t: number }).t));
    c.on('open', () => resolve(c));
  })));
  const pad = 'x'.repeat(bytes);
  for (let i = 0; i < INJECTS; i++) {
    await new Promise((r) => setTimeout(r, (SPACING_S * 1000) / SPEED));
    for (const s of wss.clients) s.send(JSON.stringify({ t: now(), pad }));
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const c of clients) c.close();
  wss.close();
  return latencies;
}

async function main(): Promise<void> {
  const host = new ServiceHost(join(dir, 'bench.db'), { backups: false, watch: false, shipped: [] });
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>bench</title>');
  const server = await LanServer.start({
    service: host.service, port: 0, staticDir: join(dir, 'dist'),
    limits: { maxConnections: PARTICIPANTS + 10, wrongCodes: { capacity: 1000, perSecond: 1000 }, lobby: { members: PARTICIPANTS } },
  });
  const entry = await host.service.request('library.import', { fileName: 'bench.yaml', text: scenario() });
  if (!entry.ok) throw new Error(entry.error.message);
  const created = await host.service.request('sessions.create', { entryId: (entry.value as { entryId: string }).entryId, facilitator: 'Bench', participants: [] });
  if (!created.ok) throw new Error(created.error.message);
  const sessionId = (created.value as { sessionId: string }).sessionId;
  const lobby = server.lobbies.open(sessionId);
  const participants = Array.from({ length: PARTICIPANTS }, (_, i) => {
    const role = `r${i % ROLES}`;
    const joined = server.lobbies.join(lobby.code, `P${i}`, `role:${role}`);
    if ('error' in joined) throw new Error(joined.error);
    return { token: joined.token, role, answers: Math.floor(i / ROLES) < ANSWERING };
  });

  // Loader hooks are per thread: the worker registers tsx before it loads the TypeScript file.
  const clients = new URL('./lan-clients.worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(clients)}); })`, {
    eval: true,
    workerData: { ws: `ws://127.0.0.1:${server.port}/ws`, sessionId, participants },
  });
  const messages: { kind: string; [k: string]: unknown }[] = [];
  worker.on('message', (m: { kind: string }) => messages.push(m));
  worker.on('error', (e) => { throw e; });
  const waitFor = async (kind: string) => {
    for (;;) {
      const found = messages.find((m) => m.kind === kind);
      if (found) return found;
      const error = messages.find((m) => m.kind === 'error');
      if (error) throw new Error(String(error.message));
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await waitFor('ready');

  await host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.speed', speed: SPEED } });
  // The runtime reads its clock while it handles the start, after this: dues computed from t0 are
  // at most that early, so the latencies below are, if anything, overstated.
  const t0 = now();
  const started = await host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  if (!started.ok) throw new Error(started.error.message);
  await new Promise((r) => setTimeout(r, (INJECTS * SPACING_S * 1000) / SPEED + 2000));
  worker.postMessage({ kind: 'report' });
  const report = (await waitFor('report')) as unknown as { receipts: Record<string, number[]>; acks: number[] };

  const broadcast: number[] = [];
  let missing = 0;
  for (let i = 0; i < INJECTS; i++) {
    const due = t0 + ((i + 1) * SPACING_S * 1000) / SPEED;
    const got = report.receipts[`i${i}`] ?? [];
    missing += PARTICIPANTS - got.length;
    for (const at of got) broadcast.push(at - due);
  }
  const replay = await host.service.request('live.replay', { sessionId, audience: 'role:r0', seq: 1_000_000 });
  const viewBytes = replay.ok ? Buffer.byteLength(JSON.stringify(replay.value)) : 4000;
  console.log(`${PARTICIPANTS} participant sockets (${ROLES} roles), ${INJECTS} injects to everyone ${SPACING_S / SPEED} s apart (speed ${SPEED}), ${ROLES * ANSWERING} participants answering:`);
  console.log(`  broadcast, inject due -> received:  p50 ${fmt(pct(broadcast, 50))} ms   p99 ${fmt(pct(broadcast, 99))} ms   max ${fmt(Math.max(...broadcast))} ms   (${broadcast.length} receipts, ${missing} missing; target p99 < 50 ms)`);
  console.log(`  decision acknowledgement under load: p50 ${fmt(pct(report.acks, 50))} ms   p99 ${fmt(pct(report.acks, 99))} ms   (${report.acks.length} decisions; target p99 < 50 ms)`);
  await worker.terminate();
  await server.close();
  await host.close();

  const base = await baseline(viewBytes);
  console.log(`  baseline, bare ws send of ${viewBytes} bytes to ${PARTICIPANTS} sockets: p50 ${fmt(pct(base, 50))} ms   p99 ${fmt(pct(base, 99))} ms`);
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
