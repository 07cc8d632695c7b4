// Session bundles on real SQLite files: export, the read-only open, and every way a file can fail
// to be a bundle.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReport } from '../../../core/report/index.ts';
import { rescoreSession } from '../../../electron/host/rescore.ts';
import { exportSessionBundle, LATEST_VERSION, openSessionBundle, StoreError, type SessionBundle } from '../../../electron/store/index.ts';
import { migration001 } from '../../../electron/store/migrations/001-initial.ts';
import { twoSessions } from './bundle-fixture.ts';
import { fileHash } from './helpers.ts';

const opened: SessionBundle[] = [];
// Closed before the helpers remove the temp folders (after-hooks run last registered first).
afterEach(() => {
  for (const b of opened.splice(0)) if (b.store.db.open) b.close();
});
function open(path: string): SessionBundle {
  const bundle = openSessionBundle(path);
  opened.push(bundle);
  return bundle;
}

function refusal(path: string): StoreError {
  try {
    open(path);
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error(`${path} opened as a bundle`);
}

/** A copy of a good bundle changed with plain SQL, as someone editing it by hand would. */
function tampered(source: string, target: string, sql: string): string {
  copyFileSync(source, target);
  const db = new Database(target);
  db.exec(sql);
  db.close();
  return target;
}

describe('exportSessionBundle and openSessionBundle', () => {
  it('round trip: the debrief re-scored from the bundle is the one from the source file', async () => {
    const { dir, store, kept } = await twoSessions();
    const out = join(dir, 'kept.drillbook');
    const marker = exportSessionBundle(store, kept.id, out, { appVersion: '9.8.7', now: () => 1_800_000_000_000 });
    expect(marker).toMatchObject({ kind: 'drillbook/session-bundle@1', sessionId: kept.id, appVersion: '9.8.7', exportedAt: 1_800_000_000_000, schemaVersion: LATEST_VERSION });

    const bundle = open(out);
    expect(bundle.marker).toEqual(marker);
    expect(bundle.events).toEqual(store.events.load(kept.id));
    expect(bundle.events.length).toBe(marker.eventCount);
    expect(bundle.plan).toEqual(store.improvements.list(kept.id));
    expect(bundle.plan[0]?.issue).toContain(kept.canary);
    expect(bundle.session).toEqual(store.sessions.get(kept.id));

    const fromSource = rescoreSession(store, kept.id);
    const fromBundle = rescoreSession(bundle.store, kept.id);
    expect(fromBundle).toEqual(fromSource);
    expect(renderReport(fromBundle, 'json', {})).toBe(renderReport(fromSource, 'json', {}));
    expect(fromBundle.improvement_plan.length).toBe(1);
  });

  it('holds only that session: nothing of the other session is in the file', async () => {
    const { dir, store, kept, other } = await twoSessions();
    const out = join(dir, 'kept.drillbook');
    exportSessionBundle(store, kept.id, out);
    const bytes = readFileSync(out).toString('latin1');
    expect(bytes).toContain(kept.canary);
    expect(bytes).not.toContain(other.canary);
    expect(bytes).not.toContain(other.id);
    const bundle = open(out);
    expect(bundle.store.sessions.list().map((s) => s.id)).toEqual([kept.id]);
    // One self-contained file: nothing beside it.
    expect(readdirSync(dir).filter((f) => f.includes('kept'))).toEqual(['kept.drillbook']);
  });

  it('is never written to when opened and reviewed', async () => {
    const { dir, store, kept } = await twoSessions();
    const out = join(dir, 'kept.drillbook');
    exportSessionBundle(store, kept.id, out);
    const before = fileHash(out);
    const filesBefore = readdirSync(dir).sort();
    for (let i = 0; i < 2; i++) {
      const bundle = openSessionBundle(out);
      rescoreSession(bundle.store, kept.id);
      expect(() => bundle.store.settings.set('touched', true)).toThrow();
      bundle.close();
    }
    expect(fileHash(out)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses to overwrite a file unless asked, and then replaces it whole', async () => {
    const { dir, store, kept, other } = await twoSessions();
    const out = join(dir, 'taken.drillbook');
    writeFileSync(out, 'somebody else\'s file');
    expect(() => exportSessionBundle(store, kept.id, out)).toThrow(/already exists\. Drillbook did not change it/);
    expect(readFileSync(out, 'utf8')).toBe('somebody else\'s file');

    exportSessionBundle(store, other.id, out, { overwrite: true });
    expect(open(out).session.id).toBe(other.id);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => exportSessionBundle(store, kept.id, store.path, { overwrite: true })).toThrow(/over the data file it comes from/);
  });

  it('leaves no file when the export fails', async () => {
    const { dir, store } = await twoSessions();
    const out = join(dir, 'missing.drillbook');
    expect(() => exportSessionBundle(store, 'no-such-session', out)).toThrow(/There is no session no-such-session/);
    const keptId = store.sessions.list()[0]!.id;
    let failed: unknown;
    try {
      exportSessionBundle(store, keptId, join(dir, 'no-folder', 'x.drillbook'));
    } catch (error) {
      failed = error;
    }
    expect(failed).toBeInstanceOf(StoreError);
    expect((failed as StoreError).kind).toBe('io');
    expect((failed as StoreError).message).toMatch(/could not be written .*nothing was left there/);
    expect(readdirSync(dir).filter((f) => f !== 'source.db' && !f.startsWith('source.db-'))).toEqual([]);
  });

  it('says what is wrong with a damaged, truncated, foreign or edited file, and never changes it', async () => {
    const { dir, store, kept } = await twoSessions();
    const good = join(dir, 'good.drillbook');
    exportSessionBundle(store, kept.id, good);

    const truncated = join(dir, 'truncated.drillbook');
    copyFileSync(good, truncated);
    truncateSync(truncated, Math.floor(readFileSync(good).length / 2));
    const truncatedHash = fileHash(truncated);
    expect(refusal(truncated).message).toMatch(/truncated\.drillbook is not a usable Drillbook session bundle: it is damaged or truncated .*exported again/);
    expect(fileHash(truncated)).toBe(truncatedHash);

    const garbage = join(dir, 'garbage.drillbook');
    writeFileSync(garbage, 'x'.repeat(8192));
    expect(refusal(garbage).kind).toBe('damaged');

    const empty = join(dir, 'empty.drillbook');
    writeFileSync(empty, '');
    expect(refusal(empty).message).toMatch(/the file is empty/);

    expect(refusal(join(dir, 'nowhere.drillbook')).message).toMatch(/There is no session bundle at .*nowhere\.drillbook/);

    const foreign = join(dir, 'foreign.drillbook');
    const db = new Database(foreign);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    const foreignError = refusal(foreign);
    expect(foreignError.kind).toBe('foreign');
    expect(foreignError.message).toMatch(/not one of Drillbook's/);

    store.close();
    expect(refusal(join(dir, 'source.db')).message).toMatch(/is a Drillbook data file, not a session bundle.*--session ID/);

    const edited = tampered(good, join(dir, 'edited.drillbook'), "DROP TRIGGER events_no_update; UPDATE scenarios SET source_text = source_text || '# edited'");
    expect(refusal(edited).message).toMatch(/does not match its content hash/);

    const twoInOne = tampered(good, join(dir, 'two.drillbook'), `INSERT INTO sessions (id, scenario, facilitator, created_at) SELECT 'intruder-session', scenario, 'X', 1 FROM sessions`);
    expect(refusal(twoInOne).message).toMatch(/exactly one session, this file holds 2/);

    const gap = tampered(good, join(dir, 'gap.drillbook'), 'DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq = 2');
    expect(refusal(gap).message).toMatch(/counts \d+ events, the file holds/);

    const noMarker = tampered(good, join(dir, 'unmarked.drillbook'), "UPDATE settings SET value = '{\"kind\":\"something/else\"}'");
    expect(refusal(noMarker).message).toMatch(/marker is not one this Drillbook knows/);

    const newer = tampered(good, join(dir, 'newer.drillbook'), `PRAGMA user_version = ${LATEST_VERSION + 1}`);
    const newerHash = fileHash(newer);
    const newerError = refusal(newer);
    expect(newerError.kind).toBe('newer-version');
    expect(newerError.message).toMatch(/newer version of Drillbook.*did not change it/);
    expect(fileHash(newer)).toBe(newerHash);
  });

  it('reads a bundle from an older schema through an upgraded temporary copy, leaving the file as it is', async () => {
    const { dir, store, kept } = await twoSessions();
    // A bundle as a schema-1 Drillbook would have written it.
    const old = join(dir, 'old.drillbook');
    const db = new Database(old);
    migration001.up(db);
    db.pragma('user_version = 1');
    const session = store.sessions.get(kept.id);
    const text = store.scenarios.get(session.scenario);
    db.prepare('INSERT INTO scenarios (id, scenario_id, title, source_text, content_hash, source_name, imported_at) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(text.scenarioId, text.title, text.sourceText, text.contentHash, text.sourceName, text.importedAt);
    db.prepare("INSERT INTO sessions (id, scenario, kind, facilitator, status, created_at, started_at, ended_at) VALUES (?, 1, 'live', ?, ?, ?, ?, ?)")
      .run(session.id, session.facilitator, session.status, session.createdAt, session.startedAt, session.endedAt);
    const insert = db.prepare('INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const events = store.events.load(kept.id);
    for (const e of events) insert.run(kept.id, e.seq, e.at, e.wall, e.actor, e.type, JSON.stringify(e.payload));
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 1)').run('bundle', JSON.stringify({
      kind: 'drillbook/session-bundle@1', sessionId: kept.id, exportedAt: 1, appVersion: '0.0.1', schemaVersion: 1, eventCount: events.length, contentHash: text.contentHash,
    }));
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fileHash(old);
    const copies = () => readdirSync(tmpdir()).filter((f) => f.startsWith('drillbook-old-bundle-')).length;
    const copiesBefore = copies();

    const bundle = openSessionBundle(old);
    expect(bundle.marker.schemaVersion).toBe(1);
    expect(bundle.session.seating).toBe('hot-seat');
    expect(rescoreSession(bundle.store, kept.id)).toEqual(rescoreSession(store, kept.id));
    bundle.close();
    expect(fileHash(old)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('old.drillbook'))).toEqual(['old.drillbook']);
    expect(copies()).toBe(copiesBefore);
  });
});
