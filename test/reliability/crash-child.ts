// The process the crash test kills. It runs the product's live path: the data file given as
// argv[2] opened through ServiceHost (the desktop's and `drillbook serve`'s host), a session made
// and driven with the Bridge requests the UI sends (library.import, sessions.create, live.dispatch),
// on real time, the incident commander answering from its own pushed view. It writes one line to
// stdout for each decision the moment the service acknowledges it:
//   SESSION <id>                 a new session was created and started
//   RECOVERED <id> <status> <at> ServiceHost's start-up recovery brought the session back
//   RESUMED                      the recovered session runs again
//   ACK <seq> <type>             a decision was committed and acknowledged (the event's type)
// Lines are written with writeSync so that an acknowledged line is out before the next decision.
import { writeSync } from 'node:fs';
import type { RoleView } from '../../core/engine/projections.ts';
import type { BridgeResult } from '../../core/protocol/bridge.ts';
import { ServiceHost } from '../../electron/host/service-host.ts';
import { CRASH_SCENARIO } from './crash-scenario.ts';

const path = process.argv[2];
const label = process.argv[3] ?? 'run';
if (!path) throw new Error('usage: crash-child DB LABEL');

const say = (line: string): void => void writeSync(1, `${line}\n`);

function must<T>(result: BridgeResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${result.error.message}`);
  return result.value;
}

const host = new ServiceHost(path, { backups: { everyMs: 60_000, keep: 3 }, shipped: [], onError: (m) => process.stderr.write(`${m}\n`) });
const { service } = host;
const dispatch = (sessionId: string, actor: 'facilitator' | 'role:ic', command: unknown) => service.request('live.dispatch', { sessionId, actor, command });

let sessionId = host.recovered[0];
if (sessionId !== undefined) {
  const detail = must(await service.request('sessions.open', { sessionId }), 'sessions.open') as { status: string };
  // The facilitator's view shows where the exercise clock stands: the last event's time.
  let at = -1;
  service.subscribe({ sessionId, audience: 'facilitator' }, (u) => {
    if (u.kind === 'projection' && at < 0) at = (u.projection as { clock: { exerciseMs: number } }).clock.exerciseMs;
  })();
  say(`RECOVERED ${sessionId} ${detail.status} ${at}`);
  must(await dispatch(sessionId, 'facilitator', { type: 'session.resume' }), 'session.resume');
  say('RESUMED');
} else {
  const entry = must(await service.request('library.import', { fileName: 'crash.yaml', text: CRASH_SCENARIO }), 'library.import') as { entryId: string };
  const created = must(
    await service.request('sessions.create', { entryId: entry.entryId, facilitator: 'Crash test', participants: [{ name: 'IC', roles: ['ic'] }] }),
    'sessions.create',
  ) as { sessionId: string };
  sessionId = created.sessionId;
  for (const command of [{ type: 'session.speed', speed: 10 }, { type: 'session.start' }]) must(await dispatch(sessionId, 'facilitator', command), command.type);
  say(`SESSION ${sessionId}`);
}

const id = sessionId;
// The incident commander's screen: its view as the service pushes it.
let view: RoleView | null = null;
service.subscribe({ sessionId: id, audience: 'role:ic' }, (u) => {
  if (u.kind === 'projection') view = u.projection as RoleView;
});

let n = 0;
const decide = async (): Promise<void> => {
  n += 1;
  const text = `${label}-${n}`;
  const open = (view as RoleView | null)?.prompts.filter((p) => p.answer === null).at(-1);
  // Alternate between answering the newest open prompt on the screen and posting to the chat.
  const [command, type] = n % 2 === 0 && open !== undefined
    ? [{ type: 'prompt.answer', prompt: open.id, answer: 'yes' }, 'prompt.answered']
    : [{ type: 'chat.post', text }, 'chat.posted'];
  const result = await dispatch(id, 'role:ic', command);
  if (result.ok) say(`ACK ${(result.value as { seq: number }).seq} ${type}`);
  setTimeout(() => void decide(), 1);
};
void decide();
