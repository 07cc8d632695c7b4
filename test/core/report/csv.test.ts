import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../core/report/csv.ts';
import { DECISION_COLUMNS, renderDecisionsCsv } from '../../../core/report/index.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

const csv = renderDecisionsCsv(sampleDebrief());
const records = parse(csv, { columns: true }) as Record<string, string>[];

describe('renderDecisionsCsv', () => {
  it('is RFC 4180: CRLF line ends, a header of the documented columns', () => {
    expect(csv.split('\r\n')[0]).toBe(DECISION_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)[0]).toHaveLength(DECISION_COLUMNS.length);
  });

  it('has the overall row first, then a row per scored prompt, per replaced answer and per action, in time order', () => {
    expect(records.map((r) => [r.kind, r.at_s, r.prompt || r.summary])).toEqual([
      ['overall', '', 'Overall M (68%).'],
      ['answer', '150', 'severity'],
      ['replaced-answer', '170', 'first-checks'],
      ['answer', '200', 'first-checks'],
      ['answer', '540', 'holding-statement'],
      ['answer', '1020', 'exec-update'],
      ['answer', '1500', 'mitigation'],
      ['action', '1560', 'ML Engineer took action: Enable fallback ranking'],
      ['unanswered', '', 'verify'],
    ]);
  });

  it('rounds points to one decimal and gives percents as whole numbers', () => {
    const firstChecks = records.find((r) => r.kind === 'answer' && r.prompt === 'first-checks');
    expect(firstChecks).toMatchObject({ correctness_pct: '50', timeliness_pct: '92', points: '4.6', possible: '10.0', response_time_s: '140', within_s: '120', answer: 'dashboards;retrain' });
    const graded = records.find((r) => r.prompt === 'holding-statement' && r.kind === 'answer');
    expect(graded).toMatchObject({ graded_by_facilitator: 'yes', grade_reason: 'No ETA given', answer_text: 'We are investigating empty recommendations.\nNext update in 30 minutes.' });
  });

  it('neutralizes a formula start after leading blanks and after NFKC folding (issue 16)', () => {
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('   +1')).toBe("'   +1");
    expect(csvField('\u00a0\u3000-1')).toBe("'\u00a0\u3000-1");
    for (const wide of ['＝1+1', '＋1', '－1', '＠SUM(A1)', ' ＝1']) expect(csvField(wide)).toBe(`'${wide}`);
    // Text that merely contains them later is left alone.
    expect(csvField('a =1')).toBe('a =1');
    expect(csvField('1＋1')).toBe('1＋1');
  });

  it('quotes, doubles quotes and neutralizes formula starts', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvField('a\u0000b')).toBe('a\u2400b');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });
});
