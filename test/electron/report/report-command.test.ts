// drillbook report DB --session ID --format html|md|csv|pdf [--anonymize] [--no-notes], against a
// real data file made by drillbook simulate --db.
import { parse as parseCsv } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { liveContent, parseReport } from '../../core/report/parse-html.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const scenario = join(root, 'scenarios', 'model-latency-slo.yaml');
const play = join(root, 'scenarios', 'plays', 'model-latency-slo.strong.yaml');
const dir = mkdtempSync(join(tmpdir(), 'drillbook-report-cmd-'));
let session = '';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd: dir, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  const made = await run('simulate', scenario, '--play', play, '--db', 'work.db', '--out', 'sim');
  expect(made.code, made.err).toBe(0);
  session = /as session (\S+)/.exec(made.out)?.[1] ?? '';
  expect(session).not.toBe('');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('drillbook report', () => {
  it('prints the HTML report of a stored session, self-contained and inert', async () => {
    const html = await run('report', 'work.db', '--session', session, '--format', 'html');
    expect(html.code, html.err).toBe(0);
    const doc = parseReport(html.out);
    expect(liveContent(doc)).toEqual([]);
    expect(doc.querySelector('h1')?.textContent).toBeTruthy();
    expect(doc.querySelectorAll('#objectives tbody tr').length).toBeGreaterThan(0);
  });

  it('writes the decisions CSV and the Markdown, with the options', async () => {
    const csv = await run('report', 'work.db', '--session', session, '--format', 'csv', '--out', 'decisions.csv');
    expect(csv.code, csv.err).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'decisions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.some((r) => r.kind === 'answer')).toBe(true);
    const md = await run('report', 'work.db', '--session', session, '--format', 'md', '--anonymize', '--no-notes');
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain('*Facilitator notes are left out of this export.*');
    expect(md.out).toContain('participants anonymized');
  });

  it('prints a PDF only to a file', async () => {
    expect(await run('report', 'work.db', '--session', session, '--format', 'pdf')).toMatchObject({ code: 2, err: expect.stringContaining('add --out FILE') });
    const pdf = await run('report', 'work.db', '--session', session, '--format', 'pdf', '--out', 'debrief.pdf');
    expect(pdf.code, pdf.err).toBe(0);
    const text = execFileSync('pdftotext', [join(dir, 'debrief.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Objectives and ratings');
  });

  it('names the formats it knows', async () => {
    expect(await run('report', 'work.db', '--session', session, '--format', 'docx')).toMatchObject({ code: 2, err: expect.stringContaining("format 'docx' is not available; available: html, md, csv, json, pdf") });
  });
});
