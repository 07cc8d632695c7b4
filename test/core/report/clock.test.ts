// One clock rule for the app, the reports and the CLI (issue 15): whole seconds elapsed, truncated,
// as a stopwatch reads. 299.6 s used to show as 4:59 in the app and 5:00 in the report.
import { describe, expect, it } from 'vitest';
import { fmtClock } from '../../../core/report/format.ts';
import { formatClock, formatSeconds } from '../../../renderer/components/format.ts';

describe('the exercise clock', () => {
  it('shows whole seconds elapsed: 299.6 s is 4:59, 5:00 from 300 s on', () => {
    expect(fmtClock(299.6)).toBe('4:59');
    expect(fmtClock(299.999)).toBe('4:59');
    expect(fmtClock(300)).toBe('5:00');
    expect(fmtClock(3599.9)).toBe('59:59');
    expect(fmtClock(3600)).toBe('1:00:00');
    expect(fmtClock(-0.4)).toBe('0:00');
    expect(fmtClock(null)).toBe('');
  });

  it('reads the same in the app (milliseconds) as in the reports (seconds)', () => {
    for (const ms of [0, 999, 1000, 59_999, 299_600, 300_000, 3_599_999, 3_600_000, 7_325_400]) {
      expect(formatClock(ms)).toBe(fmtClock(ms / 1000));
      expect(formatSeconds(ms / 1000)).toBe(fmtClock(ms / 1000));
    }
    expect(formatClock(299_600)).toBe('4:59');
  });
});
