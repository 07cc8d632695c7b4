import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../core/scenario/index.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90], ['5m', 300], ['1h', 3600], ['1h30m', 5400], ['2m30s', 150], ['1h0m5s', 3605],
    ['05:00', 300], ['1:02:03', 3723], ['90:00', 5400], ['0s', 0], ['45', 45],
    [0, 0], [90, 90], [1.5, 1.5],
  ] as const)('%j is %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['soon', '', ' 5m ', '-5m', '5 m', '1.5m', 'm', '1s30m', '05:60', '1:2', '5min', 'h'])(
    '%j is not a duration',
    (input) => {
      expect(parseDuration(input)).toBeNull();
    },
  );

  it('refuses a minute or second part past its range after a larger unit, as the clock form does (issue 16)', () => {
    for (const bad of ['1h90m', '1h60m', '1m75s', '2h0m60s', '1h120s']) expect(parseDuration(bad)).toBeNull();
    // The first unit may be any size, and 59 is the last minute and second.
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('150s')).toBe(150);
    expect(parseDuration('1h59m59s')).toBe(7199);
  });

  it('refuses durations over a year, however written', () => {
    expect(parseDuration('8784h')).toBe(366 * 86_400);
    expect(parseDuration('8785h')).toBeNull();
    expect(parseDuration(`${'9'.repeat(400)}s`)).toBeNull();
    expect(parseDuration(1e21)).toBeNull();
  });

  it('refuses negative and non-finite numbers', () => {
    expect(parseDuration(-1)).toBeNull();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseDuration(Number.NaN)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [5400, '1h30m'], [300, '5m'], [90, '1m30s'], [45, '45s'], [0, '0s'], [3600, '1h'], [3605, '1h5s'], [59.6, '1m'], [-90, '-1m30s'],
  ] as const)('%d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips every whole number of seconds up to a day', () => {
    for (let s = 0; s <= 86_400; s += 7) expect(parseDuration(formatDuration(s))).toBe(s);
  });
});
