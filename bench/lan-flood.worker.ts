// The flooders of bench/lan-flood.bench.ts, in a worker thread of their own (as on other devices):
// each device token holds a few sockets, posts chat as fast as its sockets take it, and reconnects
// its sockets every so often (reconnecting used to start a fresh rate limit).
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';

interface Input {
  ws: string;
  sessionId: string;
  devices: { token: string; role: string }[];
  socketsPerDevice: number;
  reconnectMs: number;
}

const input = workerData as Input;
let accepted = 0;
let refused = 0;
let stopped = false;

function open(device: Input['devices'][number]): void {
  if (stopped) return;
  const socket = new WebSocket(`${input.ws}?token=${device.token}`, { perMessageDeflate: false });
  let id = 1;
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    if (stopped || socket.readyState !== socket.OPEN) return;
    // Keep about 64 frames in flight per socket.
    if (socket.bufferedAmount < 16_384) {
      for (let i = 0; i < 64; i++) {
        socket.send(JSON.stringify({ op: 'request', id: id++, method: 'live.dispatch', params: { sessionId: input.sessionId, actor: `role:${device.role}`, command: { type: 'chat.post', text: `flood ${id}` } } }));
      }
    }
    setTimeout(pump, 5);
  };
  socket.on('error', () => {});
  socket.on('open', () => {
    pump();
    timer = setTimeout(() => socket.close(), input.reconnectMs);
  });
  socket.on('message', (data) => {
    const text = data.toString();
    if (!text.startsWith('{"op":"result"')) return;
    if (text.includes('"ok":true')) accepted++;
    else refused++;
  });
  socket.on('close', () => {
    clearTimeout(timer);
    setTimeout(() => open(device), 20);
  });
}

for (const device of input.devices) for (let i = 0; i < input.socketsPerDevice; i++) open(device);

parentPort!.on('message', (m: { kind: string }) => {
  if (m.kind !== 'stop') return;
  stopped = true;
  parentPort!.postMessage({ kind: 'report', accepted, refused });
});
