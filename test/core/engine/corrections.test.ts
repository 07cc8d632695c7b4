// Corrections are new events (issue 14, items 13 and 14): a note is edited or deleted by naming it,
// and the improvement plan and the hotwash are each saved by one command, all or nothing.
import { describe, expect, it } from 'vitest';
import type { Actor, Command, RejectionCode } from '../../../core/engine/index.ts';
import { parseCommand } from '../../../core/protocol/commands.ts';
import { renderMarkdown } from '../../../core/report/index.ts';
import { computeDebrief } from '../../../core/scoring/index.ts';
import { harness, scenario } from './helpers.ts';

const sc = scenario({ injects: [] });

function rejects(h: ReturnType<typeof harness>, actor: Actor, command: Command, code: RejectionCode, words?: RegExp) {
  const before = h.runtime.events.length;
  const result = h.run(actor, command);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.rejection.code).toBe(code);
  if (words) expect(result.rejection.message).toMatch(words);
  expect(h.runtime.events.length).toBe(before);
}

function withNotes() {
  const h = harness(sc);
  const [first] = h.ok('facilitator', { type: 'note.add', text: 'IC declared late', tag: 'improvement', objective: 'detect', role: 'ic' });
  const [second] = h.ok('facilitator', { type: 'note.add', text: 'SECRET-wrong-note', tag: 'observation' });
  return { h, first: first!.seq, second: second!.seq };
}

describe('note corrections', () => {
  it('an edit replaces the text, tag, objective and role and keeps the time the note was taken', () => {
    const { h, first } = withNotes();
    const takenAt = h.runtime.state.notes[0]!.at;
    h.to(300);
    const [edited] = h.ok('facilitator', { type: 'note.edit', note: first, text: 'IC declared on time', tag: 'strength', objective: 'communicate' });
    expect(edited).toMatchObject({ type: 'note.edited', payload: { note: first, text: 'IC declared on time', tag: 'strength', objective: 'communicate' } });
    expect(h.runtime.state.notes[0]).toEqual({ seq: first, at: takenAt, text: 'IC declared on time', tag: 'strength', objective: 'communicate', role: null });
    expect(h.runtime.state.notes).toHaveLength(2);
  });

  it('a deleted note leaves the state, the facilitator view, the debrief and the reports; the edit shows everywhere', () => {
    const { h, first, second } = withNotes();
    h.ok('facilitator', { type: 'note.edit', note: first, text: 'EDITED-declared on time', tag: 'strength', objective: 'detect', role: 'ic' });
    h.ok('facilitator', { type: 'note.delete', note: second });
    expect(h.runtime.state.notes.map((n) => n.seq)).toEqual([first]);
    expect(h.runtime.view({ kind: 'facilitator' })).toMatchObject({ notes: [{ seq: first, text: 'EDITED-declared on time', tag: 'strength' }] });

    const debrief = computeDebrief(sc, h.runtime.events, { sessionId: 's1' });
    expect(debrief.notes).toEqual([expect.objectContaining({ seq: first, text: 'EDITED-declared on time', tag: 'strength', objective: 'detect', role: 'ic' })]);
    const noteLines = debrief.timeline.filter((t) => t.kind === 'note');
    expect(noteLines.map((t) => t.summary)).toEqual(['Note (strength): EDITED-declared on time']);
    const all = JSON.stringify(debrief);
    expect(all).not.toContain('SECRET-wrong-note');
    expect(all).not.toContain('IC declared late');
    const md = renderMarkdown(debrief);
    expect(md).toContain('EDITED-declared on time');
    expect(md).not.toContain('SECRET-wrong-note');
    expect(md).not.toContain('IC declared late');
  });

  it('refuses what is not the facilitator’s, a note that does not exist or is deleted, and a bad edit', () => {
    const { h, first, second } = withNotes();
    rejects(h, 'role:ic', { type: 'note.edit', note: first, text: 'mine now', tag: 'strength' }, 'forbidden');
    rejects(h, 'role:ic', { type: 'note.delete', note: first }, 'forbidden');
    rejects(h, 'facilitator', { type: 'note.edit', note: 999, text: 'x', tag: 'strength' }, 'unknown-note', /no note number 999/);
    // The seq of an event that is not a note is no note either.
    rejects(h, 'facilitator', { type: 'note.delete', note: 1 }, 'unknown-note');
    rejects(h, 'facilitator', { type: 'note.edit', note: first, text: '   ', tag: 'strength' }, 'empty');
    rejects(h, 'facilitator', { type: 'note.edit', note: first, text: 'x', tag: 'strength', objective: 'nope' }, 'unknown-objective');
    h.ok('facilitator', { type: 'note.delete', note: second });
    rejects(h, 'facilitator', { type: 'note.delete', note: second }, 'unknown-note', /was deleted/);
    rejects(h, 'facilitator', { type: 'note.edit', note: second, text: 'back', tag: 'strength' }, 'unknown-note', /was deleted/);
    // Also after the end, as notes are.
    h.ok('facilitator', { type: 'session.end' });
    h.ok('facilitator', { type: 'note.edit', note: first, text: 'after the end', tag: 'observation' });
  });

  it('the protocol checks the shape at the boundary', () => {
    expect(parseCommand({ type: 'note.edit', note: 3, text: 'x', tag: 'strength' }).ok).toBe(true);
    expect(parseCommand({ type: 'note.delete', note: 'three' }).ok).toBe(false);
    expect(parseCommand({ type: 'note.delete', note: 0 }).ok).toBe(false);
    expect(parseCommand({ type: 'note.edit', note: 3, text: 'x', tag: 'bogus' }).ok).toBe(false);
  });
});

const row = (issue: string, extra: Partial<{ id: string; corrective_action: string; owner: string; due: string; objective: string | null }> = {}) =>
  ({ issue, corrective_action: 'Fix it', owner: 'Ana', due: '', objective: null, ...extra });

describe('the improvement plan in one command', () => {
  it('a plan with one empty row saves nothing and names the row', () => {
    const h = harness(sc);
    rejects(h, 'facilitator', { type: 'plan.save', items: [row('Slow paging'), row('   ')] }, 'empty', /^Item 2: The issue is empty\..*Nothing was saved\.$/);
    expect(h.runtime.state.plan.size).toBe(0);
    rejects(h, 'facilitator', { type: 'plan.save', items: [row('Slow paging'), row('No template', { due: 'soon' })] }, 'invalid', /^Item 2: .*YYYY-MM-DD/);
    rejects(h, 'facilitator', { type: 'plan.save', items: [row('Slow paging', { objective: 'nope' })] }, 'unknown-objective', /^Item 1: /);
    rejects(h, 'facilitator', { type: 'plan.save', items: [row('Slow paging', { id: 'plan-7' })] }, 'unknown-plan-item');
    rejects(h, 'role:ic', { type: 'plan.save', items: [row('Slow paging')] }, 'forbidden');
  });

  it('adds, changes and removes in one batch; the plan is then exactly the items sent', () => {
    const h = harness(sc);
    const added = h.ok('facilitator', { type: 'plan.save', items: [row('Slow paging'), row('No template', { objective: 'communicate' })] });
    expect(added.map((e) => [e.type, (e.payload as { id: string }).id])).toEqual([['plan.item.saved', 'plan-1'], ['plan.item.saved', 'plan-2']]);
    // Unchanged: nothing recorded.
    const before = h.runtime.events.length;
    expect(h.ok('facilitator', { type: 'plan.save', items: [row('Slow paging', { id: 'plan-1' }), row('No template', { id: 'plan-2', objective: 'communicate' })] })).toEqual([]);
    expect(h.runtime.events.length).toBe(before);
    const changed = h.ok('facilitator', { type: 'plan.save', items: [row('Slow paging, twice', { id: 'plan-1' }), row('Nobody owned comms')] });
    expect(changed.map((e) => e.type)).toEqual(['plan.item.removed', 'plan.item.saved', 'plan.item.saved']);
    expect([...h.runtime.state.plan.values()].map((i) => [i.id, i.issue])).toEqual([['plan-1', 'Slow paging, twice'], ['plan-4', 'Nobody owned comms']]);
    // One batch: every event of the save has the same exercise time, and they follow one another.
    expect(new Set(changed.map((e) => e.at)).size).toBe(1);
    rejects(h, 'facilitator', { type: 'plan.save', items: [row('A', { id: 'plan-1' }), row('B', { id: 'plan-1' })] }, 'invalid', /twice/);
  });
});

describe('the hotwash in one command', () => {
  it('saves every answer or none, and an empty answer clears one', () => {
    const h = harness(sc);
    h.ok('facilitator', { type: 'hotwash.save', answers: [{ question: 0, answer: 'Fast triage' }, { question: 1, answer: 'Page earlier' }] });
    expect([...h.runtime.state.hotwash.entries()]).toEqual([[0, 'Fast triage'], [1, 'Page earlier']]);
    rejects(h, 'facilitator', { type: 'hotwash.save', answers: [{ question: 0, answer: 'Changed' }, { question: 5, answer: 'x' }] }, 'unknown-question', /Nothing was saved/);
    rejects(h, 'facilitator', { type: 'hotwash.save', answers: [{ question: 0, answer: 'Changed' }, { question: 1, answer: 'x'.repeat(4001) }] }, 'too-long', /question 2/);
    expect(h.runtime.state.hotwash.get(0)).toBe('Fast triage');
    const events = h.ok('facilitator', { type: 'hotwash.save', answers: [{ question: 0, answer: 'Fast triage' }, { question: 1, answer: '' }] });
    expect(events.map((e) => e.payload)).toEqual([{ question: 1, answer: '' }]);
    expect(computeDebrief(sc, h.runtime.events, { sessionId: 's1' }).hotwash).toEqual([
      { question: 'What went well?', answer: 'Fast triage' }, { question: 'What would you change?', answer: null },
    ]);
  });
});
