// Every trigger and condition form, alone and combined, and the order of deliveries at equal times.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../core/scenario/types.ts';
import { after, at, harness, inject, prompt, scenario, step, when } from './helpers.ts';

const P1 = prompt({ id: 'p1', role: 'ic', type: 'choice' });
const T1 = prompt({ id: 't1', role: 'ic', type: 'text' });

/** i0 at 10 s carries p1 (choice) and t1 (text); `target` is triggered by `condition`. */
function withCondition(condition: Condition, delay = 0, extra: Parameters<typeof scenario>[0]['runbook'] = []) {
  return scenario({
    injects: [inject({ id: 'i0', trigger: at(10), prompts: [P1, T1] }), inject({ id: 'target', trigger: when(condition, delay) })],
    runbook: extra,
  });
}

const deliveredAt = (h: ReturnType<typeof harness>, id: string) => h.delivered().find((d) => d.inject === id)?.at ?? null;

describe('at and after', () => {
  it('delivers `at` at its exercise time and `after` at the parent delivery plus delay', () => {
    const h = harness(scenario({ injects: [inject({ id: 'b', trigger: after('a', 45) }), inject({ id: 'a', trigger: at(90) })] }));
    h.to(89.999);
    expect(h.delivered()).toEqual([]);
    h.to(200);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 90_000 }, { inject: 'b', at: 135_000 }]);
  });

  it('an `after` follows the parent when the facilitator delivers it early', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: at(600) }), inject({ id: 'b', trigger: after('a', 30) })] }));
    h.to(100);
    h.ok('facilitator', { type: 'inject.deliver', inject: 'a' });
    h.to(1000);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 100_000 }, { inject: 'b', at: 130_000 }]);
    const how = h.runtime.events.filter((e) => e.type === 'inject.delivered').map((e) => (e.payload as { how: string }).how);
    expect(how).toEqual(['early', 'scheduled']);
  });

  it('never delivers an inject whose parent is never delivered', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: when({ kind: 'action', action: 'rollback' }) }), inject({ id: 'b', trigger: after('a') })] }));
    h.to(10_000);
    expect(h.delivered()).toEqual([]);
    expect(h.timers.pending).toBe(0);
  });
});

describe('when: answered', () => {
  it('is true at the first answer, plus delay', () => {
    const h = harness(withCondition({ kind: 'answered', prompt: 'p1' }, 20));
    h.to(30);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'c' });
    h.to(45);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    h.to(100);
    expect(deliveredAt(h, 'target')).toBe(50_000);
  });

  it('with options: true at the first answer that includes one of them', () => {
    const h = harness(withCondition({ kind: 'answered', prompt: 'p1', with: ['a', 'b'] }));
    h.to(30);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'c' });
    h.to(40);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'b' });
    h.to(41);
    expect(deliveredAt(h, 'target')).toBe(40_000);
  });
});

describe('when: unanswered for', () => {
  it('is true `for` after the prompt’s delivery when it is still unanswered', () => {
    const h = harness(withCondition({ kind: 'unanswered', prompt: 'p1', for: 60 }, 5));
    h.to(74.999);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.to(75);
    expect(deliveredAt(h, 'target')).toBe(75_000);
  });

  it('never becomes true when the prompt is answered before', () => {
    const h = harness(withCondition({ kind: 'unanswered', prompt: 'p1', for: 60 }));
    h.to(69.999);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    h.to(1000);
    expect(deliveredAt(h, 'target')).toBeNull();
  });

  it('an answer at exactly the moment comes after the delivery that falls due then', () => {
    const h = harness(withCondition({ kind: 'unanswered', prompt: 'p1', for: 60 }));
    h.to(70);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    expect(deliveredAt(h, 'target')).toBe(70_000);
  });

  it('is false while the prompt’s inject is undelivered', () => {
    const sc = scenario({ injects: [inject({ id: 'i0', trigger: when({ kind: 'action', action: 'page' }), prompts: [P1] }), inject({ id: 'target', trigger: when({ kind: 'unanswered', prompt: 'p1', for: 1 }) })] });
    const h = harness(sc);
    h.to(5000);
    expect(h.delivered()).toEqual([]);
  });
});

describe('when: action', () => {
  it('is true when the action is taken by anyone', () => {
    const h = harness(withCondition({ kind: 'action', action: 'page' }));
    h.to(33);
    h.ok('role:comms', { type: 'action.take', action: 'page' });
    h.to(34);
    expect(deliveredAt(h, 'target')).toBe(33_000);
  });

  it('with `by`: only when that role takes it', () => {
    const h = harness(withCondition({ kind: 'action', action: 'page', by: 'ic' }));
    h.to(20);
    h.ok('role:comms', { type: 'action.take', action: 'page' });
    h.to(25);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.ok('role:ic', { type: 'action.take', action: 'page' });
    h.to(26);
    expect(deliveredAt(h, 'target')).toBe(25_000);
  });
});

describe('when: met and missed', () => {
  const runbook = [step({ id: 's1', by: 120, metBy: [{ kind: 'prompt', prompt: 'p1', with: ['a'] }, { kind: 'action', action: 'rollback' }] })];

  it('met: true when the step is met (by an action here)', () => {
    const h = harness(withCondition({ kind: 'met', step: 's1' }, 10, runbook));
    h.to(50);
    h.ok('role:eng', { type: 'action.take', action: 'rollback' });
    h.to(100);
    expect(deliveredAt(h, 'target')).toBe(60_000);
  });

  it('met by a text answer whose keyword credit reaches 0.5', () => {
    const sc = scenario({
      injects: [inject({ id: 'i0', trigger: at(0), prompts: [prompt({ id: 't1', role: 'ic', type: 'text', expect: { best: [], acceptable: [], acceptableCredit: 0.5, keywords: [['rollback'], ['status page']], avoid: [] } })] }),
        inject({ id: 'target', trigger: when({ kind: 'met', step: 's2' }) })],
      runbook: [step({ id: 's2', by: 100, metBy: [{ kind: 'prompt', prompt: 't1' }] })],
    });
    const h = harness(sc);
    h.to(10);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 't1', answer: 'nothing yet' });
    h.to(20);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 't1', answer: 'Update the STATUS page' });
    h.to(21);
    expect(deliveredAt(h, 'target')).toBe(20_000);
  });

  it('missed: true just after `by` passes without the step met', () => {
    const h = harness(withCondition({ kind: 'missed', step: 's1' }, 0, runbook));
    h.to(120);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.to(121);
    expect(deliveredAt(h, 'target')).toBe(120_001);
  });

  it('missed: never when the step is met at exactly `by` (that is on time)', () => {
    const h = harness(withCondition({ kind: 'missed', step: 's1' }, 0, runbook));
    h.to(120);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    h.to(1000);
    expect(deliveredAt(h, 'target')).toBeNull();
  });

  it('missed stays true when the step is met late', () => {
    const h = harness(withCondition({ kind: 'missed', step: 's1' }, 60, runbook));
    h.to(150);
    h.ok('role:eng', { type: 'action.take', action: 'rollback' });
    h.to(1000);
    expect(deliveredAt(h, 'target')).toBe(180_001);
  });
});

describe('when: any and all, combined', () => {
  it('any: the earliest of its parts', () => {
    const h = harness(withCondition({ kind: 'any', conditions: [{ kind: 'action', action: 'rollback' }, { kind: 'unanswered', prompt: 'p1', for: 100 }] }));
    h.to(40);
    h.ok('role:eng', { type: 'action.take', action: 'rollback' });
    h.to(500);
    expect(deliveredAt(h, 'target')).toBe(40_000);
  });

  it('any: a timer-driven part wins when it comes first', () => {
    const h = harness(withCondition({ kind: 'any', conditions: [{ kind: 'action', action: 'rollback' }, { kind: 'unanswered', prompt: 'p1', for: 100 }] }));
    h.to(500);
    expect(deliveredAt(h, 'target')).toBe(110_000);
  });

  it('all: when the last of its parts becomes true', () => {
    const h = harness(withCondition({ kind: 'all', conditions: [{ kind: 'action', action: 'rollback' }, { kind: 'answered', prompt: 'p1', with: ['a'] }] }, 5));
    h.to(20);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'a' });
    h.to(60);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.ok('role:eng', { type: 'action.take', action: 'rollback' });
    h.to(100);
    expect(deliveredAt(h, 'target')).toBe(65_000);
  });

  it('nested: all [ any [answered, action], missed ]', () => {
    const runbook = [step({ id: 's1', by: 30, metBy: [{ kind: 'action', action: 'page' }] })];
    const condition: Condition = { kind: 'all', conditions: [{ kind: 'any', conditions: [{ kind: 'answered', prompt: 'p1' }, { kind: 'action', action: 'rollback' }] }, { kind: 'missed', step: 's1' }] };
    const h = harness(withCondition(condition, 0, runbook));
    h.to(15);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'p1', answer: 'b' });
    h.to(30);
    expect(deliveredAt(h, 'target')).toBeNull();
    h.to(31);
    expect(deliveredAt(h, 'target')).toBe(30_001);
  });
});

describe('order at equal times', () => {
  it('deliveries due together go by due time, then scenario order; an `after` with no delay follows its parent', () => {
    const sc = scenario({
      injects: [
        inject({ id: 'follow', trigger: after('second', 0) }),
        inject({ id: 'first', trigger: at(60) }),
        inject({ id: 'second', trigger: at(60) }),
        inject({ id: 'earlier', trigger: at(59) }),
      ],
    });
    const h = harness(sc);
    h.to(61);
    expect(h.delivered().map((d) => d.inject)).toEqual(['earlier', 'first', 'second', 'follow']);
    expect(h.delivered().map((d) => d.at)).toEqual([59_000, 60_000, 60_000, 60_000]);
  });

  it('a pause of any wall length does not move the schedule', () => {
    const sc = scenario({ injects: [inject({ id: 'b', trigger: at(20) }), inject({ id: 'a', trigger: at(10) })] });
    const h = harness(sc);
    h.ok('facilitator', { type: 'session.pause' });
    h.timers.advanceBy(1_000_000);
    h.ok('facilitator', { type: 'session.resume' });
    h.to(30);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 10_000 }, { inject: 'b', at: 20_000 }]);
  });
});

describe('hold, release, skip, deliver early', () => {
  it('a held inject is not delivered when due; released late, it is delivered at the release', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: at(60) })] }));
    h.ok('facilitator', { type: 'inject.hold', inject: 'a' });
    h.to(100);
    expect(h.delivered()).toEqual([]);
    h.ok('facilitator', { type: 'inject.release', inject: 'a' });
    h.to(100.001);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 100_000 }]);
  });

  it('released before its time, it keeps its schedule', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: at(60) })] }));
    h.ok('facilitator', { type: 'inject.hold', inject: 'a' });
    h.to(30);
    h.ok('facilitator', { type: 'inject.release', inject: 'a' });
    h.to(100);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 60_000 }]);
  });

  it('a skipped inject is never delivered, and nothing that follows it', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: at(60) }), inject({ id: 'b', trigger: after('a') })] }));
    h.ok('facilitator', { type: 'inject.skip', inject: 'a' });
    h.to(1000);
    expect(h.delivered()).toEqual([]);
    expect(h.run('facilitator', { type: 'inject.deliver', inject: 'a' })).toMatchObject({ ok: false, rejection: { code: 'skipped' } });
  });

  it('an inject delivered early is never delivered again', () => {
    const h = harness(scenario({ injects: [inject({ id: 'a', trigger: at(60) })] }));
    h.to(5);
    h.ok('facilitator', { type: 'inject.deliver', inject: 'a' });
    h.to(1000);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 5_000 }]);
    expect(h.run('facilitator', { type: 'inject.deliver', inject: 'a' })).toMatchObject({ ok: false, rejection: { code: 'already-delivered' } });
  });
});
