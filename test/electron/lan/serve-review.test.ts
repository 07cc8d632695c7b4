// `drillbook serve --review FILE.drillbook`: a session bundle exported from a simulated session opens
// read-only in browser mode; the printed URL opens that session's debrief, which over the socket
// equals the debrief of the data file it came from, and any change is refused `read-only`.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { parseServeArgs, runServe } from '../../../electron/cli/serve.ts';
import { parseRoute } from '../../../renderer/store/route.ts';
import { RawClient } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const scenario = join(root, 'scenarios', 'model-latency-slo.yaml');
const play = join(root, 'scenarios', 'plays', 'model-latency-slo.strong.yaml');
const dir = mkdtempSync(join(tmpdir(), 'drillbook-serve-review-'));
let session = '';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { cwd: dir, out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

beforeAll(async () => {
  const made = await run('simulate', scenario, '--play', play, '--db', 'work.db', '--out', 'sim');
  expect(made.code, made.err).toBe(0);
  session = /as session (\S+)/.exec(made.out)?.[1] ?? '';
  expect(session).not.toBe('');
  const bundle = await run('report', 'work.db', '--session', session, '--format', 'bundle', '--out', 'run.drillbook');
  expect(bundle.code, bundle.err).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The debrief without the session id, which a review carries under its own id. */
function withoutId(debrief: unknown): unknown {
  const copy = structuredClone(debrief) as { session: Record<string, unknown> };
  delete copy.session.id;
  return copy;
}

describe('drillbook serve --review', () => {
  it('opens the bundle read-only at its debrief, equal to the source data file\'s', async () => {
    const bundlePath = join(dir, 'run.drillbook');
    const before = readFileSync(bundlePath);
    const mtime = statSync(bundlePath).mtimeMs;
    const expected = await run('report', 'work.db', '--session', session, '--format', 'json');
    expect(expected.code, expected.err).toBe(0);

    const c = capture();
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const options = parseServeArgs(['--review', 'run.drillbook', '--db', 'review-host.db', '--port', '0', '--no-build'], c.io);
    const serving = runServe(options, c.io, stopped);
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /Facilitator console[^:]*: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(c.out.join('\n'));
          if (match) {
            clearInterval(timer);
            resolve(new URL(match[1]!));
          }
        }, 20);
        void serving.then((code) => { clearInterval(timer); reject(new Error(`serve ended (${code}): ${c.err.join('\n')}`)); });
      });
      expect(c.out.join('\n')).toContain(`Reviewing session ${session}`);
      const route = parseRoute(url.hash);
      if (route.view !== 'debrief') throw new Error(`the URL opens ${url.hash}, not a debrief`);

      const socket = new RawClient(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`);
      await socket.opened;
      const opened = await socket.request('sessions.open', { sessionId: route.sessionId });
      expect(opened.ok, opened.error?.message).toBe(true);
      expect(opened.value).toMatchObject({ sourceSessionId: session, sessionId: route.sessionId });
      const debrief = await socket.request('debrief.get', { sessionId: route.sessionId });
      expect(debrief.ok, debrief.error?.message).toBe(true);
      expect((debrief.value as { objectives: unknown[] }).objectives.length).toBeGreaterThan(0);
      expect(withoutId(debrief.value)).toEqual(withoutId(JSON.parse(expected.out)));

      const write = await socket.request('debrief.savePlan', { sessionId: route.sessionId, items: [] });
      expect(write).toMatchObject({ ok: false, error: { code: 'read-only' } });
      socket.close();
    } finally {
      stop('SIGTERM');
    }
    expect(await serving).toBe(0);
    expect(readFileSync(bundlePath).equals(before)).toBe(true);
    expect(statSync(bundlePath).mtimeMs).toBe(mtime);
  }, 60_000);

  it('refuses a damaged or foreign bundle with the reader\'s message, exit 1', async () => {
    writeFileSync(join(dir, 'foreign.drillbook'), 'this is not a SQLite file at all, just text pretending to be one\n'.repeat(20));
    const foreign = await run('serve', '--review', 'foreign.drillbook', '--db', 'other.db', '--port', '0', '--no-build');
    expect(foreign.code).toBe(1);
    expect(foreign.err).toMatch(/foreign\.drillbook is not a usable Drillbook session bundle/);
    expect(foreign.err).not.toMatch(/\n\s+at /);

    const truncated = readFileSync(join(dir, 'run.drillbook')).subarray(0, 2048);
    writeFileSync(join(dir, 'truncated.drillbook'), truncated);
    const damaged = await run('serve', '--review', 'truncated.drillbook', '--db', 'other.db', '--port', '0', '--no-build');
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/truncated\.drillbook is not a usable Drillbook session bundle/);

    const missing = await run('serve', '--review', 'nowhere.drillbook', '--db', 'other.db', '--port', '0', '--no-build');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/There is no session bundle at .*nowhere\.drillbook/);

    const both = await run('serve', '--review', 'run.drillbook', '--scenario', scenario, '--no-build');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/give one of them/);
  });
});
