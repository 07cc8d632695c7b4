// The process the crash test kills. It runs one live session on real time in the data file given
// as argv[2] and writes one line to stdout for each decision the moment it is acknowledged:
//   SESSION <id>                 a new session was created and started
//   RECOVERED <id> <status> <at> the session came back after the previous process was killed
//   RESUMED                      the recovered session runs again
//   ACK <seq> <text>             a decision was committed and acknowledged
// Lines are written with writeSync so that an acknowledged line is out before the next decision.
import { writeSync } from 'node:fs';
import { Host } from '../../electron/host/index.ts';
import { CRASH_SCENARIO } from './crash-scenario.ts';

const path = process.argv[2];
const label = process.argv[3] ?? 'run';
if (!path) throw new Error('usage: crash-child DB LABEL');

const say = (line: string): void => void writeSync(1, `${line}\n`);

const host = new Host(path, { backups: { everyMs: 60_000, keep: 3 } });
let live = host.recoverInterrupted()[0];
if (live) {
  say(`RECOVERED ${live.sessionId} ${live.status} ${live.runtime.now()}`);
  const resumed = live.dispatch('facilitator', { type: 'session.resume' });
  if (!resumed.ok) throw new Error(`resume refused: ${resumed.rejection.message}`);
  say('RESUMED');
} else {
  live = host.createSession({ scenarioText: CRASH_SCENARIO, sourceName: 'crash.yaml', facilitator: 'Crash test', participants: [{ name: 'IC', roles: ['ic'] }] });
  for (const command of [{ type: 'session.speed', speed: 10 }, { type: 'session.start' }] as const) {
    const result = live.dispatch('facilitator', command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.message}`);
  }
  say(`SESSION ${live.sessionId}`);
}

const session = live;
let n = 0;
const decide = (): void => {
  n += 1;
  const text = `${label}-${n}`;
  const delivered = [...session.runtime.state.injects.values()].filter((i) => i.delivered).map((i) => i.id);
  const last = delivered.at(-1);
  // Alternate between answering the newest prompt and posting to the chat.
  const result =
    n % 2 === 0 && last !== undefined
      ? session.dispatch('role:ic', { type: 'prompt.answer', prompt: last.replace('tick-', 'ack-'), answer: 'yes' })
      : session.dispatch('role:ic', { type: 'chat.post', text });
  if (result.ok) for (const event of result.events) say(`ACK ${event.seq} ${event.type}`);
  setTimeout(decide, 1);
};
decide();
