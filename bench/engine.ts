/**
 * `npm run bench`: simulated requests per wall second for the whole `npm run sim` process (start-up
 * included) on the mixed scenario of design.md — 1,000 req/s for one simulated hour across a real-time
 * endpoint with two variants, a multi-model endpoint with 200 models and a serverless endpoint.
 * Budget: at least 1.5 million per second. Also prints the engine alone (in this process) and the
 * process start-up, so a regression can be placed.
 *
 * Then the runner as graders use it: its start-up against `npm run env` (npm alone; budget 1.6×) and
 * without npm (`node dist-cli/sim.mjs`), and grading throughput — every shipped puzzle checked in one
 * process (`sim --check FILE…`) against one process per puzzle.
 *
 *   npm run bench [-- --runs N] [--file scenarios/bench/mixed.json]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { loadText } from '../src/model/load';
import { runDocument } from '../src/engine';
import type { Report } from '../src/engine';

const BUDGET = 1_500_000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const file = resolve(root, opt('--file', 'scenarios/bench/mixed.json'));
const runs = Math.max(1, Number(opt('--runs', '5')));

/** Requests served by endpoint-like nodes (clients and shadow copies are not counted). */
const served = (r: Report): number =>
  Object.entries(r.nodes)
    .filter(([, n]) => n.ok !== undefined)
    .reduce((s, [, n]) => s + (n.requests ?? 0), 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** Wall seconds of one process; `ok` lists the exit statuses that are not an error. */
function timeCommand(cmd: string, argv: string[], ok: readonly number[] = [0]): { sec: number; out: string } {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!ok.includes(p.status ?? -1)) throw new Error(`${cmd} ${argv.join(' ')} exited ${p.status}: ${p.stderr}`);
  return { sec, out: p.stdout };
}
const timeProcess = (argv: string[], ok?: readonly number[]) =>
  timeCommand('npm', ['run', '--silent', 'sim', '--', ...argv], ok);

// 1. the whole process, as a user runs it
const whole: number[] = [];
let requests = 0;
for (let i = 0; i < runs; i++) {
  const { sec, out } = timeProcess([file, '--json']);
  requests = served(JSON.parse(out) as Report);
  whole.push(sec);
}
// 2. the same process on a zero-length run: start-up, loading and the report, no traffic
const startup: number[] = [];
for (let i = 0; i < runs; i++) startup.push(timeProcess([file, '--json', '--duration', '0.001']).sec);
// 3. the engine alone, in this process
const loaded = loadText(readFileSync(file, 'utf8'));
if (!loaded.ok) throw new Error(`cannot load ${file}`);
const engine: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  runDocument(loaded.doc);
  engine.push(Number(process.hrtime.bigint() - t0) / 1e9);
}

const rate = requests / median(whole);
console.log(`scenario         ${file.replace(`${root}/`, '')}`);
console.log(`requests         ${fmt(requests)} simulated`);
console.log(`whole process    ${median(whole).toFixed(3)} s median of ${runs} (npm run sim, start-up included)`);
console.log(`  start-up       ${median(startup).toFixed(3)} s (same command, no traffic)`);
console.log(
  `  engine alone   ${median(engine).toFixed(3)} s in-process → ${fmt(requests / median(engine))} requests/s`,
);
console.log(
  `requests/s       ${fmt(rate)} simulated requests per wall second (budget ${fmt(BUDGET)}) ${rate >= BUDGET ? 'OK' : 'BELOW BUDGET'}`,
);
if (rate < BUDGET) process.exitCode = 1;

// 4. the runner's start-up as graders meet it: npm alone, npm run sim and the plain bin (zero-length run)
const BIN = 'dist-cli/sim.mjs';
const zero = [file, '--json', '--duration', '0.001'];
const npmEnv: number[] = [],
  viaNpm: number[] = [],
  viaBin: number[] = [];
for (let i = 0; i < runs; i++) {
  // interleaved, so the machine's load falls on all three alike
  npmEnv.push(timeCommand('npm', ['run', 'env']).sec);
  viaNpm.push(timeProcess(zero).sec);
  viaBin.push(timeCommand(process.execPath, [BIN, ...zero]).sec);
}
const startRatio = median(viaNpm) / median(npmEnv);
console.log(
  `runner start-up  ${median(viaNpm).toFixed(3)} s npm run sim vs ${median(npmEnv).toFixed(3)} s npm run env = ${startRatio.toFixed(2)}× (budget 1.6×) ${startRatio <= 1.6 ? 'OK' : 'ABOVE BUDGET'}`,
);
console.log(`  without npm    ${median(viaBin).toFixed(3)} s node ${BIN}`);

// 5. grading throughput: every shipped puzzle checked as shipped (each fails its goal: exit 3)
const puzzleDir = join(root, 'scenarios/puzzles');
const puzzles = readdirSync(puzzleDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(puzzleDir, f));
const oneProcess = timeCommand(process.execPath, [BIN, '--check', '--json', ...puzzles], [0, 3]);
const graded = (JSON.parse(oneProcess.out) as unknown[]).length;
let eachSec = 0;
for (const p of puzzles) eachSec += timeCommand(process.execPath, [BIN, '--check', '--json', p], [0, 3]).sec;
console.log(
  `grading          ${graded} puzzles: ${oneProcess.sec.toFixed(2)} s in one process (${(graded / oneProcess.sec).toFixed(1)} puzzles/s) vs ${eachSec.toFixed(2)} s one process each (${(puzzles.length / eachSec).toFixed(1)} puzzles/s)`,
);
