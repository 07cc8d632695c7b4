// The participants of bench/lan.bench.ts, in a worker thread of their own so that their event loop
// is not the server's (as on real devices). Each socket subscribes to its role, notes when each
// inject first reaches it, and answers the prompts addressed to its role, timing the acknowledgement.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

interface Input {
  ws: string;
  sessionId: string;
  participants: { token: string; role: string; answers: boolean }[];
}

const input = workerData as Input;
const now = () => performance.timeOrigin + performance.now();
/** inject id -> receipt times (absolute ms), one per socket. */
const receipts: Record<string, number[]> = {};
const acks: number[] = [];
let ready = 0;

for (const p of input.participants) {
  const socket = new WebSocket(`${input.ws}?token=${p.token}`, { perMessageDeflate: false });
  const seen = new Set<string>();
  const answered = new Set<string>();
  const sent = new Map<number, number>();
  let nextId = 1;
  socket.on('error', (error) => parentPort!.postMessage({ kind: 'error', message: error.message }));
  socket.on('open', () => socket.send(JSON.stringify({ op: 'subscribe', id: 0, params: { sessionId: input.sessionId, audience: `role:${p.role}` } })));
  socket.on('message', (data) => {
    const at = now();
    const frame = JSON.parse(data.toString()) as { op: string; id: number; update?: { kind: string; projection?: { injects: { id: string }[]; prompts: { id: string; options: { id: string }[] }[] } } };
    if (frame.op === 'result') {
      const start = sent.get(frame.id);
      if (start !== undefined) acks.push(at - start);
      return;
    }
    if (frame.op !== 'update' || frame.update?.kind !== 'projection') return;
    const view = frame.update.projection!;
    if (seen.size === 0 && !answered.has('__ready')) {
      answered.add('__ready');
      if (++ready === input.participants.length) parentPort!.postMessage({ kind: 'ready' });
    }
    for (const inject of view.injects) {
      if (seen.has(inject.id)) continue;
      seen.add(inject.id);
      (receipts[inject.id] ??= []).push(at);
    }
    if (!p.answers) return;
    for (const prompt of view.prompts) {
      if (answered.has(prompt.id)) continue;
      answered.add(prompt.id);
      const id = nextId++;
      // A person takes a moment to answer; spread the answers out a little.
      setTimeout(() => {
        sent.set(id, now());
        socket.send(JSON.stringify({ op: 'request', id, method: 'live.dispatch', params: { sessionId: input.sessionId, actor: `role:${p.role}`, command: { type: 'prompt.answer', prompt: prompt.id, answer: prompt.options[0]?.id ?? 'x' } } }));
      }, Math.random() * 300);
    }
  });
}

parentPort!.on('message', (message: { kind: string }) => {
  if (message.kind === 'report') parentPort!.postMessage({ kind: 'report', receipts, acks });
});
