// Cold start of the drillbook command (issue 15): `drillbook --help`, `drillbook --version` and
// `drillbook validate FILE` (a small scenario, and a shipped one) as fresh processes, beside
// `node -e 0` in the same run, interleaved so that load on the machine falls on all of them alike.
// Goal: within 3x of bare Node. The compiled CLI is built first (bin/drillbook.js would otherwise
// rebuild it on the first run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from '../build/build-cli.mjs';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 15;
const bin = join(ROOT, 'bin', 'drillbook.js');

const cases: { label: string; args: string[] }[] = [
  { label: 'baseline: node -e 0', args: ['-e', '0'] },
  { label: 'drillbook --help', args: [bin, '--help'] },
  { label: 'drillbook --version', args: [bin, '--version'] },
  { label: 'drillbook validate mini.yaml (0.5 KB)', args: [bin, 'validate', 'test/fixtures/scenario/mini.yaml'] },
  { label: 'drillbook validate recsys-null-results.yaml (21 KB)', args: [bin, 'validate', 'scenarios/recsys-null-results.yaml'] },
];

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

await buildCli();
const times = cases.map(() => [] as number[]);
for (let run = 0; run < RUNS; run++) {
  cases.forEach((c, i) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, c.args, { cwd: ROOT, stdio: 'ignore' });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${c.label} exited ${result.status}`);
    times[i]?.push(elapsed);
  });
}
const base = median(times[0] ?? []);
console.log(`Cold start, median of ${RUNS} fresh processes each:`);
cases.forEach((c, i) => {
  const ms = median(times[i] ?? []);
  console.log(`  ${c.label.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms  ${i === 0 ? '' : `${(ms / base).toFixed(1)}x node`}`);
});
