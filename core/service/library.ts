// The scenario library: shipped files (read-only, loaded at start) and imported copies (kept in
// storage with their exact text). Every text goes through the loader, which reports located
// errors; a stored text that no longer loads is left out of the list, never thrown at the user.
import { loadScenario } from '../scenario/load.ts';
import { lintScenarioText, type LintFinding } from '../scenario/lint/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { fail, ok, type BridgeResult, type ImportedEntry, type LibraryEntry, type LibraryEntryDetail } from '../protocol/bridge.ts';
import { contentHash } from './hash.ts';
import type { ScenarioStorage, StoredScenario } from './storage.ts';

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
    return this.store(fileName, text, this.newId(), 'in the file and import it again');
  }

  /**
   * Save an edited text: over the imported entry `entryId` (its sessions keep the text they ran
   * with), or as a new entry when there is none or it is shipped (a shipped file is read-only).
   */
  save(fileName: string, text: string, entryId?: string): BridgeResult<ImportedEntry> {
    const over = entryId !== undefined && !this.shipped.has(entryId) && this.storage.get(entryId) !== undefined ? entryId : this.newId();
    return this.store(fileName, text, over, 'in the Author view and save it again');
  }

  private store(fileName: string, text: string, entryId: string, retry: string): BridgeResult<ImportedEntry> {
    const result = lintScenarioText(text, fileName);
    if (!result.ok) {
      const n = result.errors.length;
      return fail('invalid-scenario', `${fileName} is not a valid Drillbook scenario: ${n} error${n === 1 ? '' : 's'}. Fix ${n === 1 ? 'it' : 'them'} ${retry}.`, result.errors, result.findings);
    }
    const stored: StoredScenario = { entryId, source: 'imported', fileName, text, contentHash: contentHash(text), importedAt: this.wall() };
    this.storage.put(stored);
    this.parsed.set(stored.contentHash, result.scenario);
    this.linted.set(stored.contentHash, result.findings);
    return ok({ ...entryOf({ stored, scenario: result.scenario }), lint: result.findings });
  }

  duplicate(entryId: string): BridgeResult<LibraryEntry> {
    const found = this.find(entryId);
    if (!found) return fail('not-found', `There is no scenario '${entryId}' to duplicate.`);
    const base = found.stored.fileName.replace(/\.ya?ml$/i, '');
    const stored: StoredScenario = {
      entryId: this.newId(), source: 'imported', fileName: `${base} (copy).yaml`, text: found.stored.text,
      contentHash: found.stored.contentHash, importedAt: this.wall(),
    };
    this.storage.put(stored);
    return ok(entryOf({ stored, scenario: found.scenario }));
  }
}
