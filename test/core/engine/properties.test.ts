// Properties over random sessions (fast-check): determinism, fold == live, pause invariance,
// scores within bounds, and projections that never leak.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduce, roleView, roomView, type Projection } from '../../../core/engine/index.ts';
import { computeDebrief } from '../../../core/scoring/index.ts';
import { movesArb, play, rich } from './fixtures.ts';

const RUNS = { numRuns: 150 };

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

const FORBIDDEN_KEYS = ['expect', 'facilitatorNotes', 'facilitator_notes', 'points', 'score', 'scores', 'notes', 'grade', 'ratings', 'correctness'];

function assertNoLeak(view: Projection, allowed: Set<string>) {
  const keys = keysOf(view);
  for (const key of FORBIDDEN_KEYS) expect(keys.has(key), `key ${key}`).toBe(false);
  const text = JSON.stringify(view);
  expect(text).not.toMatch(/FNOTE-/);
  for (const secret of text.match(/SECRET-[a-z]+/g) ?? []) expect(allowed.has(secret.slice('SECRET-'.length)), secret).toBe(true);
  expect(JSON.parse(text)).toEqual(view); // plain JSON
}

describe('properties', () => {
  it('the same events give the same debrief', () => {
    fc.assert(fc.property(movesArb, (moves) => {
      const events = play(moves).runtime.events;
      const a = computeDebrief(rich, events, { sessionId: 's1' });
      const b = computeDebrief(rich, structuredClone([...events]), { sessionId: 's1' });
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      // and the same moves give the same events
      expect(play(moves).runtime.events).toEqual(events);
    }), RUNS);
  });

  it('the fold of the stored events equals the live state', () => {
    fc.assert(fc.property(movesArb, (moves) => {
      const h = play(moves);
      expect(reduce(rich, h.store.load('s1'))).toEqual(h.runtime.state);
      expect(h.store.load('s1')).toEqual(h.runtime.events);
    }), RUNS);
  });

  it('pausing for any wall duration changes no exercise time', () => {
    fc.assert(fc.property(movesArb, fc.integer({ min: 0, max: 30 * 24 * 3600_000 }), (moves, pauseMs) => {
      const h = play(moves);
      if (h.runtime.state.status !== 'running') h.runtime.dispatch('facilitator', { type: 'session.resume' });
      if (h.runtime.state.status !== 'running') return;
      h.ok('facilitator', { type: 'session.pause' });
      const before = h.runtime.now();
      const events = h.runtime.events.length;
      h.timers.advanceBy(pauseMs);
      expect(h.runtime.now()).toBe(before);
      expect(h.runtime.events.length).toBe(events); // nothing delivered while paused
      h.ok('facilitator', { type: 'session.resume' });
      expect(h.runtime.now()).toBe(before);
    }), RUNS);
  });

  it('every score lies within [0, possible]', () => {
    fc.assert(fc.property(movesArb, (moves) => {
      const d = computeDebrief(rich, play(moves).runtime.events);
      const within = (x: { points: number; possible: number }) => {
        expect(x.points).toBeGreaterThanOrEqual(0);
        expect(x.points).toBeLessThanOrEqual(x.possible + 1e-9);
      };
      d.prompts.forEach(within);
      d.steps.forEach(within);
      d.objectives.forEach(within);
      within(d.score);
      for (const p of d.prompts) {
        expect(p.correctness).toBeGreaterThanOrEqual(0);
        expect(p.correctness).toBeLessThanOrEqual(1);
        if (p.answer !== null) expect(p.timeliness).toBeGreaterThanOrEqual(0.5);
      }
      if (d.score.percent !== null) expect(d.score.percent).toBeLessThanOrEqual(100 + 1e-9);
    }), RUNS);
  });

  it('no role or room view contains another role’s inject, an expect key, scores or facilitator notes', () => {
    fc.assert(fc.property(movesArb, (moves) => {
      const h = play(moves);
      const state = h.runtime.state;
      const now = h.runtime.now();
      const adhocTo = new Map(state.adhoc.map((a) => [a.inject, a.to]));
      for (const role of ['ic', 'eng', 'comms']) {
        const view = roleView(rich, state, role, now);
        if (!view) throw new Error('no view');
        const allowed = new Set(rich.injects.filter((i) => i.to.includes(role)).map((i) => i.id));
        if (state.adhoc.some((a) => a.to.includes(role))) allowed.add('adhoc');
        assertNoLeak(view, allowed);
        for (const inj of view.injects) expect(inj.adhoc ? adhocTo.get(inj.id) : rich.injects.find((i) => i.id === inj.id)?.to).toContain(role);
        const own = new Set(rich.injects.flatMap((i) => i.prompts).filter((p) => p.role === role).map((p) => p.id));
        for (const a of state.adhoc) if (a.prompt?.role === role) own.add(a.prompt.id);
        for (const p of view.prompts) expect(own.has(p.id), p.id).toBe(true);
      }
      assertNoLeak(roomView(rich, state, now), new Set(['room']));
    }), RUNS);
  });
});
