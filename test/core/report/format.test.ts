import { describe, expect, it } from 'vitest';
import { fmtClock, fmtDuration, fmtPercent, fmtPoints, fmtWallTime, ratingLabel } from '../../../core/report/format.ts';
import { parseReportFormats, REPORT_FILES } from '../../../core/report/index.ts';

describe('report formatting', () => {
  it('rounds points to one decimal and percents to whole numbers', () => {
    expect(fmtPoints(4.583333)).toBe('4.6');
    expect(fmtPoints(10)).toBe('10.0');
    expect(fmtPoints(0.04)).toBe('0.0');
    expect(fmtPercent(68.0555)).toBe('68%');
    expect(fmtPercent(89.5)).toBe('90%');
    expect(fmtPercent(null)).toBe('n/a');
  });

  it('writes exercise times and durations', () => {
    expect(fmtClock(0)).toBe('0:00');
    expect(fmtClock(90)).toBe('1:30');
    expect(fmtClock(3725)).toBe('1:02:05');
    expect(fmtDuration(42)).toBe('42 s');
    expect(fmtDuration(140)).toBe('2 min 20 s');
    expect(fmtDuration(3900)).toBe('1 h 05 min');
    expect(fmtWallTime('2026-11-20T09:00:00.000Z')).toBe('2026-11-20 09:00 UTC');
    expect(fmtWallTime('not a date')).toBe('not a date');
  });

  it('labels ratings, showing an unknown value as it is', () => {
    expect(ratingLabel('S')).toBe('Performed with some challenges');
    expect(ratingLabel('X')).toBe('X');
  });

  it('parses --format lists and names the files', () => {
    expect(parseReportFormats('html, md,csv,json,pdf,html')).toEqual(['html', 'md', 'csv', 'json', 'pdf']);
    expect(parseReportFormats('markdown')).toEqual(['md']);
    expect(() => parseReportFormats('html,docx')).toThrow("unknown report format 'docx': use one or more of html, md, csv, json, pdf");
    expect(() => parseReportFormats(' , ')).toThrow('no report format given');
    expect(REPORT_FILES).toEqual({ html: 'debrief.html', md: 'debrief.md', csv: 'decisions.csv', json: 'debrief.json', pdf: 'debrief.pdf' });
  });
});
