// The Author view (facilitator only): a scenario edited as forms, as the events table and as
// YAML, all one AuthorDocument; the problems panel checks it as the author types; it saves to the
// library or to a file; a session starts only from a text without errors. Unsaved text is a draft
// in the app store (drafts-slice.ts), so leaving for another view and coming back restores it.
import { useEffect, useState } from 'react';
import { eventsToCsv, type Problem } from '../../../core/author/index.ts';
import type { LibraryEntryDetail } from '../../../core/protocol/bridge.ts';
import type { Level } from '../../../core/scenario/types.ts';
import { isRecord } from '../../../core/scenario/path.ts';
import { useBridge, useServices } from '../../bridge/context.tsx';
import { authorDraftKey, type AuthorDraft } from '../../store/drafts-slice.ts';
import { useApp } from '../../store/use-app.ts';
import { navigate } from '../../app/navigation.ts';
import { Load } from '../../components/states.tsx';
import type { Loadable } from '../../store/load-state.ts';
import { blankScenario, fileNameFor } from './skeleton.ts';
import { downloadText, saveToLibrary } from './save.ts';
import { useAuthorDocument } from './use-author-document.ts';
import { elementAt, type Selection } from './selection.ts';
import { FormsTab } from './FormsTab.tsx';
import { EventsTab } from './EventsTab.tsx';
import { YamlTab } from './YamlTab.tsx';
import { ProblemsPanel, ReadyBadge } from './ProblemsPanel.tsx';
import { CsvImportDialog } from './CsvImportDialog.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { ScenarioTimelineOfText } from './timeline/ScenarioTimeline.tsx';
import { RehearsePanel } from './rehearse/RehearsePanel.tsx';
import { useShippedPlays } from './use-plays.ts';

export type AuthorSource = { entryId: string } | { level: Level };

interface Opened {
  text: string;
  fileName: string;
  /** The imported entry a save writes over; null: a save makes a new entry (a new or shipped scenario). */
  entryId: string | null;
}

// See it and Rehearse read the text as it stands (issue 17 items 3 and 4); Versions needs a saved entry.
const TABS = ['Forms', 'Events', 'YAML', 'See it', 'Rehearse'] as const;
type Tab = (typeof TABS)[number];

function Editor({ opened, draftKey, onDiscard, onRestored }: { opened: Opened; draftKey: string; onDiscard: () => void; onRestored: () => void }) {
  const bridge = useBridge();
  const { store } = useServices();
  const toast = useApp((s) => s.toast);
  const loadLibrary = useApp((s) => s.loadLibrary);
  const setAuthorDraft = useApp((s) => s.setAuthorDraft);
  const clearAuthorDraft = useApp((s) => s.clearAuthorDraft);
  // The draft left here last time, read once: the editor starts from it.
  const [restored, setRestored] = useState<AuthorDraft | null>(() => store.getState().authorDrafts[draftKey] ?? null);
  const base = restored?.base ?? opened.text;
  const [fileName, setFileName] = useState(restored?.fileName ?? opened.fileName);
  const editor = useAuthorDocument(restored?.text ?? opened.text, fileName);
  const [entryId, setEntryId] = useState(restored ? restored.entryId : opened.entryId);
  const [savedText, setSavedText] = useState<string | null>(restored ? restored.savedText : opened.entryId ? opened.text : null);
  const [tab, setTab] = useState<Tab>('Forms');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [jump, setJump] = useState<{ line: number; column: number; seq: number } | null>(null);
  const [csvOpen, setCsvOpen] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { problems, doc } = editor;
  const title = isRecord(editor.value) && typeof editor.value.title === 'string' ? editor.value.title : fileName;
  const scenarioId = isRecord(editor.value) && typeof editor.value.id === 'string' ? editor.value.id : null;
  const plays = useShippedPlays(scenarioId, tab === 'Rehearse');

  // Text changed since it was opened or last saved is a draft in the app store, so leaving the view
  // loses nothing; back at the saved (or opened) text, there is no draft.
  const dirty = editor.text !== (savedText ?? base);
  useEffect(() => {
    if (dirty) setAuthorDraft(draftKey, { text: editor.text, fileName, entryId, savedText, base });
    else clearAuthorDraft(draftKey);
  }, [dirty, editor.text, fileName, entryId, savedText, base, draftKey, setAuthorDraft, clearAuthorDraft]);

  const onJump = (p: Problem) => {
    const target = tab === 'YAML' ? null : elementAt(editor.value, p.path);
    if (target) {
      setSelection(target);
      setTab('Forms');
    } else {
      setTab('YAML');
      setJump((j) => ({ line: p.line, column: p.column, seq: (j?.seq ?? 0) + 1 }));
    }
  };

  /** Save to the library; the saved entry, or null (the reason shown). */
  async function save() {
    setSaveError(null);
    const result = await saveToLibrary(bridge, { entryId, fileName, text: editor.text });
    if (!result.ok) {
      setSaveError(result.error.message);
      return null;
    }
    setEntryId(result.value.entryId);
    setSavedText(editor.text);
    clearAuthorDraft(draftKey);
    setRestored(null);
    void loadLibrary();
    toast(result.value.ready
      ? `Saved version ${result.value.version} of ${title} to the library.`
      : `Saved version ${result.value.version} of ${title} as a draft: it has errors, so the library keeps offering the last version without any.`);
    return result.value;
  }

  async function start() {
    if (!problems.ready) return;
    const saved = savedText === editor.text && entryId ? { entryId } : await save();
    if (saved) navigate({ view: 'setup', entryId: saved.entryId });
  }

  return (
    <div className="stack author" style={{ maxWidth: 1200 }}>
      <header className="row" style={{ justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <div className="stack">
          <h1>Author: <span className="user-text">{title}</span></h1>
          <div className="row">
            <ReadyBadge problems={problems} />
            <label>File name <input value={fileName} onChange={(e) => setFileName(e.target.value)} spellCheck={false} /></label>
            <span className="dim">{savedText === editor.text ? 'Saved' : 'Not saved'}</span>
          </div>
        </div>
        <div className="row" style={{ flexWrap: 'wrap' }}>
          <button type="button" onClick={() => editor.edit((d) => { d.undo(); })}>Undo</button>
          <button type="button" onClick={() => editor.edit((d) => { d.redo(); })}>Redo</button>
          <button type="button" onClick={() => setCsvOpen(true)}>Import events…</button>
          <button type="button" disabled={!isRecord(editor.value)} onClick={() => downloadText(fileName.replace(/\.ya?ml$/i, '') + '-events.csv', eventsToCsv(doc.value()), 'text/csv')}>Export events CSV</button>
          <button type="button" onClick={() => downloadText(fileName, editor.text, 'application/yaml')}>Save to file</button>
          <button type="button" onClick={() => void save()}>Save to library</button>
          <button type="button" className="primary" disabled={!problems.ready} aria-describedby="start-why" onClick={() => void start()}>Start a session…</button>
        </div>
      </header>
      {restored && dirty ? (
        <p className="panel row" role="status" aria-label="Draft restored">
          <span style={{ flex: 1 }}>
            Draft restored: the changes you had not saved when you left this scenario are back.
            {restored.base !== opened.text ? ' The library\'s text has changed since you started them: the Versions panel shows what changed.' : ''}
          </span>
          <button type="button" className="small" onClick={() => { clearAuthorDraft(draftKey); onDiscard(); }}>Discard</button>
        </p>
      ) : null}
      {!problems.ready ? <p id="start-why" className="dim">A session cannot start from a scenario with errors: fix the errors in the problems panel first (warnings are allowed).</p> : <span id="start-why" hidden />}
      {saveError ? <p className="error-box" role="alert">{saveError}</p> : null}
      {editor.refused && !csvOpen ? (
        <p className="error-box row" role="alert"><span style={{ flex: 1 }}>Not changed: {editor.refused}</span><button type="button" className="small" onClick={editor.clearRefused}>Dismiss</button></p>
      ) : null}
      {csvOpen ? <CsvImportDialog editor={editor} onClose={(message) => { setCsvOpen(false); editor.clearRefused(); if (message) toast(message); }} /> : null}
      <div className="row author-columns" style={{ alignItems: 'flex-start' }}>
        <div className="stack" style={{ flex: 3, minWidth: 0 }}>
          <div role="tablist" aria-label="Edit as" className="row">
            {TABS.map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} aria-controls="author-panel" onClick={() => setTab(t)}>{t}</button>
            ))}
          </div>
          <div role="tabpanel" id="author-panel" aria-label={tab}>
            {tab === 'Forms' ? <FormsTab editor={editor} selection={selection} onSelect={setSelection} /> : null}
            {tab === 'Events' ? <EventsTab editor={editor} selection={selection} onOpen={(s) => { setSelection(s); setTab('Forms'); }} /> : null}
            {tab === 'YAML' ? <YamlTab editor={editor} jump={jump} /> : null}
            {tab === 'See it' ? <ScenarioTimelineOfText text={editor.text} fileName={fileName} /> : null}
            {tab === 'Rehearse' ? (
              <RehearsePanel text={editor.text} fileName={fileName} plays={plays.status === 'ready' ? plays.plays : []}
                {...(plays.status === 'loading' ? { playsNote: 'Finding the plays written for this scenario…' } : plays.status === 'error' ? { playsNote: `The plays could not be listed: ${plays.message}` } : {})} />
            ) : null}
          </div>
          {entryId ? <VersionsPanel entryId={entryId} onRestored={onRestored} /> : null}
        </div>
        <aside className="problems-side" style={{ flex: 2, minWidth: 0 }} aria-label="Problems panel">
          <ProblemsPanel problems={problems} onJump={onJump} />
        </aside>
      </div>
    </div>
  );
}

export function AuthorView({ source }: { source: AuthorSource }) {
  const bridge = useBridge();
  const draftKey = authorDraftKey(source);
  // Discard starts the editor again from the opened text (the draft is gone by then).
  const [fresh, setFresh] = useState(0);
  const [opened, setOpened] = useState<Loadable<Opened>>(() => ('level' in source
    ? { status: 'ready', value: { text: blankScenario(source.level), fileName: `new-${source.level}-scenario.yaml`, entryId: null } }
    : { status: 'loading' }));
  const entryId = 'entryId' in source ? source.entryId : null;
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (entryId === null) return;
    let live = true;
    void bridge.request('library.get', { entryId }).then((result) => {
      if (!live) return;
      setOpened(result.ok ? { status: 'ready', value: openedFrom(result.value) } : { status: 'error', error: result.error });
    });
    return () => { live = false; };
  }, [bridge, entryId, attempt]);
  return (
    <Load value={opened} what="the scenario" onRetry={() => setAttempt((n) => n + 1)}>
      {(value) => (
        <Editor key={`${fresh}-${attempt}`} opened={value} draftKey={draftKey} onDiscard={() => setFresh((n) => n + 1)}
          // A restored version is the entry's newest: open it again (an unsaved draft is still offered).
          onRestored={() => setAttempt((n) => n + 1)} />
      )}
    </Load>
  );
}

/** A shipped scenario is read-only: editing it edits a copy, saved as a new entry. */
function openedFrom(entry: LibraryEntryDetail): Opened {
  return entry.source === 'shipped'
    ? { text: entry.text, fileName: fileNameFor(`${entry.scenarioId}-copy`, entry.title), entryId: null }
    : { text: entry.text, fileName: entry.fileName, entryId: entry.entryId };
}
