// Worked examples, computed by hand, for every scoring rule of scenario-format.md.
import { describe, expect, it } from 'vitest';
import { computeDebrief, ratingFor, timeliness } from '../../../core/scoring/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { at, expect_, harness, inject, prompt, scenario, step } from '../engine/helpers.ts';

/** Prompts: p-choice (ic) and p-multi (eng) at 0s; p-text and p-review (comms) at 100s; p-late never delivered. */
function scoringScenario(extra: Partial<Scenario> = {}): Scenario {
  return scenario({
    injects: [
      inject({
        id: 'i1', trigger: at(0), to: ['ic', 'eng'], prompts: [
          prompt({ id: 'p-choice', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['a'], acceptable: ['b'], acceptableCredit: 0.4, within: 60 }) }),
          prompt({ id: 'p-multi', role: 'eng', type: 'multi', objective: 'detect', points: 20, expect: expect_({ best: ['a', 'b'], acceptable: ['c'] }) }),
        ],
      }),
      inject({
        id: 'i2', trigger: at(100), to: ['comms'], prompts: [
          prompt({ id: 'p-text', role: 'comms', type: 'text', objective: 'communicate', points: 30, expect: expect_({ keywords: [['rollback', 'roll back'], ['customers'], ['eta']], within: 120 }) }),
          prompt({ id: 'p-review', role: 'comms', type: 'text', objective: 'communicate', points: 10 }),
        ],
      }),
      inject({ id: 'i3', trigger: at(5000), to: ['ic'], prompts: [prompt({ id: 'p-late', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['a'] }) })] }),
    ],
    ...extra,
  });
}

type H = ReturnType<typeof harness>;
function run(sc: Scenario, script: (h: H) => void) {
  const h = harness(sc);
  script(h);
  return computeDebrief(sc, h.runtime.events, { sessionId: 's1' });
}
const promptOf = (d: ReturnType<typeof computeDebrief>, id: string) => {
  const p = d.prompts.find((x) => x.id === id);
  if (!p) throw new Error(`no prompt ${id} in the debrief`);
  return p;
};

describe('choice correctness', () => {
  it.each([
    ['a', 1, 10], // in best
    ['b', 0.4, 4], // in acceptable: acceptable_credit 0.4
    ['c', 0, 0], // neither
  ])('answer %s gives c=%s and %s points', (answer, c, points) => {
    const d = run(scoringScenario(), (h) => {
      h.to(30);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer });
    });
    const p = promptOf(d, 'p-choice');
    expect(p.correctness).toBe(c);
    expect(p.timeliness).toBe(1);
    expect(p.points).toBeCloseTo(points, 10);
    expect(p.possible).toBe(10);
  });

  it('counts the last answer, with its own response time', () => {
    const d = run(scoringScenario(), (h) => {
      h.to(10);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'c' });
      h.to(90);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'a' });
    });
    const p = promptOf(d, 'p-choice');
    // r = 90 > within 60: t = 1 - 0.5 * 30/60 = 0.75; 10 * 1 * 0.75 = 7.5
    expect(p.answer).toBe('a');
    expect(p.answer_labels).toEqual(['A']);
    expect(p.response_time_s).toBe(90);
    expect(p.timeliness).toBe(0.75);
    expect(p.points).toBe(7.5);
  });
});

describe('multi correctness: max(0, (hits - wrong) / |best|), best [a,b], acceptable [c]', () => {
  it.each([
    [['a', 'b'], 1], // 2 hits
    [['a', 'c'], 0.5], // 1 hit, c acceptable is not wrong
    [['a', 'b', 'c'], 1],
    [['a', 'b', 'd'], 0.5], // (2 - 1) / 2
    [['a', 'd'], 0], // (1 - 1) / 2
    [['d'], 0], // max(0, -1/2)
    [['c'], 0], // no hits, nothing wrong
  ])('%j gives c=%s', (answer, c) => {
    const d = run(scoringScenario(), (h) => {
      h.to(5);
      h.ok('role:eng', { type: 'prompt.answer', prompt: 'p-multi', answer });
    });
    const p = promptOf(d, 'p-multi');
    expect(p.correctness).toBe(c);
    expect(p.points).toBe(20 * c);
  });
});

describe('text correctness: keyword groups, case-insensitive, whole words, phrases', () => {
  it.each([
    ['We will ROLL BACK now; customers are told.', 2 / 3], // phrase "roll back" + customers
    ['Rollback done. Customers informed, ETA 10 minutes.', 1],
    ['Rollbacks for every customer', 0], // whole words: neither rollbacks nor customer match
    ['eta: soon', 1 / 3],
    ['roll   back', 1 / 3], // a phrase matches across spacing
    ['We will roll the deployment back', 0], // not the phrase
  ])('%j gives c=%s', (answer, c) => {
    const d = run(scoringScenario(), (h) => {
      h.to(150);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-text', answer });
    });
    const p = promptOf(d, 'p-text');
    expect(p.correctness).toBeCloseTo(c, 12);
    expect(p.points).toBeCloseTo(30 * c, 12);
    expect(p.needs_review).toBe(false);
  });

  it('without keywords: c = 0 and the answer is marked for review; a grade replaces c', () => {
    const before = run(scoringScenario(), (h) => {
      h.to(110);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-review', answer: 'Anything at all' });
    });
    expect(promptOf(before, 'p-review')).toMatchObject({ correctness: 0, points: 0, needs_review: true, graded_by_facilitator: false });

    const after = run(scoringScenario(), (h) => {
      h.to(110);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-review', answer: 'Anything at all' });
      h.to(200);
      h.ok('facilitator', { type: 'answer.grade', prompt: 'p-review', credit: 0.8, reason: 'Clear, no ETA' });
    });
    // c = 0.8, r = 10 s with no within: t = 1, 10 * 0.8 = 8
    expect(promptOf(after, 'p-review')).toMatchObject({
      correctness: 0.8, timeliness: 1, points: 8, needs_review: false, graded_by_facilitator: true, grade: { credit: 0.8, reason: 'Clear, no ETA' },
    });
  });
});

describe('grades', () => {
  it('a grade changes c, never r; a later answer is not covered by an earlier grade', () => {
    const graded = run(scoringScenario(), (h) => {
      h.to(90);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'c' });
      h.to(300);
      h.ok('facilitator', { type: 'answer.grade', prompt: 'p-choice', credit: 0.6, reason: 'Defensible' });
    });
    // c = 0.6, r = 90 (not 300): t = 0.75; 10 * 0.6 * 0.75 = 4.5
    expect(promptOf(graded, 'p-choice')).toMatchObject({ correctness: 0.6, response_time_s: 90, timeliness: 0.75, points: 4.5, graded_by_facilitator: true });

    const reanswered = run(scoringScenario(), (h) => {
      h.to(10);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'c' });
      h.ok('facilitator', { type: 'answer.grade', prompt: 'p-choice', credit: 1, reason: 'ok' });
      h.to(20);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'b' });
    });
    expect(promptOf(reanswered, 'p-choice')).toMatchObject({ correctness: 0.4, graded_by_facilitator: false, grade: null, points: 4 });
  });
});

describe('timeliness', () => {
  it.each([
    [30, 1], // inside within
    [60, 1], // exactly within
    [90, 0.75], // between within and twice within: 1 - 0.5 * 30/60
    [120, 0.5], // twice within
    [200, 0.5], // beyond: the 0.5 floor
  ])('answered %s s after delivery (within 60 s): t = %s', (r, t) => {
    const d = run(scoringScenario(), (h) => {
      h.to(r);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'a' });
    });
    expect(promptOf(d, 'p-choice').timeliness).toBe(t);
    expect(promptOf(d, 'p-choice').points).toBe(10 * t);
  });

  it('has no penalty without within, and a within of 0 gives the floor to any later answer', () => {
    expect(timeliness(10_000, undefined)).toBe(1);
    expect(timeliness(0, 0)).toBe(1);
    expect(timeliness(1, 0)).toBe(0.5);
  });
});

describe('unanswered and undelivered prompts', () => {
  it('scores an unanswered delivered prompt 0 of its points and leaves undelivered prompts out', () => {
    const d = run(scoringScenario(), (h) => {
      h.to(20);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'a' });
      h.to(200);
      h.ok('facilitator', { type: 'session.end' });
    });
    expect(d.prompts.map((p) => p.id)).toEqual(['p-choice', 'p-multi', 'p-text', 'p-review']);
    expect(promptOf(d, 'p-multi')).toMatchObject({ answer: null, correctness: 0, timeliness: 0, points: 0, possible: 20, answered_at_s: null, response_time_s: null });
    // possible = 10 + 20 + 30 + 10 (p-late undelivered: out); points = 10
    expect(d.score).toEqual({ points: 10, possible: 70, percent: (10 / 70) * 100, computed_rating: 'U', rating: 'U', capped_by: null });
    // detect: p-choice 10/10 + p-multi 0/20 (p-late left out) = 10/30
    expect(d.objectives.find((o) => o.id === 'detect')).toMatchObject({ points: 10, possible: 30 });
  });
});

describe('runbook steps', () => {
  const sc = scoringScenario({
    runbook: [
      step({ id: 'declare', by: 60, objective: 'detect', metric: 'detect', metBy: [{ kind: 'prompt', prompt: 'p-choice', with: ['a', 'b'] }] }),
      step({ id: 'rollback', by: 200, objective: 'communicate', points: 20, metric: 'mitigate', metBy: [{ kind: 'action', action: 'rollback' }] }),
      step({ id: 'statement', by: 300, objective: 'communicate', metric: 'communicate', metBy: [{ kind: 'prompt', prompt: 'p-text' }] }),
      step({ id: 'reviewed', by: 400, metBy: [{ kind: 'prompt', prompt: 'p-review' }] }),
    ],
  });

  it('on time, late and never', () => {
    const d = run(sc, (h) => {
      h.to(60);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'b' }); // at by: on time
      h.to(250);
      h.ok('role:eng', { type: 'action.take', action: 'rollback' }); // 50 s late: half
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-text', answer: 'eta unknown' }); // credit 1/3 < 0.5: not met
      h.to(500);
      h.ok('facilitator', { type: 'session.end' });
    });
    expect(d.steps.map((s) => [s.id, s.met_at_s, s.on_time, s.points, s.possible])).toEqual([
      ['declare', 60, true, 10, 10],
      ['rollback', 250, false, 10, 20],
      ['statement', null, false, 0, 10],
      ['reviewed', null, false, 0, 10],
    ]);
    expect(d.metrics).toEqual([
      { name: 'detect', step: 'declare', at_s: 60, target_s: 60 },
      { name: 'mitigate', step: 'rollback', at_s: 250, target_s: 200 },
      { name: 'communicate', step: 'statement', at_s: null, target_s: 300 },
    ]);
  });

  it('a text prompt meets a step by keyword credit >= 0.5, or by a grade >= 0.5 at the time of the grade', () => {
    const d = run(sc, (h) => {
      h.to(120);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-text', answer: 'Rolling back; customers informed' }); // 1/3: not met
      h.to(150);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-text', answer: 'Rollback under way; customers informed' }); // 2/3: met at 150
      h.to(130 + 100);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'p-review', answer: 'We said something' });
      h.to(380);
      h.ok('facilitator', { type: 'answer.grade', prompt: 'p-review', credit: 0.4, reason: 'weak' }); // < 0.5: not met
      h.to(450);
      h.ok('facilitator', { type: 'answer.grade', prompt: 'p-review', credit: 0.5, reason: 'fine' }); // met at 450: late
    });
    expect(d.steps.find((s) => s.id === 'statement')).toMatchObject({ met_at_s: 150, on_time: true, points: 10 });
    expect(d.steps.find((s) => s.id === 'reviewed')).toMatchObject({ met_at_s: 450, on_time: false, points: 5 });
  });

  it('every step counts in the possible, met or not', () => {
    const d = run(sc, (h) => h.ok('facilitator', { type: 'session.end' }));
    // prompts delivered at 0 only (i1): 10 + 20; steps: 10 + 20 + 10 + 10
    expect(d.score.possible).toBe(80);
    expect(d.score.points).toBe(0);
  });
});

describe('objectives: percent, P/S/M/U at 90/70/40, overrides', () => {
  it.each([
    [100, 'P'], [90, 'P'], [89.99, 'S'], [70, 'S'], [69.9, 'M'], [40, 'M'], [39.9, 'U'], [0, 'U'], [null, null],
  ])('%s%% rates %s', (percent, rating) => {
    expect(ratingFor(percent)).toBe(rating);
  });

  it('63 of 70 points is exactly 90%: P', () => {
    expect(ratingFor((63 / 70) * 100)).toBe('P');
  });

  it('an override is the rating in force, with its reason, beside the computed one; it can be withdrawn', () => {
    const sc = scoringScenario();
    const d = run(sc, (h) => {
      h.to(5);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'p-choice', answer: 'a' }); // 10
      h.ok('role:eng', { type: 'prompt.answer', prompt: 'p-multi', answer: ['a', 'c'] }); // 10 of 20
      h.ok('facilitator', { type: 'objective.rate', objective: 'communicate', rating: 'S', reason: 'Verbal updates were good' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'detect', rating: 'U', reason: 'first' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'detect', rating: null, reason: '' });
    });
    const detect = d.objectives.find((o) => o.id === 'detect');
    // detect: 20 of 30 = 66.67%: M
    expect(detect).toMatchObject({ points: 20, possible: 30, computed_rating: 'M', rating: 'M', rating_override: null });
    expect(detect?.percent).toBeCloseTo(66.6667, 3);
    // communicate: nothing delivered yet (i2 at 100 s): percent null, computed null, override S
    expect(d.objectives.find((o) => o.id === 'communicate')).toMatchObject({
      possible: 0, percent: null, computed_rating: null, rating: 'S', rating_override: { rating: 'S', reason: 'Verbal updates were good' },
    });
  });
});
