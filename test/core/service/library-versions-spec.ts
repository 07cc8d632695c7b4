// The versions of a library entry through the Bridge, on any storage: run by
// library-versions.test.ts on memory storage and by test/electron/store/library-versions.test.ts on a
// real SQLite file, so both keep the same history the same way.
import { expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { AuthorDocument } from '../../../core/author/document.ts';
import { blankTemplate } from '../../../core/author/templates.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { contentHash } from '../../../core/service/hash.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import type { ServiceStorage } from '../../../core/service/storage.ts';

export async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function serviceOn(storage: ServiceStorage) {
  const timers = new VirtualTimers(0);
  let n = 0;
  const app = new AppService({ storage, timers, wall: () => 1_790_000_000_000 + timers.now(), newId: () => `entry-${++n}-000000` });
  return { app, timers, bridge: new InProcessBridge(app) };
}

/** Three versions of the blank beginner scenario: v2 moves the alert, v3 changes the answer, the title and adds a role. */
export function threeVersions(): [string, string, string] {
  const v1 = blankTemplate('beginner').text;
  const doc = AuthorDocument.open(v1);
  doc.setTrigger('first-alert', { at: '3m' });
  const v2 = doc.toString();
  doc.set(['injects', 1, 'prompts', 0, 'expect', 'best'], ['sev1']);
  doc.set(['injects', 1, 'prompts', 0, 'expect', 'acceptable'], ['sev2']);
  doc.set(['title'], 'Payments outage');
  doc.add('role', { id: 'comms', title: 'Communications lead' });
  const v3 = doc.toString();
  return [v1, v2, v3];
}

export function versionsSpec(makeStorage: () => ServiceStorage): void {
  it('keeps every save as a version, lists them, diffs them, restores one as a new version; a session keeps the text it ran', async () => {
    const storage = makeStorage();
    const { bridge, timers } = serviceOn(storage);
    const [v1, v2, v3] = threeVersions();
    const first = await must(bridge.request('library.save', { fileName: 'payments.yaml', text: v1, note: 'First draft' }));
    expect(first).toMatchObject({ version: 1, ready: true, errors: [], contentHash: contentHash(v1), note: 'First draft' });
    const entryId = first.entryId;
    timers.advanceBy(60_000);
    await must(bridge.request('library.save', { entryId, fileName: 'payments.yaml', text: v2, note: 'Alert a minute later' }));
    const session = await must(bridge.request('sessions.create', { entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['lead'] }] }));
    timers.advanceBy(60_000);
    await must(bridge.request('library.save', { entryId, fileName: 'payments.yaml', text: v3, note: '' }));

    const versions = await must(bridge.request('library.versions', { entryId }));
    expect(versions).toEqual([
      { version: 1, fileName: 'payments.yaml', contentHash: contentHash(v1), savedAt: 1_790_000_000_000, note: 'First draft', ready: true, sessionIds: [] },
      { version: 2, fileName: 'payments.yaml', contentHash: contentHash(v2), savedAt: 1_790_000_060_000, note: 'Alert a minute later', ready: true, sessionIds: [session.sessionId] },
      { version: 3, fileName: 'payments.yaml', contentHash: contentHash(v3), savedAt: 1_790_000_120_000, note: '', ready: true, sessionIds: [] },
    ]);
    expect((await must(bridge.request('library.version', { entryId, version: 2 }))).text).toBe(v2);

    const diff = await must(bridge.request('library.diff', { entryId, from: 1, to: 3 }));
    expect(diff.changes.map((c) => c.text)).toEqual([
      'title "New beginner scenario" → "Payments outage"',
      "role 'comms' added",
      "inject 'first-alert': time 2:00 → 3:00",
      "prompt 'severity': best option sev2 → sev1",
      "prompt 'severity': acceptable options sev1 → sev2",
    ]);
    expect((await must(bridge.request('library.diff', { entryId, from: 3, to: 3 }))).changes).toEqual([]);

    const restored = await must(bridge.request('library.restore', { entryId, version: 1 }));
    expect(restored).toMatchObject({ version: 4, note: 'Restored version 1', contentHash: contentHash(v1), ready: true });
    expect((await must(bridge.request('library.version', { entryId, version: 4 }))).text).toBe(v1);
    expect((await must(bridge.request('library.versions', { entryId }))).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    // The library lists the restored text; the session still runs v2, whatever was saved after it.
    expect((await must(bridge.request('library.get', { entryId }))).text).toBe(v1);
    const opened = await must(bridge.request('sessions.open', { sessionId: session.sessionId }));
    expect(opened.entryId).toBe(entryId);
    const sessions = await must(bridge.request('sessions.compare', { sessionIds: [session.sessionId] }));
    expect(sessions.runs[0]?.contentHash).toBe(contentHash(v2));
    expect(storage.sessions.get(session.sessionId)).toMatchObject({ entryId, scenarioText: v2, contentHash: contentHash(v2) });
  });

  it('keeps a draft with errors as a version that is not ready, without replacing what the library lists and runs', async () => {
    const { bridge } = serviceOn(makeStorage());
    const [v1] = threeVersions();
    const first = await must(bridge.request('library.save', { fileName: 'draft.yaml', text: v1 }));
    const broken = v1.replace('duration: 30m', 'duration: half an hour');
    const draft = await must(bridge.request('library.save', { entryId: first.entryId, fileName: 'draft.yaml', text: broken, note: 'wip' }));
    expect(draft).toMatchObject({ version: 2, ready: false });
    expect(draft.errors[0]).toMatchObject({ path: 'duration' });
    expect((await must(bridge.request('library.get', { entryId: first.entryId }))).text).toBe(v1);
    expect((await must(bridge.request('library.version', { entryId: first.entryId, version: 2 }))).text).toBe(broken);
    const diff = await bridge.request('library.diff', { entryId: first.entryId, from: 1, to: 2 });
    expect(!diff.ok && diff.error.message).toMatch(/^Version 2 has errors, so it cannot be compared/);
    // A new entry whose first save has errors exists in its versions only, until a ready save.
    const lone = await must(bridge.request('library.save', { fileName: 'lone.yaml', text: broken }));
    expect(lone).toMatchObject({ version: 1, ready: false });
    expect((await must(bridge.request('library.list', {}))).map((e) => e.entryId)).toEqual([first.entryId]);
    const fixed = await must(bridge.request('library.save', { entryId: lone.entryId, fileName: 'lone.yaml', text: v1 }));
    expect(fixed).toMatchObject({ version: 2, ready: true });
    expect((await must(bridge.request('library.list', {}))).map((e) => e.entryId)).toEqual([first.entryId, lone.entryId]);
  });

  it('refuses an unknown entry or version and a change to a shipped file with a clear message', async () => {
    const { bridge } = serviceOn(makeStorage());
    const [v1] = threeVersions();
    const first = await must(bridge.request('library.save', { fileName: 'a.yaml', text: v1 }));
    const missing = await bridge.request('library.version', { entryId: first.entryId, version: 5 });
    expect(!missing.ok && missing.error.message).toBe(`The scenario '${first.entryId}' has no version 5: it has 1 (1 to 1).`);
    const unknown = await bridge.request('library.save', { entryId: 'nobody', fileName: 'a.yaml', text: v1 });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    const noEntry = await bridge.request('library.versions', { entryId: 'nobody' });
    expect(!noEntry.ok && noEntry.error.code).toBe('not-found');
  });
}
