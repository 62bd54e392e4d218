/**
 * `npm run bench:robust`: the time budgets of the robustness work (issue 13), measured here and not in unit tests.
 * Each case runs a few times; the median is compared with its budget. Exit 1 when a median is over budget.
 *
 *   layout of 500 nodes / 1,000 edges            ≤ 1.5 s
 *   layout of 2,000 nodes / 5,000 edges          ≤ 6 s
 *   loader refusing a million nested levels      ≤ 2 s
 *   work estimate of 10,000 overlapping spikes   ≤ 1 s
 *   the slowest shipped demo, run to its end     ≤ 2 s
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDocument } from '../src/engine';
import { estimateWork } from '../src/model/budget';
import { computeLayout } from '../src/model/autolayout';
import { loadJson, loadText } from '../src/model/load';
import type { ArchDoc } from '../src/model/schema';
import { big } from '../test/robust/big';

const ROOT = new URL('..', import.meta.url).pathname;
const REPEAT = 3;

function median(f: () => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const spikes = (() => {
  const r = loadJson({
    format: 'sagesim/architecture@1',
    nodes: [
      { id: 'shop', kind: 'client', props: { rps: 1 } },
      { id: 'ep', kind: 'realtime-endpoint' },
    ],
    edges: [{ from: 'shop', to: 'ep' }],
    faults: Array.from({ length: 10_000 }, (_, i) => ({
      kind: 'traffic-spike',
      node: 'shop',
      atSec: i % 600,
      factor: 1000,
      durationSec: 300,
    })),
  });
  if (!r.ok) throw new Error(`the spike document does not load: ${JSON.stringify(r.errors.slice(0, 2))}`);
  return r.doc;
})();
const demos: ArchDoc[] = readdirSync(join(ROOT, 'scenarios/demos'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = loadText(readFileSync(join(ROOT, 'scenarios/demos', f), 'utf8'));
    if (!r.ok) throw new Error(`${f} does not load`);
    return r.doc;
  });

const big500 = big(500, 1000),
  big2000 = big(2000, 5000);
const cases: [string, number, () => unknown][] = [
  ['layout, 500 nodes / 1,000 edges', 1500, () => computeLayout(big500)],
  ['layout, 2,000 nodes / 5,000 edges', 6000, () => computeLayout(big2000)],
  [
    'loader refuses a million nested levels',
    2000,
    () => loadText(`{"format":"sagesim/architecture@1","nodes":[],"extra":${nested(1_000_000)}}`),
  ],
  ['work estimate, 10,000 overlapping spikes', 1000, () => estimateWork(spikes, 3600)],
  ['slowest demo run to its end', 2000, () => Math.max(...demos.map((d) => median(() => runDocument(d))))],
];

let over = 0;
for (const [name, budget, f] of cases) {
  const ms = name.startsWith('slowest demo') ? (f() as number) : median(f);
  const ok = ms <= budget;
  if (!ok) over++;
  console.log(`${ok ? '✓' : '✗'} ${name}: ${Math.round(ms)} ms (budget ${budget} ms, median of ${REPEAT})`);
}
process.exit(over ? 1 : 0);
