// Issue 16, LAN: what got through the first hardening. Real server on 127.0.0.1; other addresses
// of the loopback network (127.0.0.2, ...) stand in for other devices in the room.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyedBuckets } from '../../../electron/lan/rate-limit.ts';
import type { LanLimits } from '../../../electron/lan/server.ts';
import { lanSession, must, RawClient, startLan, type Joined, type Lan } from './helpers.ts';

let lan: Lan | undefined;
afterEach(async () => {
  await lan?.close();
  lan = undefined;
});

async function setUp(limits: Partial<LanLimits>): Promise<{ lan: Lan; sessionId: string; code: string }> {
  lan = await startLan(limits);
  const sessionId = await lanSession(lan);
  const code = (await must(lan.server.openLobby(sessionId))).code;
  return { lan, sessionId, code };
}

/** POST JSON from a given local address (another device, as far as the server can tell). */
function postFrom(server: Lan, from: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = httpRequest({
      host: '127.0.0.1', port: server.server.port, path, method: 'POST', localAddress: from,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Raw bytes to the server; resolves with what came back and when the server closed. */
function raw(server: Lan, write: (send: (text: string) => void) => void): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(server.server.port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }));
    socket.on('connect', () => write((text) => socket.writable && socket.write(text)));
  });
}

describe('wrong codes (item 4)', () => {
  it('the table stays bounded and keeps an offender that is still trying, however many fresh addresses come', () => {
    let now = 0;
    const buckets = new KeyedBuckets({ capacity: 3, perSecond: 0.01, now: () => now });
    for (let i = 0; i < 3; i++) buckets.take('offender');
    expect(buckets.take('offender')).toBe(false);
    for (let i = 0; i < 25_000; i++) {
      buckets.take(`fresh-${i}`);
      if (i % 1000 === 0) buckets.take('offender');
      now += 1;
    }
    expect(buckets.size).toBeLessThanOrEqual(10_000);
    expect(buckets.retryAfterSeconds('offender')).toBeGreaterThan(0);
  });

  it('past the ceiling per lobby, every code gets 429 (the right one too) and the facilitator is told', async () => {
    const { lan, sessionId, code } = await setUp({ wrongCodes: { capacity: 100, perSecond: 1 }, wrongCodesPerLobbyPerMinute: 5 });
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) expect((await postFrom(lan, `127.0.0.${10 + i}`, '/api/lobby', { code: wrong })).status).toBe(404);
    const right = await postFrom(lan, '127.0.0.99', '/api/lobby', { code });
    expect(right.status).toBe(429);
    expect(String(right.body.error)).toMatch(/on this network/);
    const status = await must(lan.server.lobbyStatus(sessionId));
    expect(status?.wrongCodeCeilingAt).toEqual(expect.any(Number));
  });
});

describe('headers (items 5 and 7)', () => {
  it('refuses a request with two Host headers, or two Origins', async () => {
    const { lan } = await setUp({});
    const port = lan.server.port;
    const twoHosts = await raw(lan, (send) => send(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: attacker.example\r\nConnection: close\r\n\r\n`));
    expect(twoHosts.reply).toMatch(/^HTTP\/1\.1 400/);
    const twoOrigins = await raw(lan, (send) => send(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nOrigin: http://attacker.example\r\nConnection: close\r\n\r\n`));
    expect(twoOrigins.reply).toMatch(/^HTTP\/1\.1 400/);
    const one = await raw(lan, (send) => send(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    expect(one.reply).toMatch(/^HTTP\/1\.1 200/);
  });

  it('drops a connection that sends its headers slowly once the header timeout has passed', async () => {
    const { lan } = await setUp({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    let timer: NodeJS.Timeout | undefined;
    const slow = await raw(lan, (send) => {
      send('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      timer = setInterval(() => send('X-Slow: a\r\n'), 100);
    });
    clearInterval(timer);
    // Without a short checking interval Node looks only every 30 s.
    expect(slow.closedAfterMs).toBeLessThan(5_000);
  }, 40_000);
});

describe('messages (item 6)', () => {
  it('a device token keeps its rate limit across reconnections, and a lobby has its own', async () => {
    const { lan, sessionId, code } = await setUp({ participantRate: { capacity: 4, perSecond: 0.01 }, lobbyRate: { capacity: 6, perSecond: 0.01 } });
    await must(lan.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
    const join = async (name: string, seat: string) => (await postFrom(lan, '127.0.0.1', '/api/join', { code, name, seat })).body as unknown as Joined;
    const chat = (client: RawClient, seat: string, text: string) => client.request('live.dispatch', { sessionId, actor: seat, command: { type: 'chat.post', text } });
    const ann = await join('Ann', 'role:alpha');
    let first = RawClient.token(lan, ann.token);
    await first.opened;
    for (let i = 0; i < 4; i++) expect((await chat(first, 'role:alpha', `a${i}`)).ok).toBe(true);
    expect((await chat(first, 'role:alpha', 'over')).error?.code).toBe('rate-limited');
    first.close();
    await first.closed;
    first = RawClient.token(lan, ann.token);
    await first.opened;
    expect((await chat(first, 'role:alpha', 'fresh socket')).error?.code).toBe('rate-limited');
    first.close();
    // Bob has his own four, but the lobby only two more.
    const bob = await join('Bob', 'role:bravo');
    const second = RawClient.token(lan, bob.token);
    await second.opened;
    expect((await chat(second, 'role:bravo', 'b0')).ok).toBe(true);
    expect((await chat(second, 'role:bravo', 'b1')).ok).toBe(true);
    expect((await chat(second, 'role:bravo', 'b2')).error?.code).toBe('rate-limited');
    second.close();
  });
});

describe('devices (item 8)', () => {
  it('caps devices per address and shows the facilitator a join surge', async () => {
    const { lan, sessionId, code } = await setUp({ lobby: { devicesPerAddress: 3, surgeJoinsPerMinute: 4 } });
    for (let i = 0; i < 3; i++) expect((await postFrom(lan, '127.0.0.5', '/api/join', { code, name: `Bot ${i}`, seat: 'room' })).status).toBe(200);
    const fourth = await postFrom(lan, '127.0.0.5', '/api/join', { code, name: 'Bot 3', seat: 'room' });
    expect(fourth.status).toBe(429);
    expect(String(fourth.body.error)).toMatch(/Too many devices have joined from this network address/);
    expect((await postFrom(lan, '127.0.0.6', '/api/join', { code, name: 'Ann', seat: 'role:alpha' })).status).toBe(200);
    const status = await must(lan.server.lobbyStatus(sessionId));
    expect(status?.participants).toHaveLength(4);
    expect(status?.surge).toEqual({ joined: 4, refused: 1, busiestAddress: { address: '127.0.0.5', devices: 3 } });
  });
});
