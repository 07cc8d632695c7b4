// LAN figures under a flood (issue 16): the facilitator's request latency while the room is quiet
// and while 3 device tokens, 4 sockets each, reconnecting every second, post chat as fast as the
// server takes it (in the first hardening round they got 556 messages a second through and the
// facilitator's p99 rose to 1.7 s). 20 more participants watch their views meanwhile. Figures,
// not pass/fail: the quiet and the flood p99 side by side.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { ServiceHost } from '../electron/host/service-host.ts';
import { DEFAULT_LIMITS, LanServer } from '../electron/lan/server.ts';

const WATCHERS = 20;
const FLOODERS = 3;
const SOCKETS_PER_FLOODER = 4;
const PHASE_MS = 6000;
const FACILITATOR_EVERY_MS = 25;

const dir = mkdtempSync(join(tmpdir(), 'drillbook-lan-flood-'));
const now = () => performance.now();

const SCENARIO = `format: drillbook/scenario@1
id: flood
title: Flood bench
duration: 30m
summary: Bench.
objectives:
  - id: o
    title: O
roles:
  - id: r0
    title: Role 0
  - id: r1
    title: Role 1
injects:
  - id: i0
    at: 0s
    to: all
    channel: news
    title: Inject
    body: Something happened.
`;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (n: number) => n.toFixed(1);

/** The facilitator's console: one request at a time, every FACILITATOR_EVERY_MS, timed. */
async function facilitatorPhase(url: string, sessionId: string, ms: number): Promise<number[]> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject); });
  socket.send(JSON.stringify({ op: 'subscribe', id: 0, params: { sessionId, audience: 'facilitator' } }));
  const pending = new Map<number, number>();
  const latencies: number[] = [];
  socket.on('message', (data) => {
    const text = data.toString();
    if (!text.startsWith('{"op":"result"')) return;
    const id = Number(/"id":(\d+)/.exec(text)?.[1]);
    const sent = pending.get(id);
    if (sent !== undefined) {
      latencies.push(now() - sent);
      pending.delete(id);
    }
  });
  const end = now() + ms;
  let id = 1;
  while (now() < end) {
    pending.set(id, now());
    socket.send(JSON.stringify({ op: 'request', id: id++, method: 'live.dispatch', params: { sessionId, actor: 'facilitator', command: { type: 'note.add', text: `note ${id}`, tag: 'observation' } } }));
    await new Promise((r) => setTimeout(r, FACILITATOR_EVERY_MS));
  }
  await new Promise((r) => setTimeout(r, 500));
  socket.close();
  return latencies;
}

async function main(): Promise<void> {
  const host = new ServiceHost(join(dir, 'flood.db'), { backups: false, watch: false, shipped: [] });
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>bench</title>');
  const server = await LanServer.start({ service: host.service, port: 0, staticDir: join(dir, 'dist') });
  const entry = await host.service.request('library.import', { fileName: 'flood.yaml', text: SCENARIO });
  if (!entry.ok) throw new Error(entry.error.message);
  const created = await host.service.request('sessions.create', { entryId: (entry.value as { entryId: string }).entryId, facilitator: 'Bench', participants: [] });
  if (!created.ok) throw new Error(created.error.message);
  const sessionId = (created.value as { sessionId: string }).sessionId;
  const lobby = server.lobbies.open(sessionId);
  const join_ = (i: number) => {
    const role = `r${i % 2}`;
    const joined = server.lobbies.join(lobby.code, `P${i}`, `role:${role}`);
    if ('error' in joined) throw new Error(joined.error);
    return { token: joined.token, role };
  };
  const watchers = Array.from({ length: WATCHERS }, (_, i) => join_(i));
  const flooders = Array.from({ length: FLOODERS }, (_, i) => join_(WATCHERS + i));
  const started = await host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  if (!started.ok) throw new Error(started.error.message);

  const ws = `ws://127.0.0.1:${server.port}/ws`;
  const watching = watchers.map((w) => {
    const s = new WebSocket(`${ws}?token=${w.token}`, { perMessageDeflate: false });
    s.on('error', () => {});
    s.on('open', () => s.send(JSON.stringify({ op: 'subscribe', id: 0, params: { sessionId, audience: `role:${w.role}` } })));
    return s;
  });
  await new Promise((r) => setTimeout(r, 500));
  const facilitatorUrl = `${ws}?token=${server.facilitatorToken}`;

  const quiet = await facilitatorPhase(facilitatorUrl, sessionId, PHASE_MS);

  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./lan-flood.worker.ts', import.meta.url).href)}); })`, {
    eval: true,
    workerData: { ws, sessionId, devices: flooders, socketsPerDevice: SOCKETS_PER_FLOODER, reconnectMs: 1000 },
  });
  const report = new Promise<{ accepted: number; refused: number }>((resolve) => worker.on('message', (m: { kind: string; accepted: number; refused: number }) => m.kind === 'report' && resolve(m)));
  await new Promise((r) => setTimeout(r, 500));
  const floodStart = now();
  const flood = await facilitatorPhase(facilitatorUrl, sessionId, PHASE_MS);
  const floodSeconds = (now() - floodStart + 500) / 1000;
  worker.postMessage({ kind: 'stop' });
  const counts = await report;
  await worker.terminate();
  for (const s of watching) s.close();
  await server.close();
  await host.close();

  const limits = DEFAULT_LIMITS;
  console.log(`facilitator requests (a note every ${FACILITATOR_EVERY_MS} ms, ${WATCHERS} participants watching), quiet vs. under a chat flood from ${FLOODERS} device tokens x ${SOCKETS_PER_FLOODER} sockets reconnecting every second:`);
  console.log(`  quiet:  p50 ${fmt(pct(quiet, 50))} ms   p99 ${fmt(pct(quiet, 99))} ms   (${quiet.length} requests)`);
  console.log(`  flood:  p50 ${fmt(pct(flood, 50))} ms   p99 ${fmt(pct(flood, 99))} ms   (${flood.length} requests)`);
  console.log(`  flood chat accepted: ${(counts.accepted / floodSeconds).toFixed(0)}/s (limits: ${limits.participantRate.perSecond}/s per device token, burst ${limits.participantRate.capacity}; ${limits.lobbyRate.perSecond}/s per lobby, burst ${limits.lobbyRate.capacity}); refused: ${(counts.refused / floodSeconds).toFixed(0)}/s`);
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
