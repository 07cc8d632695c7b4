// Scenario objects built in code (the normalized shape the loader returns), and a small harness
// that runs a runtime on virtual time. Shared by the engine and scoring tests.

import type { Condition, Expect, Inject, Prompt, Scenario, Step, Trigger } from '../../../core/scenario/types.ts';
import { MemoryEventStore, SessionRuntime, VirtualTimers, type Actor, type Command } from '../../../core/engine/index.ts';

export function expect_(partial: Partial<Expect> = {}): Expect {
  return { best: [], acceptable: [], acceptableCredit: 0.5, keywords: [], avoid: [], ...partial };
}

export function prompt(p: Partial<Prompt> & Pick<Prompt, 'id' | 'role' | 'type'>): Prompt {
  return {
    inject: '', ask: `Question ${p.id}?`,
    options: p.type === 'text' ? [] : [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }, { id: 'd', label: 'D' }],
    expect: expect_(), points: 10, ...p,
  };
}

export function inject(p: Partial<Inject> & Pick<Inject, 'id' | 'trigger'>): Inject {
  const prompts = (p.prompts ?? []).map((x) => ({ ...x, inject: p.id }));
  return { to: ['ic', 'eng'], toAll: false, channel: 'alert', title: `Inject ${p.id}`, body: `Body of ${p.id}`, discussion: [], ...p, prompts };
}

export const at = (seconds: number): Trigger => ({ kind: 'at', at: seconds });
export const after = (id: string, delay = 0): Trigger => ({ kind: 'after', inject: id, delay });
export const when = (condition: Condition, delay = 0): Trigger => ({ kind: 'when', condition, delay });

export function step(p: Partial<Step> & Pick<Step, 'id' | 'by' | 'metBy'>): Step {
  return { step: `Runbook step ${p.id}`, points: 10, ...p };
}

export function scenario(p: Partial<Scenario> & Pick<Scenario, 'injects'>): Scenario {
  return {
    format: 'drillbook/scenario@1', id: 'test-scenario', title: 'Test scenario', level: 'beginner', duration: 3600,
    summary: 'A scenario built in a test.', tags: [], assumptions: [], handouts: [], characters: [], feedback: { questions: [] },
    objectives: [{ id: 'detect', title: 'Detect' }, { id: 'communicate', title: 'Communicate' }],
    roles: [{ id: 'ic', title: 'Incident commander', brief: 'You lead.' }, { id: 'eng', title: 'Engineer', brief: 'You fix.' }, { id: 'comms', title: 'Comms' }],
    actions: [
      { id: 'rollback', title: 'Roll back', roles: ['eng'] },
      { id: 'page', title: 'Page someone', roles: ['ic', 'eng', 'comms'] },
    ],
    runbook: [], debrief: { questions: ['What went well?', 'What would you change?'] },
    ...p,
  };
}

/** A runtime on virtual time and an in-memory store; `at(s)` moves the exercise clock to s seconds. */
export function harness(sc: Scenario, options: { start?: boolean } = {}) {
  const timers = new VirtualTimers(0);
  const store = new MemoryEventStore();
  let wall = 1_700_000_000_000;
  const runtime = new SessionRuntime({ scenario: sc, sessionId: 's1', store, timers, wall: () => wall + timers.now() });
  const h = {
    timers, store, runtime,
    setWall(value: number) { wall = value; },
    /** Advances virtual time until the exercise clock reads `seconds` (fires due timers on the way). */
    to(seconds: number) {
      const mono = runtime.monoFor(seconds * 1000);
      if (mono !== null) timers.advanceTo(mono);
    },
    run: (actor: Actor, command: Command) => runtime.dispatch(actor, command),
    ok(actor: Actor, command: Command) {
      const r = runtime.dispatch(actor, command);
      if (!r.ok) throw new Error(`rejected ${command.type}: ${r.rejection.code} ${r.rejection.message}`);
      return r.events;
    },
    delivered: () => runtime.events.filter((e) => e.type === 'inject.delivered').map((e) => ({ inject: (e.payload as { inject: string }).inject, at: e.at })),
  };
  if (options.start !== false) {
    h.ok('facilitator', { type: 'session.start' });
    timers.runDue();
  }
  return h;
}
