/**
 * How a rule is shown lives in its catalog entry (`display`, `http`, `httpByKind`); every consumer's view must
 * agree with it: the engine's sampled traces (outcome and HTTP status), the report's messages (the status they
 * name), the worker's outcome colours and monitor runs, and the why? panel's network path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_KINDS } from '../../src/catalog/kinds';
import { RULES, RULES_BY_ID, ruleHttp } from '../../src/catalog/rules';
import type { Kind } from '../../src/catalog/types';
import {
  createSimulation,
  networkReportOf,
  requestTraces,
  TOPICS,
  type MonitorRun,
  type RequestTrace,
  type Simulation,
} from '../../src/engine';
import { loadText } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { outcomeOfRule } from '../../src/worker/live';
import { MlopsWatch } from '../../src/worker/mlops';
import { arch, edge, node } from '../harness';
import { CASES } from './rule-cases';

const root = new URL('../../', import.meta.url).pathname;
const scenario = (rel: string): ArchDoc => {
  const r = loadText(readFileSync(root + rel, 'utf8'));
  if (!r.ok) throw new Error(`${rel} invalid`);
  return r.doc;
};
const puzzles = ['d1', 'd2', 'd3', 'd4'].flatMap((d) =>
  readdirSync(`${root}scenarios/puzzles/${d}`)
    .filter((f) => f.endsWith('.json'))
    .map((f) => `scenarios/puzzles/${d}/${f}`),
);

interface Observed {
  name: string;
  doc: ArchDoc;
  sim: Simulation;
  traces: { kind: Kind; t: RequestTrace }[];
  monitorRuns: MonitorRun[];
  watch: MlopsWatch;
}

function observe(name: string, doc: ArchDoc, durationSec?: number): Observed {
  const sim = createSimulation(doc, { durationSec });
  const monitorRuns: MonitorRun[] = [];
  sim.on(TOPICS.monitorRun, (r) => monitorRuns.push(r));
  const watch = new MlopsWatch(sim);
  sim.runToEnd();
  const traces = sim.graph
    .ofKind(...ENDPOINT_KINDS)
    .flatMap((n) => requestTraces(sim, n.id).map((t) => ({ kind: n.kind, t })));
  return { name, doc, sim, traces, monitorRuns, watch };
}

const runs: Observed[] = [
  ...Object.entries(CASES).map(([rule, c]) => observe(`case ${rule}`, c.doc(), c.durationSec ?? 3600)),
  ...puzzles.map((p) => observe(p, scenario(p))),
  // oversize bodies on every endpoint kind with a payload limit
  observe(
    'oversize payloads',
    arch(
      ...(['realtime-endpoint', 'serverless-endpoint', 'multi-model-endpoint', 'async-endpoint'] as const).flatMap(
        (kind, i) => [
          node(`ep${i}`, kind),
          node(`c${i}`, 'client', { payloadMB: kind === 'async-endpoint' ? 1500 : 8, payloadSpread: 'fixed', rps: 1 }),
          edge(`c${i}`, `ep${i}`),
        ],
      ),
    ),
    600,
  ),
];

describe('rule display: every consumer agrees with the catalog', () => {
  it('the worker colours a rule’s failed requests as the catalog says (cold requests come from cold starts)', () => {
    for (const r of RULES) {
      const want = r.display?.request;
      expect(outcomeOfRule(r.id), r.id).toBe(want === 'cold' ? undefined : want);
    }
  });

  it(
    'a sampled request hit by a rule has the rule’s outcome, and a ' + 'failed one the rule’s HTTP status for its kind',
    () => {
      let checked = 0;
      for (const { name, traces } of runs) {
        for (const { kind, t } of traces) {
          if (!t.rule) continue;
          const rule = RULES_BY_ID.get(t.rule)!;
          expect(rule.display?.request, `${name}: ${t.rule} traced but has no display.request`).toBe(t.outcome);
          if (t.outcome === 'cold') continue;
          const status = ruleHttp(rule, kind);
          expect(t.status, `${name}: ${t.rule} on ${kind}`).toBe(status);
          if (status !== undefined) {
            expect(t.note.startsWith(`${status}: `), `${name}: ${t.note}`).toBe(true);
            expect(t.hops.at(-1)!.name).toBe(t.note);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it('every rule that hits single requests is traced somewhere (its log rows have a request to open)', () => {
    const traced = new Set(runs.flatMap((o) => o.traces.map((x) => x.t.rule)));
    const missing = RULES.filter((r) => r.display?.request && !traced.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('the serverless trace and its incident name one status, 400, as the catalog says (and real-time 413)', () => {
    const sls = ruleHttp(RULES_BY_ID.get('payload-too-large')!, 'serverless-endpoint');
    const rt = ruleHttp(RULES_BY_ID.get('payload-too-large')!, 'realtime-endpoint');
    expect([sls, rt]).toEqual([400, 413]);
    const seen = new Set<string>();
    for (const { name, sim, traces } of runs) {
      for (const i of sim.allIncidents().filter((x) => x.rule === 'payload-too-large')) {
        const kind = sim.graph.node(i.node).kind;
        const status = ruleHttp(RULES_BY_ID.get(i.rule)!, kind);
        expect(i.message, `${name}: ${i.node}`).toContain(`(${status})`);
        for (const { t } of traces.filter((x) => x.t.endpoint === i.node && x.t.rule === i.rule))
          expect(t.status, `${name}: trace on ${i.node}`).toBe(status);
        seen.add(kind);
      }
    }
    expect([...seen].sort()).toEqual([
      'async-endpoint',
      'batch-transform',
      'multi-model-endpoint',
      'realtime-endpoint',
      'serverless-endpoint',
    ]);
  });

  it(
    'a monitoring run fails only by a rule the catalog marks as a ' + 'monitor failure, and each such rule fails runs',
    () => {
      const failing = new Set<string>();
      for (const { name, monitorRuns, watch } of runs) {
        for (const r of monitorRuns) {
          if (r.result !== 'failed') continue;
          expect(RULES_BY_ID.get(r.rule!)?.display?.monitorFailure, `${name}: ${r.rule}`).toBe(true);
          failing.add(r.rule!);
          // the worker's monitor view shows the failed run with its rule
          const live = watch.of(r.monitor)!.runs!.find((x) => x.n === r.n);
          if (live) expect(live).toMatchObject({ result: 'failed', text: `Failed: ${r.rule}` });
        }
      }
      const marked = RULES.filter((r) => r.display?.monitorFailure).map((r) => r.id);
      expect([...failing].sort()).toEqual(marked.sort());
    },
  );

  it(
    'the why? panel’s services for a network rule are in the node’s network report, and a path rule’s path stops ' +
      'there',
    () => {
      const marked = RULES.filter((r) => r.display?.network);
      expect(marked.length).toBeGreaterThan(0);
      for (const r of marked) {
        const c = CASES[r.id];
        const report = networkReportOf(c.doc(), c.node)!;
        const shown = report.services.filter((s) => r.display!.network!.includes(s.service));
        expect(shown.map((s) => s.service).sort(), r.id).toEqual([...r.display!.network!].sort());
        // network isolation is the container's setting, not the path: its internet path may be open
        if (r.id !== 'network-isolation-egress')
          expect(
            shown.some((s) => !s.ok),
            `${r.id}: every service the panel shows is reachable`,
          ).toBe(true);
      }
    },
  );
});
