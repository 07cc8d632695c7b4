// Report figures for a long workshop (4 hours, 40 participants, 300 injects, 20,000 decisions):
// each format beside a baseline measured in the same run (JSON.stringify of the same model), and
// the PDF through the system Chromium. Targets (issue 6): HTML < 1 s, PDF < 5 s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderReport, type TextReportFormat } from '../core/report/index.ts';
import { htmlToPdf } from '../electron/report/pdf.ts';
import { writeReports } from '../electron/report/write-reports.ts';
import { BIG, bigDebrief } from '../test/fixtures/debrief/big.ts';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(runs: number, fn: () => unknown): { ms: number; result: unknown } {
  let result: unknown;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024, 2)} MiB`;

const debrief = bigDebrief();
console.log(`Session: ${BIG.duration_s / 3600} h, ${debrief.session.participants.length} participants, ${BIG.injects} injects, ${debrief.prompts.length} prompts, ${debrief.timeline.length.toLocaleString('en')} timeline entries (${BIG.decisions.toLocaleString('en')} decisions)`);

// Warm up the JIT once on every path, then take medians of 5 runs.
for (const f of ['html', 'md', 'csv', 'json'] as const) renderReport(debrief, f);
const baseline = time(5, () => JSON.stringify(debrief));
console.log(`  baseline: JSON.stringify of the model           ${fmt(baseline.ms)} ms   ${mib((baseline.result as string).length)}`);
for (const format of ['html', 'md', 'csv', 'json'] as TextReportFormat[]) {
  const run = time(5, () => renderReport(debrief, format));
  const target = format === 'html' ? '  (target < 1000 ms)' : '';
  console.log(`  ${format.padEnd(5)} report                                  ${fmt(run.ms)} ms   ${mib((run.result as string).length)}   ${fmt(run.ms / baseline.ms)}x baseline${target}`);
}
const anon = time(3, () => renderReport(debrief, 'html', { anonymize: true }));
console.log(`  html, anonymized (names replaced in free text)  ${fmt(anon.ms)} ms`);

const dir = mkdtempSync(join(tmpdir(), 'drillbook-report-bench-'));
try {
  // The small baseline: printing an all-but-empty page measures Chromium's start and stop alone.
  const emptyStart = performance.now();
  await htmlToPdf('<!DOCTYPE html><title>x</title><p>x</p>');
  const emptyMs = performance.now() - emptyStart;
  // The path the CLI takes: writeReports, which condenses the appendix of a session this long.
  const start = performance.now();
  const [written] = await writeReports(debrief, ['pdf'], dir);
  const pdfMs = performance.now() - start;
  const file = written?.path ?? join(dir, 'debrief.pdf');
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  console.log(`  pdf of the big session (appendix condensed)     ${fmt(pdfMs, 0)} ms   ${mib(statSync(file).size)}   ${pages} pages   (target < 5000 ms)`);
  console.log(`  baseline: pdf of a one-line page                ${fmt(emptyMs, 0)} ms (Chromium start and stop)`);
} catch (error) {
  console.log(`  pdf: not measured: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
