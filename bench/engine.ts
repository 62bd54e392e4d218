/**
 * `npm run bench`: simulated requests per wall second for the whole `npm run sim` process (start-up
 * included) on the mixed scenario of design.md — 1,000 req/s for one simulated hour across a real-time
 * endpoint with two variants, a multi-model endpoint with 200 models and a serverless endpoint.
 * Budget: at least 1.5 million per second. Also prints the engine alone (in this process) and the
 * process start-up, so a regression can be placed.
 *
 * Then the runner as graders use it: its start-up against `npm run env` (npm alone; budget 1.6×) and
 * without npm (`node dist-cli/sim.mjs`) and what bounds it (an empty V8 start-up snapshot against the runner's), and
 * grading throughput — every shipped puzzle checked in one
 * process (`sim --check FILE…`) against one process per puzzle.
 *
 * Then the hot loop against its floor (bench/floor.ts): the engine serving one real-time endpoint
 * (scenarios/bench/realtime.json) against the tightest plain loop doing the same work, timed in pairs in this
 * process (the order alternating), after checking that both give the same figures; budget 1.3×. And the same
 * traffic sent by 100 clients instead of one (each tick's arrivals staged and sorted by StreamMerge) against one
 * client. Both in wall time and in this process's CPU time (steadier when other work shares the machine).
 *
 *   npm run bench [-- --runs N] [--file scenarios/bench/mixed.json] [--hot-loop]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { loadText } from '../src/model/load';
import { runDocument } from '../src/engine';
import type { Report } from '../src/engine';
import type { ArchDoc } from '../src/model/schema';
import { runFloor, type FloorSpec } from './floor';

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
function timeCommand(
  cmd: string,
  argv: string[],
  ok: readonly number[] = [0],
  cwd = root,
): { sec: number; out: string } {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!ok.includes(p.status ?? -1)) throw new Error(`${cmd} ${argv.join(' ')} exited ${p.status}: ${p.stderr}`);
  return { sec, out: p.stdout };
}
const timeProcess = (argv: string[], ok?: readonly number[]) =>
  timeCommand('npm', ['run', '--silent', 'sim', '--', ...argv], ok);

/** `--hot-loop`: only the hot loop against its floor and the 100-client merge (sections 6 and 7). */
const hotOnly = args.includes('--hot-loop');
if (!hotOnly) {
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
    `requests/s       ${fmt(rate)} simulated requests per wall second (budget ${fmt(BUDGET)}) ` +
      `${rate >= BUDGET ? 'OK' : 'BELOW BUDGET'}`,
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
  const pairRatio = median(viaNpm.map((x, i) => x / npmEnv[i]));
  console.log(
    `runner start-up  ${median(viaNpm).toFixed(3)} s npm run sim vs ${median(npmEnv).toFixed(3)} s npm run env ` +
      `= ${startRatio.toFixed(2)}× (budget 1.6×) ${startRatio <= 1.6 ? 'OK' : 'ABOVE BUDGET'}; median of the ` +
      `${runs} paired ratios ${pairRatio.toFixed(2)}×`,
  );
  console.log(`  without npm    ${median(viaBin).toFixed(3)} s node ${BIN}`);
  // what bounds it: a V8 start-up snapshot of nothing (Node's own start from a snapshot file) against the runner's
  // (the heap of the loaded runner: its modules, catalogs and schemas), each without npm
  const scratch = mkdtempSync(join(tmpdir(), 'sagesim-bench-'));
  try {
    writeFileSync(join(scratch, 'empty.cjs'), "require('v8').startupSnapshot.setDeserializeMainFunction(() => {});");
    timeCommand(
      process.execPath,
      ['--snapshot-blob', join(scratch, 'empty.blob'), '--build-snapshot', 'empty.cjs'],
      [0],
      scratch,
    );
    const blob = join(root, `dist-cli/runner-${process.version}.blob`);
    const empty: number[] = [],
      runner: number[] = [];
    for (let i = 0; i < runs; i++) {
      empty.push(timeCommand(process.execPath, ['--snapshot-blob', join(scratch, 'empty.blob')]).sec);
      if (existsSync(blob)) runner.push(timeCommand(process.execPath, ['--snapshot-blob', blob, '--', ...zero]).sec);
    }
    const floor = (median(npmEnv) + median(empty)) / median(npmEnv);
    console.log(
      `  snapshots      ${median(empty).toFixed(3)} s an empty one (so ≥ ${floor.toFixed(2)}× behind npm)` +
        (runner.length ? `, ${median(runner).toFixed(3)} s the runner's` : ''),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

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
    `grading          ${graded} puzzles: ${oneProcess.sec.toFixed(2)} s in one process ` +
      `(${(graded / oneProcess.sec).toFixed(1)} puzzles/s) vs ${eachSec.toFixed(2)} s one process each ` +
      `(${(puzzles.length / eachSec).toFixed(1)} puzzles/s)`,
  );
}

// 6. the hot loop against its floor: one real-time endpoint, timed in pairs (order alternating), same figures first
const rtFile = join(root, 'scenarios/bench/realtime.json');
const rt = loadText(readFileSync(rtFile, 'utf8'));
if (!rt.ok) throw new Error(`cannot load ${rtFile}`);
const rtDoc = rt.doc;
const epNode = rtDoc.nodes.find((n) => n.kind === 'realtime-endpoint')!;
const clientNode = rtDoc.nodes.find((n) => n.kind === 'client')!;
const rtReport = runDocument(rtDoc).report;
const inService = rtReport.timeline?.find((e) => e.node === epNode.id && e.event === 'InService');
if (!inService) throw new Error(`${epNode.id} never went InService`);
const ep = epNode.props as Record<string, unknown>,
  cp = clientNode.props as Record<string, unknown>;
const spec: FloorSpec = {
  seed: rtDoc.seed ?? 1,
  durationSec: rtDoc.durationSec ?? 3600,
  client: clientNode.id,
  endpoint: epNode.id,
  rps: Number(cp.rps),
  payloadMB: Number(cp.payloadMB),
  instanceType: String(ep.instanceType),
  instanceCount: Number(ep.instanceCount),
  modelLatencyMs: Number(ep.modelLatencyMs),
  startSec: inService.t,
};
const floorOut = runFloor(spec);
const epOut = rtReport.nodes[epNode.id];
for (const k of ['requests', 'ok', 'failed', 'p50Ms', 'p99Ms'] as const)
  if (floorOut[k] !== epOut[k])
    throw new Error(`the floor's ${k} is ${floorOut[k]}, the engine's ${epOut[k]}: not the same work`);
/**
 * Wall seconds and CPU seconds (this process: on a machine shared with other work, CPU time counts only what the call
 * itself spent, so its ratios move less with the load) of one call.
 */
const timeIt = (f: () => unknown): { wall: number; cpu: number } => {
  const t0 = process.hrtime.bigint(),
    c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
};
const pairs = Math.max(5, runs * 2 - 1);
/**
 * `a` against `b`, timed in `pairs` pairs with the order alternating (neither always runs on a warmer machine):
 * each one's wall seconds, and a/b per pair in wall and in CPU time.
 */
function paired(a: () => unknown, b: () => unknown) {
  const out = { aSec: [] as number[], bSec: [] as number[], ratios: [] as number[], cpuRatios: [] as number[] };
  for (let i = 0; i < pairs; i++) {
    let x: { wall: number; cpu: number }, y: { wall: number; cpu: number };
    if (i % 2) {
      y = timeIt(b);
      x = timeIt(a);
    } else {
      x = timeIt(a);
      y = timeIt(b);
    }
    out.aSec.push(x.wall);
    out.bSec.push(y.wall);
    out.ratios.push(x.wall / y.wall);
    out.cpuRatios.push(x.cpu / y.cpu);
  }
  return out;
}
const {
  aSec: engineSec,
  bSec: floorSec,
  ratios,
  cpuRatios,
} = paired(
  () => runDocument(rtDoc),
  () => runFloor(spec),
);
const ratio = median(ratios);
const ns = (sec: number) => ((sec / floorOut.requests) * 1e9).toFixed(0);
console.log(
  `hot loop         ${fmt(floorOut.requests)} requests on one real-time endpoint (p50 ${floorOut.p50Ms} ms, ` +
    `p99 ${floorOut.p99Ms} ms in both): engine ${ns(median(engineSec))} ns/request, floor ` +
    `${ns(median(floorSec))} ns/request; engine/floor ${ratio.toFixed(2)}× median of ${pairs} pairs ` +
    `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; budget 1.3×) ` +
    `${ratio <= 1.3 ? 'OK' : 'ABOVE BUDGET'}`,
);
console.log(`  in CPU time    engine/floor ${median(cpuRatios).toFixed(2)}× median of the same ${pairs} pairs`);

// 7. the same traffic from 100 clients (staged and sorted each tick) against one client
const manyClients: ArchDoc = {
  ...rtDoc,
  nodes: [
    ...rtDoc.nodes.filter((n) => n.kind !== 'client'),
    ...Array.from({ length: 100 }, (_, i) => ({
      ...clientNode,
      id: `${clientNode.id}${i}`,
      props: { ...cp, rps: Number(cp.rps) / 100 },
    })),
  ] as ArchDoc['nodes'],
  edges: Array.from({ length: 100 }, (_, i) => ({ from: `${clientNode.id}${i}`, to: epNode.id })),
};
runDocument(manyClients); // warm: the merge's code paths are not the one-client run's
const {
  aSec: manySec,
  bSec: oneSec,
  ratios: manyRatios,
  cpuRatios: manyCpuRatios,
} = paired(
  () => runDocument(manyClients),
  () => runDocument(rtDoc),
);
console.log(
  `100 clients      ${median(manySec).toFixed(3)} s vs ${median(oneSec).toFixed(3)} s for one client at the ` +
    `same total rate = ${median(manyRatios).toFixed(2)}× median of ${pairs} pairs ` +
    `(${median(manyCpuRatios).toFixed(2)}× in CPU time, ` +
    `${Math.min(...manyCpuRatios).toFixed(2)}–${Math.max(...manyCpuRatios).toFixed(2)})`,
);
