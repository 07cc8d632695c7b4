import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rehearsal, RehearsalError, playActionOf, playIsFor, runPlay } from '../../../core/author/rehearsal.ts';
import { loadPlay } from '../../../core/scenario/index.ts';
import { simulatePlay } from '../../../core/scoring/simulate.ts';
import { repoRoot } from '../scenario/helpers.ts';

const text = (file: string) => readFileSync(`${repoRoot}scenarios/${file}`, 'utf8');

/** Answers every open prompt of every role: a choice with its first option, text with a sentence. */
async function answerAll(r: Rehearsal): Promise<number> {
  let n = 0;
  for (const role of r.scenario.roles) {
    for (const p of r.view(`role:${role.id}`).prompts) {
      if (p.answer !== null) continue;
      const answer = p.options.length ? (p.type === 'multi' ? [p.options[0]!.id] : p.options[0]!.id) : 'Roll back the model, page the on-call and post a status update.';
      const result = await r.dispatch(`role:${role.id}`, { type: 'prompt.answer', prompt: p.id, answer });
      expect(result.ok).toBe(true);
      n++;
    }
  }
  return n;
}

describe('Rehearsal', () => {
  it('runs a shipped scenario to its end in virtual time, and its play re-runs to the same score', async () => {
    const r = await Rehearsal.start(text('model-latency-slo.yaml'), 'model-latency-slo.yaml');
    expect(r.status).toBe('running');
    expect(r.exerciseMs()).toBe(0);
    // Starting is not a command the play leaves out: nothing is said to be missing from it yet.
    expect(r.leftOut).toEqual([]);
    const before = r.scores().score.points;
    let answered = 0;
    let steps = 0;
    const ended = (): boolean => r.status === 'ended';
    while (!ended() && steps++ < 200) {
      r.stepToNext();
      if (ended()) break;
      // Answer the first half of the exercise, then let the rest run unanswered.
      if (r.exerciseMs() < r.durationMs / 2) answered += await answerAll(r);
      expect(r.exerciseMs() % 1000).toBe(0);
    }
    expect(r.status).toBe('ended');
    expect(answered).toBeGreaterThan(2);
    expect(r.exerciseMs()).toBe(r.durationMs);
    expect(r.scores().score.points).toBeGreaterThan(before);
    const debrief = await r.debrief();
    expect(debrief.score.points).toBe(r.scores().score.points);
    expect(r.events.filter((e) => e.kind === 'answer')).toHaveLength(answered);

    const yaml = r.playYaml();
    const play = loadPlay(yaml, 'rehearsal.play.yaml');
    if (!play.ok) throw new Error(JSON.stringify(play.errors));
    expect(play.value.scenario).toBe('model-latency-slo');
    const replay = simulatePlay(r.scenario, play.value);
    expect(replay.rejected).toEqual([]);
    expect(replay.debrief.score).toEqual(debrief.score);
    expect(replay.debrief.prompts.map((p) => [p.id, p.points])).toEqual(debrief.prompts.map((p) => [p.id, p.points]));
    r.close();
  });

  it('records an action, a facilitator grade and an early end, and the replay agrees', async () => {
    const r = await Rehearsal.start(text('model-latency-slo.yaml'));
    r.advanceBy(90_500);
    expect(r.exerciseMs()).toBe(91_000); // whole seconds only
    const action = r.scenario.actions[0]!;
    const role = action.roles[0]!;
    expect((await r.dispatch(`role:${role}`, { type: 'action.take', action: action.id })).ok).toBe(true);
    const answeredText = () => r.scenario.roles.flatMap((role) => r.view(`role:${role.id}`).prompts).find((p) => p.type === 'text' && p.answer !== null);
    for (let i = 0; i < 50 && !answeredText() && r.status === 'running'; i++) {
      r.stepToNext();
      await answerAll(r);
    }
    const graded = answeredText();
    expect(graded).toBeDefined();
    expect((await r.dispatch('facilitator', { type: 'answer.grade', prompt: graded!.id, credit: 1, reason: 'Clear and complete.' })).ok).toBe(true);
    expect(r.events.at(-1)).toMatchObject({ kind: 'grade', prompt: graded!.id, credit: 1 });
    r.advanceBy(60_000);
    await r.end();
    expect(r.status).toBe('ended');
    expect(r.events.at(-1)).toMatchObject({ kind: 'end' });
    expect(r.events[0]).toEqual({ kind: 'action', role, action: action.id, at: 91 });
    const play = loadPlay(r.playYaml(), 'x.yaml');
    if (!play.ok) throw new Error(JSON.stringify(play.errors));
    const replay = simulatePlay(r.scenario, play.value);
    expect(replay.rejected).toEqual([]);
    expect(replay.debrief.score).toEqual((await r.debrief()).score);
    expect(replay.debrief.session.duration_s).toBe((await r.debrief()).session.duration_s);
    r.close();
  });

  it('refuses a scenario with errors, naming them', async () => {
    await expect(Rehearsal.start('format: drillbook/scenario@1\nid: x\n', 'broken.yaml')).rejects.toThrow(RehearsalError);
    await expect(Rehearsal.start('format: drillbook/scenario@1\nid: x\n', 'broken.yaml')).rejects.toThrow(/broken\.yaml:\d+:\d+/);
  });

  it('leaves out of the play what a play cannot say', () => {
    expect(playActionOf('facilitator', { type: 'session.speed', speed: 2 })).toBeNull();
    expect(playActionOf('facilitator', { type: 'inject.hold', inject: 'a' })).toBeNull();
    expect(playActionOf('role:ic', { type: 'prompt.answer', prompt: 'p', answer: 'x' })).toEqual({ kind: 'answer', role: 'ic', prompt: 'p', answer: 'x' });
  });
});

describe('runPlay', () => {
  it('runs a shipped play against its scenario and refuses one written for another', async () => {
    const r = await Rehearsal.start(text('model-latency-slo.yaml'));
    const playText = readFileSync(`${repoRoot}scenarios/plays/model-latency-slo.strong.yaml`, 'utf8');
    expect(playIsFor('model-latency-slo', playText)).toBe(true);
    expect(playIsFor('latency-runbook-101', playText)).toBe(false);
    const result = runPlay(r.scenario, playText, 'model-latency-slo.strong.yaml');
    expect(result.debrief.scenario.id).toBe('model-latency-slo');
    expect(result.debrief.score.percent).toBeGreaterThan(50);
    const other = readFileSync(`${repoRoot}scenarios/plays/latency-runbook-101.strong.yaml`, 'utf8');
    expect(() => runPlay(r.scenario, other, 'latency-runbook-101.strong.yaml')).toThrow(/written for the scenario 'latency-runbook-101'/);
    r.close();
  });
});

describe('Rehearsal and the order of a second', () => {
  it('moves a command to the next second when an inject the last command brought has landed in between, so the play replays it', async () => {
    // restart-result comes right after the rolling restart (delay 0): it lands in the same second.
    const original = text('feature-store-outage.yaml');
    const source = original.replace('when: {action: rolling-restart}\n    delay: 3m', 'when: {action: rolling-restart}\n    delay: 0s');
    expect(source).not.toBe(original);
    const r = await Rehearsal.start(source, 'feature-store-outage.yaml');
    r.advanceBy(120_000);
    expect((await r.dispatch('role:eng', { type: 'action.take', action: 'rolling-restart' })).ok).toBe(true);
    r.stepToNext(); // delivers restart-result at this same second
    const prompt = r.view('role:eng').prompts.find((p) => p.id === 'exit-degraded')!;
    expect(prompt).toBeDefined();
    expect((await r.dispatch('role:eng', { type: 'prompt.answer', prompt: 'exit-degraded', answer: prompt.options[0]!.id })).ok).toBe(true);
    expect(r.events.map((e) => e.at)).toEqual([120, 121]);
    await r.end();
    const play = loadPlay(r.playYaml(), 'x.yaml');
    if (!play.ok) throw new Error(JSON.stringify(play.errors));
    const replay = simulatePlay(r.scenario, play.value);
    expect(replay.rejected).toEqual([]);
    expect(replay.debrief.score).toEqual((await r.debrief()).score);
    r.close();
  });
});
