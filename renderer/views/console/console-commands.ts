// Every facilitator command of the console, once: the buttons, the `?` overlay and the keyboard
// shortcuts all come from this list.
import type { Command as EngineCommand } from '../../../core/engine/commands.ts';
import type { FacilitatorInjectView, FacilitatorView } from '../../../core/engine/projections.ts';
import type { Registry } from '../../commands/registry.ts';
import { gradeQueue, quickGrade, type QuickGrade } from './grade-queue.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10] as const;

export interface ConsoleContext {
  view: FacilitatorView;
  selected: FacilitatorInjectView | null;
  send(command: EngineCommand): Promise<unknown>;
  moveSelection(delta: number): void;
  focusNote(): void;
  focusComposer(): void;
  setNoteTag(tag: 'observation' | 'strength' | 'improvement'): void;
  showHelp(): void;
  openRoomScreen(): void;
  openDebrief(): void;
  confirm(question: string): boolean;
}

const live = (ctx: ConsoleContext) => ctx.view.clock.status === 'running' || ctx.view.clock.status === 'paused';
const notEnded = (ctx: ConsoleContext) => ctx.view.clock.status !== 'ended';
const selectedWaiting = (ctx: ConsoleContext) =>
  notEnded(ctx) && ctx.selected !== null && (ctx.selected.status === 'pending' || ctx.selected.status === 'held');

export function nextSpeed(current: number, direction: 1 | -1): number | null {
  const candidates = direction === 1 ? SPEEDS.filter((s) => s > current + 1e-9) : SPEEDS.filter((s) => s < current - 1e-9);
  return (direction === 1 ? candidates[0] : candidates[candidates.length - 1]) ?? null;
}

// Grades are accepted during the session and after its end (the debrief), never before the start.
function gradeCommand(name: string, label: string, shortcut: string, kind: QuickGrade) {
  const next = (ctx: ConsoleContext) => (ctx.view.clock.status === 'setup' ? undefined : gradeQueue(ctx.view)[0]);
  return {
    name, label, shortcut, group: 'Grading',
    enabled: (ctx: ConsoleContext) => {
      const head = next(ctx);
      return head !== undefined && quickGrade(head, kind) !== null;
    },
    perform: async (ctx: ConsoleContext) => {
      const head = next(ctx);
      const command = head ? quickGrade(head, kind) : null;
      if (command) await ctx.send(command);
    },
  };
}

export const consoleCommands: Registry<ConsoleContext> = [
  {
    name: 'clock.start', label: 'Start', shortcut: 'Shift+S', group: 'Clock',
    enabled: (ctx) => ctx.view.clock.status === 'setup',
    perform: (ctx) => ctx.send({ type: 'session.start' }).then(() => undefined),
  },
  {
    name: 'clock.pause', label: 'Pause', shortcut: 'p', group: 'Clock',
    enabled: (ctx) => ctx.view.clock.status === 'running',
    perform: (ctx) => ctx.send({ type: 'session.pause' }).then(() => undefined),
  },
  {
    name: 'clock.resume', label: 'Resume', shortcut: 'r', group: 'Clock',
    enabled: (ctx) => ctx.view.clock.status === 'paused',
    perform: (ctx) => ctx.send({ type: 'session.resume' }).then(() => undefined),
  },
  {
    name: 'clock.faster', label: 'Faster', shortcut: ']', group: 'Clock',
    enabled: (ctx) => notEnded(ctx) && nextSpeed(ctx.view.clock.speed, 1) !== null,
    perform: async (ctx) => {
      const speed = nextSpeed(ctx.view.clock.speed, 1);
      if (speed !== null) await ctx.send({ type: 'session.speed', speed });
    },
  },
  {
    name: 'clock.slower', label: 'Slower', shortcut: '[', group: 'Clock',
    enabled: (ctx) => notEnded(ctx) && nextSpeed(ctx.view.clock.speed, -1) !== null,
    perform: async (ctx) => {
      const speed = nextSpeed(ctx.view.clock.speed, -1);
      if (speed !== null) await ctx.send({ type: 'session.speed', speed });
    },
  },
  {
    name: 'inject.next', label: 'Select the next inject', shortcut: 'j', group: 'Injects',
    enabled: (ctx) => ctx.view.injects.length > 0,
    perform: (ctx) => ctx.moveSelection(1),
  },
  {
    name: 'inject.previous', label: 'Select the previous inject', shortcut: 'k', group: 'Injects',
    enabled: (ctx) => ctx.view.injects.length > 0,
    perform: (ctx) => ctx.moveSelection(-1),
  },
  {
    name: 'inject.deliver', label: 'Deliver now', shortcut: 'd', group: 'Injects',
    enabled: (ctx) => live(ctx) && selectedWaiting(ctx),
    perform: async (ctx) => { if (ctx.selected) await ctx.send({ type: 'inject.deliver', inject: ctx.selected.id }); },
  },
  {
    name: 'inject.hold', label: 'Hold', shortcut: 'h', group: 'Injects',
    enabled: (ctx) => selectedWaiting(ctx) && ctx.selected?.status === 'pending',
    perform: async (ctx) => { if (ctx.selected) await ctx.send({ type: 'inject.hold', inject: ctx.selected.id }); },
  },
  {
    name: 'inject.release', label: 'Release', shortcut: 'Shift+H', group: 'Injects',
    enabled: (ctx) => selectedWaiting(ctx) && ctx.selected?.status === 'held',
    perform: async (ctx) => { if (ctx.selected) await ctx.send({ type: 'inject.release', inject: ctx.selected.id }); },
  },
  {
    name: 'inject.skip', label: 'Skip', shortcut: 'x', group: 'Injects',
    enabled: selectedWaiting,
    perform: async (ctx) => { if (ctx.selected) await ctx.send({ type: 'inject.skip', inject: ctx.selected.id }); },
  },
  {
    name: 'compose.focus', label: 'Compose an ad-hoc inject', shortcut: 'c', group: 'Injects',
    enabled: notEnded,
    perform: (ctx) => ctx.focusComposer(),
  },
  {
    name: 'note.focus', label: 'Write a note', shortcut: 'n', group: 'Notes',
    enabled: () => true,
    perform: (ctx) => ctx.focusNote(),
  },
  {
    name: 'note.tag.observation', label: 'Tag the note: observation', shortcut: 'Alt+1', group: 'Notes', allowInInputs: true,
    enabled: () => true,
    perform: (ctx) => ctx.setNoteTag('observation'),
  },
  {
    name: 'note.tag.strength', label: 'Tag the note: strength', shortcut: 'Alt+2', group: 'Notes', allowInInputs: true,
    enabled: () => true,
    perform: (ctx) => ctx.setNoteTag('strength'),
  },
  {
    name: 'note.tag.improvement', label: 'Tag the note: improvement', shortcut: 'Alt+3', group: 'Notes', allowInInputs: true,
    enabled: () => true,
    perform: (ctx) => ctx.setNoteTag('improvement'),
  },
  gradeCommand('grade.accept', 'Accept the keyword credit of the oldest answer to grade', 'a', 'accept'),
  gradeCommand('grade.full', 'Give the oldest answer to grade full credit', '1', 'full'),
  gradeCommand('grade.none', 'Give the oldest answer to grade no credit', '0', 'none'),
  {
    name: 'view.room', label: 'Open the room screen', shortcut: 'Shift+R', group: 'Session',
    enabled: () => true,
    perform: (ctx) => ctx.openRoomScreen(),
  },
  {
    name: 'session.end', label: 'End the session', shortcut: 'Shift+E', group: 'Session',
    enabled: live,
    perform: async (ctx) => {
      if (ctx.confirm('End the session now? Participants can no longer answer.')) await ctx.send({ type: 'session.end' });
    },
  },
  {
    name: 'view.debrief', label: 'Open the debrief', shortcut: 'Shift+D', group: 'Session',
    enabled: () => true,
    perform: (ctx) => ctx.openDebrief(),
  },
  {
    name: 'help.shortcuts', label: 'Show the keyboard shortcuts', shortcut: '?', group: 'Help',
    enabled: () => true,
    perform: (ctx) => ctx.showHelp(),
  },
];
