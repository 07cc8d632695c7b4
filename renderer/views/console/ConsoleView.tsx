// The facilitator console: clock and controls across the top; the MSEL timeline and the selected
// inject on the left; decisions, pending prompts and grading in the middle; notes, the ad-hoc
// composer and live scores on the right. Every control runs a command from the registry.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Command as EngineCommand } from '../../../core/engine/commands.ts';
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import type { SessionDetail } from '../../../core/protocol/bridge.ts';
import { useDesktop } from '../../bridge/context.tsx';
import { CommandButton } from '../../commands/CommandButton.tsx';
import { useCommandTarget } from '../../commands/hub-context.tsx';
import { findCommand } from '../../commands/registry.ts';
import { ShortcutHelp } from '../../commands/ShortcutHelp.tsx';
import { useShortcuts } from '../../commands/use-shortcuts.ts';
import { formatClock } from '../../components/format.ts';
import { Load } from '../../components/states.tsx';
import { STATUS_LABEL, useExerciseMs } from '../../components/use-clock.ts';
import { ExerciseClock } from '../../components/ExerciseClock.tsx';
import { useSlotRef } from '../../components/slots.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useApp } from '../../store/use-app.ts';
import { useLive } from '../../store/use-live.ts';
import { navigate, href } from '../../app/navigation.ts';
import { AdhocComposer } from './AdhocComposer.tsx';
import { CarriedActions } from './CarriedActions.tsx';
import { consoleCommands, type ConsoleContext } from './console-commands.ts';
import { DecisionFeed } from './DecisionFeed.tsx';
import { InjectTimeline } from './InjectTimeline.tsx';
import { LiveScores } from './LiveScores.tsx';
import { NoteComposer, type NoteDraft } from './NoteComposer.tsx';
import { PendingPrompts, TextAnswersToGrade } from './PendingPrompts.tsx';
import { useSessionDetail } from './use-session-detail.ts';

const cmd = (name: string) => findCommand(consoleCommands, name);

function Console({ sessionId, view, detail }: { sessionId: string; view: FacilitatorView; detail: SessionDetail }) {
  const dispatch = useApp((s) => s.dispatch);
  const helpOpen = useApp((s) => s.helpOpen);
  const setHelpOpen = useApp((s) => s.setHelpOpen);
  const toast = useApp((s) => s.toast);
  const desktop = useDesktop();
  // The panels need the time only to the second; the clock itself ticks faster on its own.
  const nowMs = useExerciseMs(view.clock, 1000);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [note, setNote] = useState<NoteDraft>({ text: '', tag: 'observation', objective: '' });
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const composerRef = useRef<HTMLInputElement>(null);

  const selected = view.injects.find((i) => i.id === selectedId) ?? null;
  // Default selection: the next inject that has not gone out yet.
  useEffect(() => {
    if (selectedId === null) {
      const next = view.injects.find((i) => i.status === 'pending' || i.status === 'held');
      if (next) setSelectedId(next.id);
    }
  }, [selectedId, view.injects]);

  const send = async (command: EngineCommand) => dispatch(sessionId, 'facilitator', command);
  const roleTitle = (id: string) => detail.roles.find((r) => r.id === id)?.title ?? id;

  const ctx: ConsoleContext = useMemo(() => ({
    view,
    selected,
    send,
    moveSelection(delta) {
      const index = view.injects.findIndex((i) => i.id === selectedId);
      const next = view.injects[Math.max(0, Math.min(view.injects.length - 1, (index === -1 ? 0 : index + delta)))];
      if (next) setSelectedId(next.id);
    },
    focusNote: () => noteRef.current?.focus(),
    focusComposer: () => composerRef.current?.focus(),
    setNoteTag: (tag) => setNote((n) => ({ ...n, tag })),
    showHelp: () => setHelpOpen(true),
    openRoomScreen: () => {
      // The desktop app denies window.open: its main process opens the room screen (fullscreen on
      // a second display); a browser opens a named tab.
      if (!desktop) window.open(href({ view: 'room', sessionId }), 'drillbook-room');
      else void desktop.openRoomScreen({ sessionId, fullscreen: true }).then((r) => { if (!r.ok) toast(r.error.message, 'error'); });
    },
    openDebrief: () => navigate({ view: 'debrief', sessionId }),
    confirm: (question) => window.confirm(question),
  }), [view, selected, selectedId, sessionId, desktop]);

  useShortcuts(consoleCommands, ctx);
  useCommandTarget(consoleCommands, ctx);

  async function saveNote() {
    const text = note.text.trim();
    if (!text) return;
    const result = await send({ type: 'note.add', text, tag: note.tag, ...(note.objective ? { objective: note.objective } : {}) });
    if (result.ok) {
      // A fresh note starts from the defaults: a tag or objective carried over silently once filed
      // an observation as a strength under the wrong objective (issue 14, item 13).
      setNote({ text: '', tag: 'observation', objective: '' });
      toast(`Note saved (${note.tag}).`);
    }
  }

  async function editNote(n: FacilitatorView['notes'][number], edited: NoteDraft): Promise<boolean> {
    const result = await send({
      type: 'note.edit', note: n.seq, text: edited.text, tag: edited.tag,
      ...(edited.objective ? { objective: edited.objective } : {}), ...(n.role ? { role: n.role } : {}),
    });
    if (result.ok) toast('Note changed.');
    return result.ok;
  }

  async function deleteNote(n: FacilitatorView['notes'][number]): Promise<boolean> {
    const result = await send({ type: 'note.delete', note: n.seq });
    if (result.ok) toast('Note deleted.');
    return result.ok;
  }

  const status = view.clock.status;
  const participantsSlot = useSlotRef('console-participants');
  return (
    <div className="console">
      <section className="panel clockbar" aria-label="Clock">
        <div>
          <ExerciseClock clock={view.clock} />
          <div className="dim">{STATUS_LABEL[status]}{view.clock.pausedFor && view.clock.pausedFor !== 'facilitator' ? ` (${view.clock.pausedFor})` : ''} · {view.clock.speed}× · planned {formatClock(view.clock.durationMs)}</div>
        </div>
        <div className="title">
          <strong>{view.scenario.title}</strong>
          {view.storyTime ? <div className="badge accent">{view.storyTime}</div> : null}
        </div>
        <div className="row" role="toolbar" aria-label="Clock controls">
          <CommandButton command={cmd('clock.start')} ctx={ctx} className="primary" />
          <CommandButton command={cmd('clock.pause')} ctx={ctx} />
          <CommandButton command={cmd('clock.resume')} ctx={ctx} className="primary" />
          <CommandButton command={cmd('clock.slower')} ctx={ctx} />
          <CommandButton command={cmd('clock.faster')} ctx={ctx} />
          <CommandButton command={cmd('session.end')} ctx={ctx} className="danger">End</CommandButton>
        </div>
        <div className="row">
          <CommandButton command={cmd('view.room')} ctx={ctx}>Room screen</CommandButton>
          <CommandButton command={cmd('view.debrief')} ctx={ctx}>Debrief</CommandButton>
          <CommandButton command={cmd('help.shortcuts')} ctx={ctx} className="small">Shortcuts</CommandButton>
        </div>
      </section>

      <div className="col">
        <section className="panel grow" aria-label="Master scenario events list">
          <h2>Injects</h2>
          <InjectTimeline view={view} nowMs={nowMs} selectedId={selectedId} onSelect={setSelectedId} />
        </section>
        <section className="panel" aria-label="Selected inject" style={{ maxHeight: '38%' }}>
          <div className="row" role="toolbar" aria-label="Inject controls">
            <CommandButton command={cmd('inject.deliver')} ctx={ctx} className="primary small" />
            <CommandButton command={cmd('inject.hold')} ctx={ctx} className="small" />
            <CommandButton command={cmd('inject.release')} ctx={ctx} className="small" />
            <CommandButton command={cmd('inject.skip')} ctx={ctx} className="small" />
          </div>
          {selected ? (
            <div className="scroll" style={{ marginTop: '0.5rem' }}>
              <strong className="user-text">{selected.title}</strong>
              <Markdown source={selected.body} />
              {selected.facilitatorNotes ? <div className="dim"><em>Facilitator notes:</em> <Markdown source={selected.facilitatorNotes} /></div> : null}
            </div>
          ) : <p className="dim">Select an inject (j / k).</p>}
        </section>
      </div>

      <div className="col">
        <section className="panel grow" aria-label="Decision feed">
          <h2>Decisions</h2>
          <DecisionFeed view={view} roleTitle={roleTitle} />
        </section>
        <section className="panel" aria-label="Pending prompts" style={{ maxHeight: '30%' }}>
          <h2>Waiting for answers</h2>
          <div className="scroll"><PendingPrompts view={view} roleTitle={roleTitle} /></div>
        </section>
        <section className="panel" aria-label="Grade text answers" style={{ maxHeight: '32%' }}>
          <h2>Text answers to grade</h2>
          <div className="scroll"><TextAnswersToGrade view={view} send={send} roleTitle={roleTitle} oneKey={<>
            <CommandButton command={cmd('grade.accept')} ctx={ctx} className="small primary">Accept</CommandButton>
            <CommandButton command={cmd('grade.none')} ctx={ctx} className="small">No credit</CommandButton>
            <CommandButton command={cmd('grade.full')} ctx={ctx} className="small">Full credit</CommandButton>
          </>} /></div>
        </section>
      </div>

      <div className="col scrolling">
        {/* The Participants panel opens here, under the clock controls rather than over them. */}
        <div ref={participantsSlot} className="participants-slot" />
        <section className="panel" aria-label="Corrective actions to validate">
          <h2>Corrective actions to validate</h2>
          <CarriedActions sessionId={sessionId} canValidate={status !== 'setup'} />
        </section>
        <section className="panel" aria-label="Notes">
          <h2>Note <kbd>n</kbd></h2>
          <NoteComposer ref={noteRef} draft={note} onChange={setNote} onSubmit={() => void saveNote()} objectives={detail.objectives} notes={view.notes}
            onEdit={editNote} onDelete={deleteNote} />
        </section>
        <section className="panel" aria-label="Compose an inject">
          <h2>Ad-hoc inject <kbd>c</kbd></h2>
          <AdhocComposer ref={composerRef} roles={detail.roles} disabled={status === 'ended' || status === 'setup'} send={send} />
        </section>
        <section className="panel" aria-label="Live scores">
          <h2>Scores and runbook</h2>
          <LiveScores view={view} nowMs={nowMs} />
        </section>
      </div>
      {helpOpen ? <ShortcutHelp registry={consoleCommands} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}

export function ConsoleView({ sessionId }: { sessionId: string }) {
  const live = useLive(sessionId, 'facilitator');
  const detail = useSessionDetail(sessionId);
  return (
    <Load value={detail} what="the session">
      {(d) => (
        <Load value={live} what="the live session">
          {(view) => <Console sessionId={sessionId} view={view} detail={d} />}
        </Load>
      )}
    </Load>
  );
}
