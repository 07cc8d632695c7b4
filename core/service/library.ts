// The scenario library: shipped files (read-only, loaded at start) and imported copies (kept in
// storage with their exact text). Every text goes through the loader, which reports located
// errors; a stored text that no longer loads is left out of the list, never thrown at the user.
//
// Versions: every save of an entry (an import, a duplicate, an author's save, a restore) appends a
// numbered version with its text, content hash, time and note; history is append-only. A text with
// errors is saved too, as a draft (ready: false), so that nothing typed is lost, but the entry keeps
// listing, and sessions keep starting from, its latest ready version. A session keeps the exact text
// it started from (its own copy and hash), so later versions never change what it ran.
import { loadScenario } from '../scenario/load.ts';
import { lintScenarioText, type LintFinding } from '../scenario/lint/index.ts';
import type { Scenario } from '../scenario/types.ts';
import {
  fail, ok, type BridgeResult, type ImportedEntry, type LibraryEntry, type LibraryEntryDetail, type LibraryVersion, type SavedVersion, type VersionDiff, type VersionText,
} from '../protocol/bridge.ts';
import { AuthorDocument, freeId } from '../author/document.ts';
import { diffScenarios } from '../author/diff.ts';
import { contentHash } from './hash.ts';
import type { ScenarioStorage, StoredScenario, StoredVersion } from './storage.ts';

export interface ShippedScenario {
  fileName: string;
  text: string;
}

interface Loaded {
  stored: StoredScenario;
  scenario: Scenario;
}

function entryOf({ stored, scenario }: Loaded): LibraryEntry {
  return {
    entryId: stored.entryId,
    scenarioId: scenario.id,
    title: scenario.title,
    level: scenario.level,
    duration_s: scenario.duration,
    summary: scenario.summary,
    tags: [...scenario.tags],
    source: stored.source,
    fileName: stored.fileName,
    contentHash: stored.contentHash,
    roles: scenario.roles.map((r) => ({ id: r.id, title: r.title })),
    injectCount: scenario.injects.length,
    importedAt: stored.importedAt,
  };
}

export class Library {
  private readonly shipped = new Map<string, Loaded>();
  /** Parsed imported texts by content hash: parsing is the expensive part. */
  private readonly parsed = new Map<string, Scenario>();
  /** drillbook lint's findings by content hash: a preview shows them, and a text never changes. */
  private readonly linted = new Map<string, LintFinding[]>();

  constructor(
    private readonly storage: ScenarioStorage,
    shipped: readonly ShippedScenario[],
    private readonly newId: () => string,
    private readonly wall: () => number,
    private readonly onBadShipped: (fileName: string, message: string) => void = () => {},
  ) {
    for (const file of shipped) {
      const result = loadScenario(file.text, file.fileName);
      if (!result.ok) {
        onBadShipped(file.fileName, result.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('; '));
        continue;
      }
      const entryId = `shipped-${result.value.id}`;
      this.shipped.set(entryId, {
        scenario: result.value,
        stored: { entryId, source: 'shipped', fileName: file.fileName, text: file.text, contentHash: contentHash(file.text), importedAt: null },
      });
    }
  }

  private loadStored(stored: StoredScenario): Scenario | null {
    const cached = this.parsed.get(stored.contentHash);
    if (cached) return cached;
    const result = loadScenario(stored.text, stored.fileName);
    if (!result.ok) return null;
    this.parsed.set(stored.contentHash, result.value);
    return result.value;
  }

  /** The entry with its parsed scenario, or null when there is none. */
  find(entryId: string): Loaded | null {
    const shipped = this.shipped.get(entryId);
    if (shipped) return shipped;
    const stored = this.storage.get(entryId);
    if (!stored) return null;
    const scenario = this.loadStored(stored);
    return scenario ? { stored, scenario } : null;
  }

  list(): LibraryEntry[] {
    const imported: Loaded[] = [];
    for (const stored of this.storage.list()) {
      const scenario = this.loadStored(stored);
      if (scenario) imported.push({ stored, scenario });
    }
    imported.sort((a, b) => (a.stored.importedAt ?? 0) - (b.stored.importedAt ?? 0));
    return [...this.shipped.values(), ...imported].map(entryOf);
  }

  get(entryId: string): BridgeResult<LibraryEntryDetail> {
    const found = this.find(entryId);
    if (!found) return fail('not-found', `There is no scenario '${entryId}' in the library. It may have been removed; reload the library.`);
    return ok({ ...entryOf(found), scenario: found.scenario, text: found.stored.text, lint: this.lintOf(found.stored) });
  }

  private lintOf(stored: StoredScenario): LintFinding[] {
    let findings = this.linted.get(stored.contentHash);
    if (!findings) {
      findings = lintScenarioText(stored.text, stored.fileName).findings;
      this.linted.set(stored.contentHash, findings);
    }
    return findings;
  }

  /** A refused file comes back with its errors and then what the lint still finds in its text. */
  import(fileName: string, text: string): BridgeResult<ImportedEntry> {
    const result = lintScenarioText(text, fileName);
    if (!result.ok) {
      const n = result.errors.length;
      return fail('invalid-scenario', `${fileName} is not a valid Drillbook scenario: ${n} error${n === 1 ? '' : 's'}. Fix ${n === 1 ? 'it' : 'them'} in the file and import it again.`, result.errors, result.findings);
    }
    const stored: StoredScenario = { entryId: this.newId(), source: 'imported', fileName, text, contentHash: contentHash(text), importedAt: this.wall() };
    this.storage.save(stored, { savedAt: stored.importedAt ?? this.wall(), note: `Imported from ${fileName}`, ready: true });
    this.parsed.set(stored.contentHash, result.scenario);
    this.linted.set(stored.contentHash, result.findings);
    return ok({ ...entryOf({ stored, scenario: result.scenario }), lint: result.findings });
  }

  /**
   * A copy as a new entry: its `id:` becomes a free `<id>-copy` and its title gets " (copy)", edited
   * through the author model so every comment and the rest of the text stay as they were.
   */
  duplicate(entryId: string): BridgeResult<LibraryEntry> {
    const found = this.find(entryId);
    if (!found) return fail('not-found', `There is no scenario '${entryId}' to duplicate.`);
    const used = this.list().map((e) => e.scenarioId);
    const doc = AuthorDocument.open(found.stored.text);
    doc.set(['id'], freeId(found.scenario.id, used));
    doc.set(['title'], `${found.scenario.title} (copy)`);
    const text = doc.toString();
    const base = found.stored.fileName.replace(/\.ya?ml$/i, '');
    const saved = this.saveText(this.newId(), `${base} (copy).yaml`, text, `Duplicated from ${found.scenario.title}`, this.wall());
    const copy = this.find(saved.entryId);
    if (!copy) return fail('invalid-scenario', `The copy of '${found.scenario.title}' does not load: ${saved.errors.map((e) => e.message).join('; ')}`, saved.errors);
    return ok(entryOf(copy));
  }

  /** The versions of a stored entry, or the one version of a shipped file. */
  private versionsOf(entryId: string): StoredVersion[] | null {
    const shipped = this.shipped.get(entryId);
    if (shipped) {
      return [{ entryId, version: 1, fileName: shipped.stored.fileName, contentHash: shipped.stored.contentHash, savedAt: 0, note: 'Shipped with Drillbook', ready: true }];
    }
    const versions = this.storage.versions(entryId);
    return versions.length > 0 ? versions : null;
  }

  private noEntry(entryId: string) {
    return fail('not-found', `There is no scenario '${entryId}' in the library. It may have been removed; reload the library.`);
  }

  /** Appends a version (creating the entry on its first), checked by the loader and the lint. */
  private saveText(entryId: string, fileName: string, text: string, note: string, importedAt: number): SavedVersion {
    const result = lintScenarioText(text, fileName);
    const hash = contentHash(text);
    const stored: StoredScenario = { entryId, source: 'imported', fileName, text, contentHash: hash, importedAt };
    const version = this.storage.save(stored, { savedAt: this.wall(), note, ready: result.ok });
    if (result.ok) this.parsed.set(hash, result.scenario);
    this.linted.set(hash, result.findings);
    return { ...this.versionOf(version, []), entryId, errors: result.ok ? [] : result.errors, lint: result.findings };
  }

  private versionOf(v: StoredVersion, sessionIds: string[]): LibraryVersion {
    const shipped = this.shipped.has(v.entryId);
    return { version: v.version, fileName: v.fileName, contentHash: v.contentHash, savedAt: shipped ? null : v.savedAt, note: v.note, ready: v.ready, sessionIds };
  }

  /**
   * Saves a text as the next version of `entryId`, or as a new entry. A text with errors is kept as
   * a draft; a shipped file is never changed (duplicate it first).
   */
  save(params: { entryId?: string | undefined; fileName: string; text: string; note: string }): BridgeResult<SavedVersion> {
    if (params.entryId === undefined) return ok(this.saveText(this.newId(), params.fileName, params.text, params.note, this.wall()));
    if (this.shipped.has(params.entryId)) return shippedIsReadOnly(params.entryId);
    const versions = this.versionsOf(params.entryId);
    if (!versions) return this.noEntry(params.entryId);
    const importedAt = this.storage.get(params.entryId)?.importedAt ?? versions[0]?.savedAt ?? this.wall();
    return ok(this.saveText(params.entryId, params.fileName, params.text, params.note, importedAt));
  }

  /** The entry's versions, oldest first, each with the sessions that ran its text (`sessionsOf`). */
  versions(entryId: string, sessionsOf: (contentHash: string) => string[]): BridgeResult<LibraryVersion[]> {
    const versions = this.versionsOf(entryId);
    if (!versions) return this.noEntry(entryId);
    return ok(versions.map((v) => this.versionOf(v, sessionsOf(v.contentHash))));
  }

  version(entryId: string, version: number): BridgeResult<VersionText> {
    const versions = this.versionsOf(entryId);
    if (!versions) return this.noEntry(entryId);
    const v = versions[version - 1];
    const text = this.shipped.get(entryId)?.stored.text ?? this.storage.versionText(entryId, version);
    if (!v || text === undefined) return noVersion(entryId, version, versions.length);
    return ok({ entryId, version, fileName: v.fileName, contentHash: v.contentHash, ready: v.ready, text });
  }

  /** The change list from one version to another; both must load (a draft with errors is compared in its text). */
  diff(entryId: string, from: number, to: number): BridgeResult<VersionDiff> {
    const scenarios: Scenario[] = [];
    for (const n of [from, to]) {
      const v = this.version(entryId, n);
      if (!v.ok) return v;
      const loaded = this.parsed.get(v.value.contentHash) ?? loadScenarioOrNull(v.value.text, v.value.fileName);
      if (!loaded) {
        return fail('invalid-scenario', `Version ${n} has errors, so it cannot be compared as a scenario. Open it to see them, or compare two ready versions.`);
      }
      this.parsed.set(v.value.contentHash, loaded);
      scenarios.push(loaded);
    }
    const [before, after] = scenarios as [Scenario, Scenario];
    return ok({ entryId, from, to, changes: diffScenarios(before, after) });
  }

  /** Appends a new version with an earlier version's text (and file name). */
  restore(entryId: string, version: number, note?: string): BridgeResult<SavedVersion> {
    if (this.shipped.has(entryId)) return shippedIsReadOnly(entryId);
    const v = this.version(entryId, version);
    if (!v.ok) return v;
    return this.save({ entryId, fileName: v.value.fileName, text: v.value.text, note: note ?? `Restored version ${version}` });
  }
}

function loadScenarioOrNull(text: string, fileName: string): Scenario | null {
  const result = loadScenario(text, fileName);
  return result.ok ? result.value : null;
}

function shippedIsReadOnly(entryId: string) {
  return fail('read-only', `'${entryId}' is a scenario shipped with Drillbook and is never changed. Duplicate it and edit the copy.`);
}

function noVersion(entryId: string, version: number, count: number) {
  return fail('not-found', `The scenario '${entryId}' has no version ${version}: it has ${count} (1 to ${count}).`);
}
