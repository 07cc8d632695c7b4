// A data file with two real sessions of the quick drill, recorded through the application service
// on the SQLite store. Each session's free text carries its own canary, so a test can tell whether
// anything of the other session reached a bundle.
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createServiceStorage, openStore, type Store } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { tempDir, track } from './helpers.ts';

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export interface TwoSessions {
  dir: string;
  path: string;
  store: Store;
  /** The session to bundle, and the canary in its text. */
  kept: { id: string; canary: string };
  /** The other session, whose canary must never be in the bundle. */
  other: { id: string; canary: string };
}

async function record(bridge: InProcessBridge, timers: VirtualTimers, entryId: string, canary: string, hostile: string): Promise<string> {
  const session = await must(bridge.request('sessions.create', { entryId, facilitator: `Ada ${canary}`, participants: [{ name: `Grace ${canary}`, roles: ['ic'] }, { name: 'Linus', roles: ['eng'] }] }));
  const id = session.sessionId;
  const dispatch = (actor: 'facilitator' | `role:${string}`, command: unknown) => must(bridge.request('live.dispatch', { sessionId: id, actor, command }));
  await dispatch('facilitator', { type: 'session.start' });
  timers.advanceBy(1500);
  await dispatch('role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev1' });
  await dispatch('role:eng', { type: 'chat.post', text: `${hostile} chat ${canary}` });
  await dispatch('facilitator', { type: 'note.add', tag: 'strength', objective: 'respond', text: `Declared fast ${canary}` });
  timers.advanceBy(7000);
  await dispatch('facilitator', { type: 'session.end' });
  await must(bridge.request('debrief.savePlan', { sessionId: id, items: [
    { id: 'p1', issue: `Paging is slow ${canary}`, corrective_action: `${hostile} rotate ${canary}`, owner: 'Linus', due: '2026-12-01', objective: 'respond' },
  ] }));
  return id;
}

export async function twoSessions(): Promise<TwoSessions> {
  const dir = tempDir();
  const path = join(dir, 'source.db');
  const store = track(openStore(path, { backupOnOpen: false }));
  const timers = new VirtualTimers(0);
  let n = 0;
  const app = new AppService({ storage: createServiceStorage(store), timers, wall: () => 1_790_000_000_000 + timers.now(), newId: () => `session-${(++n).toString().padStart(4, '0')}-0123456789` });
  const bridge = new InProcessBridge(app);
  const entry = await must(bridge.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO }));
  const keptId = await record(bridge, timers, entry.entryId, 'CANARY-KEPT-7f3a', '<img src=x onerror=alert(1)>');
  const otherId = await record(bridge, timers, entry.entryId, 'CANARY-OTHER-91c2', '=HYPERLINK("http://x")');
  app.dispose();
  return { dir, path, store, kept: { id: keptId, canary: 'CANARY-KEPT-7f3a' }, other: { id: otherId, canary: 'CANARY-OTHER-91c2' } };
}
