import { describe, expect, it } from 'vitest';
import { at, after, harness, inject, prompt, scenario } from './helpers.ts';

describe('runtime smoke', () => {
  it('delivers scheduled injects on virtual time and accepts an answer', () => {
    const sc = scenario({
      injects: [
        inject({ id: 'a', trigger: at(60), prompts: [prompt({ id: 'p1', role: 'ic', type: 'choice' })] }),
        inject({ id: 'b', trigger: after('a', 30) }),
      ],
    });
    const h = harness(sc);
    h.to(59);
    expect(h.delivered()).toEqual([]);
    h.to(60);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 60_000 }]);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    h.to(100);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 60_000 }, { inject: 'b', at: 90_000 }]);
  });
});
