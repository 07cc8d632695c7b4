// The crash test: a child process runs a live session on real time through the product's own path
// (ServiceHost over the data file, the AppService driven with the UI's Bridge requests) and prints
// each decision as the service acknowledges it; we kill it with SIGKILL at a random moment, 20
// times. After each kill the file must pass integrity_check, hold every acknowledged decision, have
// delivered no inject twice, and the next process must bring the session back through ServiceHost's
// start-up recovery, paused at its last exercise time, and resume it.
// The kill times come from a seeded generator; the seed is printed, and DRILLBOOK_CRASH_SEED=N
// replays a run with the same kill times.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seededRandom, testSeed } from '../fixtures/seeded-random.ts';
import { tempDir } from '../electron/store/helpers.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROUNDS = 20;
const SEED = testSeed('DRILLBOOK_CRASH_SEED');

interface Round {
  lines: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child until it has said `ready` lines, then kills it after a random delay. */
function runAndKill(db: string, label: string, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, label], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      if (!armed && lines.some((l) => l.startsWith('SESSION') || l === 'RESUMED')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    // Only complete lines count: a line cut by the kill was not fully acknowledged.
    child.on('close', (_code, signal) => resolve({ lines, signal, stderr }));
  });
}

const eventRow = z.object({ session: z.string(), seq: z.number(), at_ms: z.number(), type: z.string(), payload: z.string() });

/**
 * Checks a copy of the file as the kill left it (with its -wal and -shm), so that the next child
 * process opens the crashed file itself, not one we tidied up.
 */
function inspect(db: string) {
  const dir = tempDir();
  const copy = join(dir, 'copy.db');
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) copyFileSync(db + suffix, copy + suffix);
  const conn = new Database(copy);
  try {
    const integrity = conn.pragma('integrity_check', { simple: true });
    const events = conn.prepare('SELECT session, seq, at_ms, type, payload FROM events ORDER BY session, seq').all().map((r) => eventRow.parse(r));
    const sessions = conn.prepare('SELECT id FROM sessions').pluck().all();
    return { integrity, events, sessions };
  } finally {
    conn.close();
  }
}

describe('crash test', () => {
  it(`survives ${ROUNDS} SIGKILLs at random moments`, async () => {
    const db = join(tempDir(), 'crash.db');
    const acknowledged = new Map<number, string>();
    let sessionId: string | undefined;
    let deliveredBefore = 0;
    const random = seededRandom(SEED);
    console.log(`crash test: kill times seeded with ${SEED} (replay: DRILLBOOK_CRASH_SEED=${SEED})`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const delay = 20 + Math.floor(random() * 380);
      const result = await runAndKill(db, `r${round}`, delay);
      expect(result.signal, `seed ${SEED}, round ${round} should end by our SIGKILL; stderr: ${result.stderr}`).toBe('SIGKILL');

      const first = result.lines[0] ?? '';
      if (round === 1) {
        expect(first).toMatch(/^SESSION \S+$/);
        sessionId = first.split(' ')[1];
      } else {
        // The previous process died with the session running: it came back paused, then resumed.
        expect(first, `seed ${SEED}, round ${round}`).toMatch(new RegExp(`^RECOVERED ${sessionId} paused \\d+$`));
        expect(result.lines[1]).toBe('RESUMED');
      }
      for (const line of result.lines.filter((l) => l.startsWith('ACK '))) {
        const [, seq, type] = line.split(' ');
        acknowledged.set(Number(seq), type as string);
      }

      const { integrity, events, sessions } = inspect(db);
      expect(integrity, `seed ${SEED}, round ${round}`).toBe('ok');
      // One session all along: each new process recovered it rather than starting another.
      expect(sessions).toEqual([sessionId]);
      expect(new Set(events.map((e) => e.session))).toEqual(new Set([sessionId]));
      // Every acknowledged decision is in the file, with the type that was acknowledged.
      const bySeq = new Map(events.map((e) => [e.seq, e]));
      for (const [seq, type] of acknowledged) expect(bySeq.get(seq)?.type, `seed ${SEED}, round ${round}: acknowledged event ${seq}`).toBe(type);
      // The log is dense and no inject was delivered twice.
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const delivered = events.filter((e) => e.type === 'inject.delivered').map((e) => z.object({ inject: z.string() }).parse(JSON.parse(e.payload)).inject);
      expect(new Set(delivered).size, `seed ${SEED}, round ${round}: deliveries ${delivered.join(',')}`).toBe(delivered.length);
      // Recovery counted no downtime: each `session.recovered` sits at the exercise time of the event
      // before it, or later where the clock note (taken every 2 s of real time) saw the clock run on;
      // the session it brought back was paused for that reason, at that same time.
      events.forEach((e, i) => {
        if (e.type !== 'session.recovered') return;
        const before = events[i - 1]?.at_ms ?? 0;
        expect(e.at_ms).toBeGreaterThanOrEqual(before);
        expect(events[i + 1]).toMatchObject({ type: 'session.paused', at_ms: e.at_ms, payload: JSON.stringify({ reason: 'recovered' }) });
      });
      if (round > 1) {
        const recoveries = events.filter((e) => e.type === 'session.recovered');
        expect(recoveries).toHaveLength(round - 1);
        // The clock the recovered session showed is the time its recovery was recorded at.
        expect(Number(first.split(' ')[3])).toBe(recoveries.at(-1)?.at_ms);
      }
      deliveredBefore = delivered.length;
    }
    // The session kept moving across the kills: injects went on being delivered.
    expect(deliveredBefore).toBeGreaterThan(ROUNDS / 2);
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
  }, 300_000);
});
