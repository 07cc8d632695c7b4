import { describe, expect, it } from 'vitest';
import { applyOptions } from '../../../core/report/index.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

describe('applyOptions: anonymize', () => {
  const out = applyOptions(sampleDebrief(), { anonymize: true });
  const all = JSON.stringify(out);

  it('replaces names by roles in the participant list, numbering people who share a role', () => {
    expect(out.session.participants.map((p) => p.name)).toEqual(['Incident Commander', 'ML Engineer 1', 'ML Engineer 2', 'Communications Lead']);
    expect(out.session.facilitator).toBe('Facilitator');
  });

  it('replaces full names and first names in every free text, ids untouched', () => {
    expect(all).not.toMatch(/Alice|Moreno|Bjorn|Lind|Chen|Priya|Dana|Whitfield/);
    expect(out.notes[0]?.text).toBe('Incident Commander declared within two minutes');
    expect(out.notes[1]?.text).toBe('ML Engineer 1 and ML Engineer 2 debated rollback for 5 minutes');
    expect(out.improvement_plan[0]?.owner).toBe('ML Engineer 1');
    expect(out.hotwash[0]?.answer).toBe('Fast declaration; Communications Lead had the status page template ready.');
    expect(out.prompts.map((p) => p.id)).toEqual(sampleDebrief().prompts.map((p) => p.id));
  });

  it('matches whole words, case-insensitively for full names', () => {
    const base = sampleDebrief();
    base.notes[0]!.text = 'alice moreno said; Alicette stayed; ALICE MORENO agreed';
    const text = applyOptions(base, { anonymize: true }).notes[0]?.text;
    expect(text).toBe('Incident Commander said; Alicette stayed; Incident Commander agreed');
  });

  it('gives a name part shared by people in different roles a neutral word', () => {
    const base = sampleDebrief();
    base.session.participants.push({ name: 'Alice Park', role: 'comms', role_title: 'Communications Lead' });
    base.notes[0]!.text = 'Alice spoke first';
    expect(applyOptions(base, { anonymize: true }).notes[0]?.text).toBe('a participant spoke first');
  });

  it('changes nothing without options, and never the input', () => {
    const base = sampleDebrief();
    expect(applyOptions(base, {})).toBe(base);
    applyOptions(base, { anonymize: true, includeNotes: false });
    expect(base).toEqual(sampleDebrief());
  });
});

describe('applyOptions: anonymize, names that are roles', () => {
  it('never replaces a replacement, and leaves people named after their roles as they are', () => {
    const base = sampleDebrief();
    base.session.participants = [
      { name: 'Incident Commander', role: 'ic', role_title: 'Incident Commander' },
      { name: 'Chen Wei', role: 'ml', role_title: 'ML Engineer' },
    ];
    base.notes[0]!.text = 'Incident Commander asked Chen Wei; Wei agreed; the Incident was declared';
    const out = applyOptions(base, { anonymize: true });
    expect(out.notes[0]?.text).toBe('Incident Commander asked ML Engineer; ML Engineer agreed; the Incident was declared');
    expect(out.session.participants.map((p) => p.name)).toEqual(['Incident Commander', 'ML Engineer']);
  });
});
