// A dry run: a play script driven through the same SessionRuntime the app uses, on virtual time.
// Ordering (scenario-format.md, "Play scripts"): at one exercise time, the deliveries that fall due
// come first, then the script's events in the order written, then the deliveries those events
// make due with no delay. The runtime makes the latter with a timer set for "now", which virtual
// time fires only when the clock next moves, after the whole group of events at that time.
//
// While the script has the session paused, the exercise clock stands still: later events are
// applied at the time of the pause (a participant's decision is then rejected as "paused") until
// the script resumes. A script without `end` ends at the scenario's duration; its events after
// that time are rejected.

import type { Participant } from '../engine/events.ts';
import type { Command } from '../engine/commands.ts';
import type { Actor, EventStore, SessionEvent } from '../engine/event.ts';
import { MemoryEventStore } from '../engine/memory-store.ts';
import { SessionRuntime } from '../engine/runtime.ts';
import { VirtualTimers } from '../engine/virtual-time.ts';
import type { Play, PlayEvent, Scenario } from '../scenario/types.ts';
import type { Debrief } from './debrief-types.ts';
import { computeDebrief } from './debrief.ts';

export interface SimulateOptions {
  sessionId?: string;
  /** Wall-clock epoch ms of the start (informational; default 0 so that a dry run is reproducible). */
  wallStart?: number;
  /** Who plays: default a facilitator named "Dry run" and one participant per role. */
  setup?: { facilitator: string; participants: Participant[] };
  /** Where the events go: default an in-memory store (the SQLite store for `--db`). */
  store?: EventStore;
  contentHash?: string | null;
}

export interface RejectedScriptEvent {
  at_s: number;
  event: string;
  reason: string;
}

export interface SimulationResult {
  debrief: Debrief;
  events: SessionEvent[];
  rejected: RejectedScriptEvent[];
}

/** The script event as the engine command it stands for, and who sends it. */
export function playCommand(event: PlayEvent): { actor: Actor; command: Command } {
  switch (event.kind) {
    case 'answer': return { actor: `role:${event.role}`, command: { type: 'prompt.answer', prompt: event.prompt, answer: event.answer } };
    case 'action': return { actor: `role:${event.role}`, command: { type: 'action.take', action: event.action } };
    case 'chat': return { actor: `role:${event.role}`, command: { type: 'chat.post', text: event.text } };
    case 'grade': return { actor: 'facilitator', command: { type: 'answer.grade', prompt: event.prompt, credit: event.credit, reason: event.reason } };
    case 'note': return {
      actor: 'facilitator',
      command: { type: 'note.add', text: event.text, tag: event.tag, ...(event.objective !== undefined ? { objective: event.objective } : {}), ...(event.role !== undefined ? { role: event.role } : {}) },
    };
    case 'deliver': return { actor: 'facilitator', command: { type: 'inject.deliver', inject: event.inject } };
    case 'skip': return { actor: 'facilitator', command: { type: 'inject.skip', inject: event.inject } };
    case 'rate': return { actor: 'facilitator', command: { type: 'objective.rate', objective: event.objective, rating: event.rating, reason: event.reason } };
    case 'pause': return { actor: 'facilitator', command: { type: 'session.pause', reason: 'facilitator' } };
    case 'resume': return { actor: 'facilitator', command: { type: 'session.resume' } };
    case 'end': return { actor: 'facilitator', command: { type: 'session.end', reason: 'facilitator' } };
  }
}

/** How a rejected script event is named in the report: `events[4] (line 9): ic answers severity`. */
export function describePlayEvent(event: PlayEvent): string {
  const where = `events[${event.index}] (line ${event.line})`;
  switch (event.kind) {
    case 'answer': return `${where}: ${event.role} answers ${event.prompt}`;
    case 'action': return `${where}: ${event.role} takes action ${event.action}`;
    case 'chat': return `${where}: ${event.role} posts to the chat`;
    case 'grade': return `${where}: facilitator grades ${event.prompt}`;
    case 'note': return `${where}: facilitator notes (${event.tag})`;
    case 'deliver': return `${where}: facilitator delivers ${event.inject}`;
    case 'skip': return `${where}: facilitator skips ${event.inject}`;
    case 'rate': return `${where}: facilitator rates ${event.objective} ${event.rating}`;
    default: return `${where}: facilitator ${event.kind}s`;
  }
}

export function simulatePlay(scenario: Scenario, play: Play, options: SimulateOptions = {}): SimulationResult {
  const sessionId = options.sessionId ?? `dry-run-${scenario.id}`;
  const store = options.store ?? new MemoryEventStore();
  const timers = new VirtualTimers(0);
  const wallStart = options.wallStart ?? 0;
  const runtime = new SessionRuntime({ scenario, sessionId, store, timers, wall: () => wallStart + timers.now() });
  const rejected: RejectedScriptEvent[] = [];
  const must = (actor: Actor, command: Command): void => {
    const result = runtime.dispatch(actor, command);
    if (!result.ok) throw new Error(`The dry run could not ${command.type}: ${result.rejection.message}`);
  };

  const setup = options.setup ?? { facilitator: 'Dry run', participants: scenario.roles.map((r) => ({ name: r.title, roles: [r.id] })) };
  must('facilitator', { type: 'session.setup', ...setup });
  must('facilitator', { type: 'session.start' });

  /** Moves virtual time until the exercise clock reads `ms` (no-op while the clock stands still). */
  const advanceTo = (ms: number): void => {
    const mono = runtime.monoFor(ms);
    if (mono !== null) timers.advanceTo(mono);
  };

  const durationMs = Math.round(scenario.duration * 1000);
  const scripted = play.events.some((e) => e.kind === 'end');
  const ordered = play.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);

  let i = 0;
  while (i < ordered.length) {
    const groupAt = Math.round((ordered[i] as PlayEvent).at * 1000);
    if (!scripted && groupAt > durationMs && runtime.state.status !== 'ended') {
      advanceTo(durationMs);
      must('system', { type: 'session.end', reason: 'duration' });
    }
    advanceTo(groupAt);
    while (i < ordered.length && Math.round((ordered[i] as PlayEvent).at * 1000) === groupAt) {
      const event = ordered[i] as PlayEvent;
      const { actor, command } = playCommand(event);
      const result = runtime.dispatch(actor, command);
      if (!result.ok) rejected.push({ at_s: event.at, event: describePlayEvent(event), reason: result.rejection.message });
      i++;
    }
  }
  const ended = (): boolean => runtime.state.status === 'ended';
  if (!ended()) {
    advanceTo(Math.max(durationMs, runtime.now()));
    if (!ended()) must('system', { type: 'session.end', reason: 'duration' });
  }
  runtime.dispose();
  const events = [...runtime.events];
  const debrief = computeDebrief(scenario, events, { sessionId, contentHash: options.contentHash ?? null, rejected });
  return { debrief, events, rejected };
}
