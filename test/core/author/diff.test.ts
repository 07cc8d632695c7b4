// The change list between two scenarios: by element id, field by field, in words a trainer reads;
// layout and comments are not changes.
import { describe, expect, it } from 'vitest';
import { AuthorDocument } from '../../../core/author/document.ts';
import { diffScenarios } from '../../../core/author/diff.ts';
import { blankTemplate } from '../../../core/author/templates.ts';
import { loadScenario } from '../../../core/scenario/load.ts';
import type { Scenario } from '../../../core/scenario/types.ts';

function load(text: string): Scenario {
  const r = loadScenario(text, 'x.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const base = blankTemplate('intermediate').text;
const texts = (before: string, after: string) => diffScenarios(load(before), load(after)).map((c) => c.text);

describe('diffScenarios', () => {
  it('finds nothing between a text and itself with other comments and blank lines', () => {
    expect(texts(base, base.replace(/^# .*$/gm, '# another comment').replace(/\n\n/g, '\n\n\n'))).toEqual([]);
  });

  it('names added and removed elements and field changes with old and new values', () => {
    const doc = AuthorDocument.open(base);
    doc.delete('inject', 'customer-ticket');
    doc.setTrigger('first-alert', { after: 'kickoff', delay: '1m' });
    doc.setField('option', 'severity/wait', 'label', 'Watch for ten minutes');
    doc.add('option', { id: 'sev3', label: 'SEV3' }, { parentId: 'severity' });
    doc.setField('step', 'declared', 'by', '8m');
    doc.set(['duration'], '50m');
    doc.setChannel(['kickoff'], 'chat');
    const changes = diffScenarios(load(base), load(doc.toString()));
    expect(changes.map((c) => c.text)).toEqual([
      'duration 45:00 → 50:00',
      "inject 'customer-ticket' removed",
      "inject 'kickoff': channel note → chat",
      "inject 'first-alert': trigger at 2:00 → 1:00 after 'kickoff'",
      "prompt 'status-update' removed",
      "prompt 'severity': option 'wait' label \"Wait and watch\" → \"Watch for ten minutes\"",
      "prompt 'severity': option 'sev3' added",
      "runbook step 'declared': by 7:00 → 8:00",
    ]);
    expect(changes.find((c) => c.id === 'customer-ticket')).toMatchObject({ kind: 'inject', change: 'removed' });
  });
});
