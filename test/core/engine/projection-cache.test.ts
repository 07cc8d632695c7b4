// The caches behind the projections (core/engine/projection-cache.ts) keep what did not change: an
// event that touches one prompt rebuilds that prompt's entry and its inject's, and nothing else.
// (That the kept views equal views computed afresh is projection-kept.test.ts's property.)
import { describe, expect, it } from 'vitest';
import { facilitatorView, roleView } from '../../../core/engine/projections.ts';
import { play, rich } from './fixtures.ts';

describe('projection caches', () => {
  it('reuse unchanged inject entries, prompt views and delivered contents between views of a session', () => {
    const h = play([{ advance: 46_000 }]);
    const state = h.runtime.state;
    const before = facilitatorView(rich, state, h.runtime.now());
    const engBefore = roleView(rich, state, 'eng', h.runtime.now());
    expect(h.runtime.dispatch('role:ic', { type: 'prompt.answer', prompt: 'sev', answer: 'a' }).ok).toBe(true);
    const after = facilitatorView(rich, h.runtime.state, h.runtime.now());
    const engAfter = roleView(rich, h.runtime.state, 'eng', h.runtime.now());

    const entry = (view: typeof before, id: string) => view.injects.find((i) => i.id === id);
    // The answered prompt's inject is rebuilt, its other prompt is kept; other injects are kept.
    expect(entry(after, 'alert')).not.toBe(entry(before, 'alert'));
    expect(entry(after, 'alert')?.prompts.find((p) => p.id === 'sev')?.answer).toBe('a');
    expect(entry(after, 'alert')?.prompts.find((p) => p.id === 'checks')).toBe(entry(before, 'alert')?.prompts.find((p) => p.id === 'checks'));
    expect(entry(after, 'room')).toBe(entry(before, 'room'));
    expect(entry(after, 'press')).toBe(entry(before, 'press'));
    // A delivered inject's content is one frozen object, shared by the views that show it.
    expect(engAfter?.injects[0]).toBe(engBefore?.injects[0]);
    expect(Object.isFrozen(engAfter?.injects[0])).toBe(true);
    // Options copied from the scenario once, frozen, and shared.
    expect(engAfter?.prompts[0]?.options).toBe(engBefore?.prompts[0]?.options);
    expect(Object.isFrozen(engAfter?.prompts[0]?.options)).toBe(true);
  });
});
