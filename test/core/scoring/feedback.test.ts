// The feedback summary in the debrief (issue 18 item 1): counts, medians and distributions, the
// free text grouped per question, the suggested corrective actions by priority, and anonymity (no
// role or name anywhere in it, no entry in the timeline, texts not in the order they were sent).
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../core/engine/index.ts';
import type { FeedbackForm } from '../../../core/engine/feedback.ts';
import { computeDebrief } from '../../../core/scoring/debrief.ts';
import { median } from '../../../core/scoring/feedback.ts';
import { anonymize } from '../../../core/report/anonymize.ts';
import { at, harness, inject, scenario } from '../engine/helpers.ts';

const sc = scenario({
  injects: [inject({ id: 'i1', trigger: at(10) })],
  roles: [
    { id: 'ic', title: 'Incident commander' }, { id: 'eng', title: 'Engineer' }, { id: 'comms', title: 'Comms' }, { id: 'scribe', title: 'Scribe' },
  ],
  feedback: { questions: [{ id: 'pace', ask: 'Was the pace right?', type: 'scale' }, { id: 'next', ask: 'What should the next drill cover?', type: 'text' }] },
});

const blank: FeedbackForm = { strengths: [], improvements: [], missed: '', actions: [], design: null, conduct: null, answers: [] };
const submit = (form: Partial<FeedbackForm>): Command => ({ type: 'feedback.submit', ...blank, ...form });

function session() {
  const h = harness(sc);
  h.ok('facilitator', {
    type: 'session.setup', facilitator: 'Fay Lead',
    participants: [{ name: 'Zed Quill', roles: ['ic'] }, { name: 'Bo Lin', roles: ['eng'] }, { name: 'Cy Moss', roles: ['comms'] }],
  });
  h.to(20);
  h.ok('facilitator', { type: 'session.end' });
  return h;
}

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 5])).toBe(3);
    expect(median([4, 5])).toBe(4.5);
  });
});

describe('the debrief’s feedback summary', () => {
  it('is empty but present before anyone answers, counting the seated roles as asked', () => {
    const d = computeDebrief(sc, session().runtime.events);
    expect(d.feedback).toMatchObject({ respondents: 0, asked: 3, actions: [] });
    expect(d.feedback!.scales.map((s) => [s.id, s.count, s.median])).toEqual([['design', 0, null], ['conduct', 0, null], ['pace', 0, null]]);
    expect(d.feedback!.texts.map((t) => [t.id, t.answers.length])).toEqual([['strengths', 0], ['improvements', 0], ['missed', 0], ['next', 0]]);
  });

  it('counts respondents once per role (the latest form), with medians, distributions and grouped text', () => {
    const h = session();
    h.ok('role:ic', submit({ strengths: ['Zeta strength from Zed'], design: 1 }));
    // The IC corrects the form: only this one counts.
    h.ok('role:ic', submit({
      strengths: ['Clear roles', 'Zeal'], improvements: ['Paging was slow'], design: 4, conduct: 5,
      actions: [{ action: 'Write a paging runbook', priority: 'medium', owner: 'SRE' }], answers: [{ question: 'pace', answer: 2 }, { question: 'next', answer: 'Vendor outage' }],
    }));
    h.ok('role:eng', submit({
      strengths: ['clear  roles'], improvements: ['Status page updates'], missed: 'The rollback was rehearsed offline', design: 2, conduct: 5,
      actions: [{ action: 'Automate the status page', priority: 'high', owner: '' }], answers: [{ question: 'pace', answer: 4 }],
    }));
    h.ok('role:comms', submit({ design: 5, actions: [{ action: 'Another drill', priority: 'low', owner: 'Training' }, { action: 'Alerts for comms', priority: 'high', owner: 'Comms lead' }] }));
    const f = computeDebrief(sc, h.runtime.events).feedback!;
    expect(f.respondents).toBe(3);
    expect(f.asked).toBe(3);
    expect(f.scales).toEqual([
      { id: 'design', ask: expect.stringMatching(/design/) as unknown as string, count: 3, median: 4, distribution: [0, 1, 0, 1, 1] },
      { id: 'conduct', ask: expect.stringMatching(/conduct/) as unknown as string, count: 2, median: 5, distribution: [0, 0, 0, 0, 2] },
      { id: 'pace', ask: 'Was the pace right?', count: 2, median: 3, distribution: [0, 1, 0, 1, 0] },
    ]);
    const texts = Object.fromEntries(f.texts.map((t) => [t.id, t.answers]));
    // The same text (case and spacing aside) is one entry with its count; most often first, then alphabetical.
    expect(texts.strengths).toEqual([{ text: 'Clear roles', count: 2 }, { text: 'Zeal', count: 1 }]);
    expect(texts.improvements).toEqual([{ text: 'Paging was slow', count: 1 }, { text: 'Status page updates', count: 1 }]);
    expect(texts.missed).toEqual([{ text: 'The rollback was rehearsed offline', count: 1 }]);
    expect(texts.next).toEqual([{ text: 'Vendor outage', count: 1 }]);
    expect(f.actions).toEqual([
      { action: 'Alerts for comms', priority: 'high', owner: 'Comms lead' },
      { action: 'Automate the status page', priority: 'high', owner: '' },
      { action: 'Write a paging runbook', priority: 'medium', owner: 'SRE' },
      { action: 'Another drill', priority: 'low', owner: 'Training' },
    ]);
    // The replaced form left nothing behind.
    expect(JSON.stringify(f)).not.toContain('Zeta strength');
  });

  it('names no role and no person, and keeps feedback out of the timeline', () => {
    const h = session();
    h.ok('role:eng', submit({ strengths: ['Good drill'], design: 3 }));
    h.ok('role:ic', submit({ improvements: ['More time'], conduct: 4 }));
    const d = computeDebrief(sc, h.runtime.events);
    const summary = JSON.stringify(d.feedback);
    for (const word of ['"ic"', '"eng"', 'Incident commander', 'Engineer', 'Zed', 'Bo Lin', 'role']) expect(summary).not.toContain(word);
    expect(d.timeline.some((e) => e.type === 'feedback.given')).toBe(false);
    expect(d.timeline.map((e) => e.summary).join('\n')).not.toMatch(/Good drill|More time/);
  });

  it('anonymised reports replace participants’ names in feedback text too', () => {
    const h = session();
    h.ok('role:eng', submit({ strengths: ['Zed Quill led calmly'], actions: [{ action: 'Pair Bo with Cy', priority: 'low', owner: 'Fay Lead' }] }));
    const a = anonymize(computeDebrief(sc, h.runtime.events)).feedback!;
    expect(a.texts[0]!.answers[0]!.text).toBe('Incident commander led calmly');
    expect(a.actions[0]).toEqual({ action: 'Pair Engineer with Comms', priority: 'low', owner: 'Facilitator' });
  });
});
