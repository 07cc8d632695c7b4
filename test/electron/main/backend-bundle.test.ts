// The desktop backend opens a session bundle (what "Open Session Bundle…" does after its dialog):
// a real bundle exported from a real data file, reviewed read-only through the Bridge, exported
// again, and never written to.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeResult, SessionDetail } from '../../../core/protocol/bridge.ts';
import { renderReport } from '../../../core/report/index.ts';
import { rescoreSession } from '../../../electron/host/rescore.ts';
import { ServiceHost } from '../../../electron/host/service-host.ts';
import { openDesktopBackend, type DesktopBackend } from '../../../electron/main/backend.ts';
import { exportSessionBundle, isSessionBundle, openSessionBundle, openStore } from '../../../electron/store/index.ts';
import { twoSessions } from '../store/bundle-fixture.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const backends: DesktopBackend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
});

function backend(): DesktopBackend & { printed: string[] } {
  const printed: string[] = [];
  const b = openDesktopBackend({
    userData: tempDir(),
    scenariosDir: join(import.meta.dirname, '..', '..', '..', 'scenarios'),
    host: { backups: false, watch: false },
    printPdf: async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 printed');
    },
    onError: () => undefined,
  });
  backends.push(b);
  return Object.assign(b, { printed });
}

function value<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the desktop backend opens a session bundle', () => {
  it('read-only: the debrief and every export as from the source, every change refused, the file untouched', async () => {
    const { dir, store, kept, other } = await twoSessions();
    const path = join(dir, 'kept.drillbook');
    exportSessionBundle(store, kept.id, path);
    const expected = rescoreSession(store, kept.id);
    const before = fileHash(path);
    const app = backend();

    const detail: SessionDetail = value(await app.openBundle(path));
    expect(detail).toMatchObject({ readOnly: true, sourceSessionId: kept.id, status: 'ended', scenarioId: 'quick-drill', facilitator: `Ada ${kept.canary}` });
    expect(detail.sessionId).not.toBe(kept.id);
    expect(detail.eventCount).toBe(store.events.load(kept.id).length);
    const id = detail.sessionId;

    expect(value(await app.bridge.request('debrief.get', { sessionId: id }))).toEqual(expected);
    expect(value(await app.bridge.request('sessions.open', { sessionId: id }))).toEqual(detail);
    const html = value(await app.bridge.request('report.export', { sessionId: id, format: 'html' }));
    expect(html.content).toBe(renderReport(expected, 'html', {}));
    expect(html.fileName).toContain(kept.id);
    const md = value(await app.bridge.request('report.export', { sessionId: id, format: 'md', anonymize: true, includeNotes: false }));
    expect(md.content).toBe(renderReport(expected, 'md', { anonymize: true, includeNotes: false }));
    const pdf = value(await app.bridge.request('report.export', { sessionId: id, format: 'pdf' }));
    expect(pdf.encoding).toBe('base64');
    expect(app.printed).toEqual([renderReport(expected, 'html', {})]);
    const replay = value(await app.bridge.request('live.replay', { sessionId: id, audience: 'room', seq: 3 }));
    expect(replay).toBeTruthy();

    const refusals = await Promise.all([
      app.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'note.add', tag: 'strength', text: 'late note' } }),
      app.bridge.request('debrief.savePlan', { sessionId: id, items: [] }),
      app.bridge.request('debrief.saveHotwash', { sessionId: id, answers: [{ index: 0, answer: 'x' }] }),
      app.bridge.request('debrief.rate', { sessionId: id, objective: 'respond', rating: 'U', reason: 'changed my mind' }),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringContaining('opened from a session bundle and is read-only') } });
    expect(value(await app.bridge.request('debrief.get', { sessionId: id }))).toEqual(expected);

    // Not added to this machine's data file, and the bundle itself never written.
    expect(value(await app.bridge.request('sessions.list', {})).map((s) => s.sessionId)).not.toContain(id);
    await app.close();
    const own = openStore(app.path, { readonly: true });
    expect(own.sessions.list()).toEqual([]);
    own.close();
    // Nor does it become anyone's working data file (drillbook serve --db kept.drillbook).
    expect(isSessionBundle(path)).toBe(true);
    expect(isSessionBundle(app.path)).toBe(false);
    expect(() => new ServiceHost(path, { backups: false, watch: false })).toThrow(/is a session bundle, which is only ever read: review it in a browser with `drillbook serve --review /);
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('kept.drillbook'))).toEqual(['kept.drillbook']);
    expect(readdirSync(dir)).not.toContain('backups');

    // Opening another session's bundle in the same app sits beside the first.
    const second = backend();
    const otherPath = join(dir, 'other.drillbook');
    exportSessionBundle(store, other.id, otherPath);
    const a = value(await second.openBundle(path));
    const b = value(await second.openBundle(otherPath));
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(value(await second.bridge.request('debrief.get', { sessionId: b.sessionId })).session.id).toBe(other.id);
  });

  it('answers a damaged or foreign file with what is wrong', async () => {
    const dir = tempDir();
    const app = backend();
    const junk = join(dir, 'junk.drillbook');
    writeFileSync(junk, 'not a database '.repeat(100));
    expect(await app.openBundle(junk)).toMatchObject({ ok: false, error: { code: 'invalid-bundle', message: expect.stringMatching(/junk\.drillbook is not a usable Drillbook session bundle/) } });
    expect(await app.openBundle(app.path)).toMatchObject({ ok: false, error: { code: 'invalid-bundle', message: expect.stringContaining('is a Drillbook data file, not a session bundle') } });
  });

  it('exports a session of its own data file as a bundle that another copy opens to the same debrief', async () => {
    const dir = tempDir();
    const first = backend();
    const entry = value(await first.bridge.request('library.list', {})).find((e) => e.scenarioId === 'model-latency-slo')!;
    const session = value(await first.bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Fran', participants: [{ name: 'Ines', roles: entry.roles.map((r) => r.id) }] }));
    const id = session.sessionId;
    value(await first.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } }));
    value(await first.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'note.add', tag: 'improvement', text: 'Paging took long' } }));
    value(await first.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } }));
    value(await first.bridge.request('debrief.savePlan', { sessionId: id, items: [{ id: 'p1', issue: 'Paging', corrective_action: 'Rotate', owner: 'Ines', due: '', objective: null }] }));
    const expected = value(await first.bridge.request('debrief.get', { sessionId: id }));

    const exported = value(await first.bridge.request('report.export', { sessionId: id, format: 'bundle' }));
    expect(exported).toMatchObject({ format: 'bundle', fileName: `model-latency-slo-${id}.drillbook`, encoding: 'base64', mime: 'application/vnd.sqlite3' });
    const path = join(dir, exported.fileName);
    writeFileSync(path, Buffer.from(exported.content, 'base64'));
    const check = openSessionBundle(path);
    expect(check.session.id).toBe(id);
    check.close();
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

    const second = backend();
    const review = value(await second.openBundle(path));
    // The same debrief, less the register's standing of each plan item: that is the tracking in the
    // data file the session was run from (issue 18), which a bundle of the session does not carry.
    expect(expected.improvement_plan[0]?.register).toMatchObject({ status: 'open' });
    const withoutRegister = { ...expected, improvement_plan: expected.improvement_plan.map(({ register: _register, ...item }) => item) };
    expect(value(await second.bridge.request('debrief.get', { sessionId: review.sessionId }))).toEqual(withoutRegister);

    // The options that would change a report cannot quietly apply to the session itself.
    expect(await first.bridge.request('report.export', { sessionId: id, format: 'bundle', anonymize: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await first.bridge.request('report.export', { sessionId: id, format: 'bundle', includeNotes: false })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await second.bridge.request('report.export', { sessionId: review.sessionId, format: 'bundle' })).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('share that file itself') } });
    expect(readdirSync(dir)).toEqual([exported.fileName]);
  });
});
