// Scoring version 1.1 (scenario-format.md, "Version 1.1"): avoid groups, all-of runbook entries,
// the overall rating capped one band above the weakest objective, provisional text credit. Each
// case is worked by hand from the page's rules.
import { describe, expect, it } from 'vitest';
import { computeDebrief } from '../../../core/scoring/index.ts';
import { cappedRating, textCorrectness } from '../../../core/scoring/rules.ts';
import type { Rating, Scenario } from '../../../core/scenario/types.ts';
import { at, expect_, harness, inject, prompt, scenario, step } from '../engine/helpers.ts';

type H = ReturnType<typeof harness>;
function run(sc: Scenario, script: (h: H) => void) {
  const h = harness(sc);
  script(h);
  return computeDebrief(sc, h.runtime.events, { sessionId: 's1' });
}

const HOLDING = expect_({
  keywords: [['investigating'], ['next update', 'update at'], ['status page']],
  avoid: [
    { any: ['never happen again', "won't happen again"], why: 'Promises what no one can promise' },
    { any: ['RecoCloud'], why: 'Names and blames a vendor in public' },
  ],
  within: 240,
});

describe('avoid groups', () => {
  it('take half a group off the keyword credit for each matched avoid group, never below 0', () => {
    const clean = textCorrectness('We are investigating. Next update at 11:00 on the status page.', HOLDING);
    expect(clean).toEqual({ correctness: 1, needsReview: false, avoided: [] });
    // 3/3 keywords - 0.5 x 2 avoid groups = 0
    const bad = textCorrectness('RecoCloud broke it. We are investigating; this will never happen again. Next update on the status page.', HOLDING);
    expect(bad.correctness).toBe(0);
    expect(bad.avoided).toEqual(['Promises what no one can promise', 'Names and blames a vendor in public']);
    // 2/3 keywords - 0.5 = 1/6
    const one = textCorrectness('Investigating with RecoCloud, see the status page.', HOLDING);
    expect(one.correctness).toBeCloseTo(2 / 3 - 0.5, 12);
    expect(one.avoided).toEqual(['Names and blames a vendor in public']);
  });

  it('match like keywords: case-insensitive, whole words, Unicode letters, apostrophes split words', () => {
    const e = expect_({ keywords: [['ok']], avoid: [{ any: ['Zürich'], why: 'names the site' }, { any: ["won't happen again"], why: 'promise' }] });
    expect(textCorrectness('ok, ZÜRICH is down', e).avoided).toEqual(['names the site']);
    expect(textCorrectness('ok, Zürichsee is down', e).avoided).toEqual([]);
    expect(textCorrectness('ok — it WON’T… no: won t happen again', e).avoided).toEqual(['promise']);
    // NFC: a decomposed ü matches the composed one in the file.
    expect(textCorrectness('ok Zu\u0308rich', e).avoided).toEqual(['names the site']);
  });

  it('list avoided reasons in the debrief, mark keyword credit provisional, and a grade clears both', () => {
    const sc = scenario({
      injects: [inject({ id: 'i1', trigger: at(0), to: ['comms'], prompts: [prompt({ id: 'hold', role: 'comms', type: 'text', objective: 'communicate', expect: HOLDING })] })],
    });
    const words = 'We are investigating the RecoCloud fault; next update at 11:00 on the status page.';
    const d1 = run(sc, (h) => {
      h.to(60);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: words });
    });
    const p1 = d1.prompts[0];
    expect(p1).toMatchObject({ correctness: 0.5, avoided: ['Names and blames a vendor in public'], provisional: true, needs_review: false, points: 5 });
    const d2 = run(sc, (h) => {
      h.to(60);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: words });
      h.ok('facilitator', { type: 'answer.grade', prompt: 'hold', credit: 0.9, reason: 'Vendor named, but factual' });
    });
    expect(d2.prompts[0]).toMatchObject({ correctness: 0.9, avoided: [], provisional: false, graded_by_facilitator: true });
  });

  it('a text prompt without keywords needs review and is not provisional; choice prompts never are', () => {
    const sc = scenario({
      injects: [inject({
        id: 'i1', trigger: at(0), to: ['ic', 'comms'], prompts: [
          prompt({ id: 'free', role: 'comms', type: 'text', objective: 'communicate' }),
          prompt({ id: 'pick', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['a'] }) }),
        ],
      })],
    });
    const d = run(sc, (h) => {
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'free', answer: 'Anything' });
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'pick', answer: 'a' });
    });
    expect(d.prompts.map((p) => [p.id, p.needs_review, p.provisional, p.avoided])).toEqual([['free', true, false, []], ['pick', false, false, []]]);
  });
});

describe('runbook met_by {all: [...]}', () => {
  const sc = (): Scenario => scenario({
    actions: [{ id: 'publish', title: 'Publish on the status page', roles: ['comms'] }],
    injects: [inject({ id: 'i1', trigger: at(0), to: ['comms'], prompts: [prompt({ id: 'hold', role: 'comms', type: 'text', objective: 'communicate', expect: HOLDING })] })],
    runbook: [step({ id: 'tell', by: 600, objective: 'communicate', metBy: [{ kind: 'all', entries: [{ kind: 'prompt', prompt: 'hold' }, { kind: 'action', action: 'publish' }] }] })],
  });
  const GOOD = 'We are investigating; next update at 11:00 on the status page.';

  it('words alone do not meet the step', () => {
    const d = run(sc(), (h) => {
      h.to(60);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: GOOD });
    });
    expect(d.steps[0]).toMatchObject({ met_at_s: null, points: 0 });
  });

  it('is met at the later of the two first satisfactions, in either order', () => {
    const wordsFirst = run(sc(), (h) => {
      h.to(60);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: GOOD });
      h.to(300);
      h.ok('role:comms', { type: 'action.take', action: 'publish' });
    });
    expect(wordsFirst.steps[0]).toMatchObject({ met_at_s: 300, on_time: true, points: 10 });
    const actFirst = run(sc(), (h) => {
      h.to(30);
      h.ok('role:comms', { type: 'action.take', action: 'publish' });
      h.to(700);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: GOOD });
    });
    expect(actFirst.steps[0]).toMatchObject({ met_at_s: 700, on_time: false, points: 5 });
  });

  it('an answer spoiled by avoid groups does not satisfy the prompt entry; a grade of 0.5 does, at its time', () => {
    const d = run(sc(), (h) => {
      h.to(10);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: `${GOOD} RecoCloud caused it and it will never happen again.` });
      h.ok('role:comms', { type: 'action.take', action: 'publish' });
      h.to(400);
      expect(h.runtime.state.steps.get('tell')?.metAt).toBeNull();
      h.ok('facilitator', { type: 'answer.grade', prompt: 'hold', credit: 0.5, reason: 'Right content, wrong tone' });
    });
    expect(d.steps[0]).toMatchObject({ met_at_s: 400, on_time: true });
  });

  it('a satisfied inner entry stays satisfied when the answer is later changed', () => {
    const d = run(sc(), (h) => {
      h.to(10);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: GOOD });
      h.to(20);
      h.ok('role:comms', { type: 'prompt.answer', prompt: 'hold', answer: 'nothing useful' });
      h.to(40);
      h.ok('role:comms', { type: 'action.take', action: 'publish' });
    });
    expect(d.steps[0]?.met_at_s).toBe(40);
  });
});

describe('the overall rating: the weakest objective bounds the whole', () => {
  it('caps the band one above the lowest rating in force', () => {
    const o = (...ratings: (Rating | null)[]) => ratings.map((rating, i) => ({ id: `o${i}`, rating }));
    expect(cappedRating('P', o('P', 'P', 'U'))).toEqual({ rating: 'M', cappedBy: 'o2' });
    expect(cappedRating('S', o('P', 'U', 'U'))).toEqual({ rating: 'M', cappedBy: 'o1' });
    expect(cappedRating('M', o('M', 'M', 'M'))).toEqual({ rating: 'M', cappedBy: null });
    expect(cappedRating('P', o('S', 'P'))).toEqual({ rating: 'P', cappedBy: null });
    expect(cappedRating('P', o('M', 'P'))).toEqual({ rating: 'S', cappedBy: 'o0' });
    expect(cappedRating('U', o('P'))).toEqual({ rating: 'U', cappedBy: null });
    expect(cappedRating('P', o(null, 'P'))).toEqual({ rating: 'P', cappedBy: null });
    expect(cappedRating(null, o('U'))).toEqual({ rating: null, cappedBy: null });
  });

  // Three objectives of one choice prompt each, worth 40, 40 and 20 points.
  const three = (): Scenario => scenario({
    objectives: [{ id: 'detect', title: 'Detect' }, { id: 'recover', title: 'Recover' }, { id: 'communicate', title: 'Communicate' }],
    injects: [inject({
      id: 'i1', trigger: at(0), to: ['ic', 'eng', 'comms'], prompts: [
        prompt({ id: 'd', role: 'ic', type: 'choice', objective: 'detect', points: 40, expect: expect_({ best: ['a'], acceptable: ['b'], acceptableCredit: 0.5, within: 60 }) }),
        prompt({ id: 'r', role: 'eng', type: 'choice', objective: 'recover', points: 40, expect: expect_({ best: ['a'], acceptable: ['b'], acceptableCredit: 0.5, within: 60 }) }),
        prompt({ id: 'c', role: 'comms', type: 'choice', objective: 'communicate', points: 20, expect: expect_({ best: ['a'], acceptable: ['b'], acceptableCredit: 0.5, within: 60 }) }),
      ],
    })],
  });

  it('a team that fixed everything and told no one is M overall, capped by Communicate (80% would be S)', () => {
    const d = run(three(), (h) => {
      h.to(30);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'd', answer: 'a' });
      h.ok('role:eng', { type: 'prompt.answer', prompt: 'r', answer: 'a' });
      h.ok('facilitator', { type: 'session.end' });
    });
    expect(d.objectives.map((o) => o.rating)).toEqual(['P', 'P', 'U']);
    expect(d.score).toEqual({ points: 80, possible: 100, percent: 80, computed_rating: 'M', rating: 'M', capped_by: 'communicate' });
  });

  it('one that was right but slow everywhere is M, not capped', () => {
    // Every answer best, at 120 s against within 60 s: t = 0.5, so 50% everywhere.
    const d = run(three(), (h) => {
      h.to(120);
      for (const [role, id] of [['ic', 'd'], ['eng', 'r'], ['comms', 'c']] as const) h.ok(`role:${role}`, { type: 'prompt.answer', prompt: id, answer: 'a' });
    });
    expect(d.objectives.map((o) => o.rating)).toEqual(['M', 'M', 'M']);
    expect(d.score).toMatchObject({ percent: 50, computed_rating: 'M', rating: 'M', capped_by: null });
  });

  it('a strong team is P', () => {
    const d = run(three(), (h) => {
      h.to(20);
      for (const [role, id] of [['ic', 'd'], ['eng', 'r'], ['comms', 'c']] as const) h.ok(`role:${role}`, { type: 'prompt.answer', prompt: id, answer: 'a' });
    });
    expect(d.score).toMatchObject({ percent: 100, rating: 'P', capped_by: null });
  });

  it("counts facilitators' overrides: raising the weak objective lifts the cap, lowering one imposes it", () => {
    const lifted = run(three(), (h) => {
      h.to(30);
      h.ok('role:ic', { type: 'prompt.answer', prompt: 'd', answer: 'a' });
      h.ok('role:eng', { type: 'prompt.answer', prompt: 'r', answer: 'a' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'communicate', rating: 'S', reason: 'Told the exec in person' });
    });
    expect(lifted.score).toMatchObject({ percent: 80, rating: 'S', capped_by: null });
    const lowered = run(three(), (h) => {
      h.to(20);
      for (const [role, id] of [['ic', 'd'], ['eng', 'r'], ['comms', 'c']] as const) h.ok(`role:${role}`, { type: 'prompt.answer', prompt: id, answer: 'a' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'recover', rating: 'M', reason: 'Luck, not method' });
    });
    expect(lowered.score).toMatchObject({ percent: 100, computed_rating: 'S', rating: 'S', capped_by: 'recover' });
  });

  it('among equally low objectives, names the first in file order', () => {
    const d = run(three(), (h) => {
      h.to(20);
      for (const [role, id] of [['ic', 'd'], ['eng', 'r'], ['comms', 'c']] as const) h.ok(`role:${role}`, { type: 'prompt.answer', prompt: id, answer: 'a' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'communicate', rating: 'U', reason: 'x' });
      h.ok('facilitator', { type: 'objective.rate', objective: 'detect', rating: 'U', reason: 'y' });
    });
    expect(d.score).toMatchObject({ percent: 100, computed_rating: 'M', rating: 'M', capped_by: 'detect' });
  });
});
