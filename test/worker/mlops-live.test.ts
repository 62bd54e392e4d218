import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { loadText } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import type { Flow } from '../../src/worker/protocol';
import { manualSession } from './manual-session';

const root = new URL('../../', import.meta.url).pathname;
function load(rel: string): ArchDoc {
  const r = loadText(readFileSync(root + rel, 'utf8'));
  if (!r.ok) throw new Error(`${rel} invalid`);
  return r.doc;
}

const session = manualSession;

describe('live MLOps view (worker)', () => {
  it(
    'the full loop: executions with the step running, packages with their status, monitor runs, flows along the ' +
      'chain in order',
    async () => {
      const { s, updates, advance } = session();
      s.handle({ type: 'load', doc: load('scenarios/sandbox/full-mlops-loop.json') });
      s.handle({ type: 'speed', speed: 1000 });
      s.handle({ type: 'play' });
      // Play until training runs inside the first execution (t ≈ 800 s).
      for (let i = 0; i < 20; i++) {
        advance(50);
        await Promise.resolve();
      }
      const mid = updates().at(-1)!;
      expect(mid.now).toBeGreaterThan(760);
      const pipe = mid.nodes['training-pipeline'].mlops!;
      expect(pipe.executions).toHaveLength(1);
      expect(pipe.executions![0]).toMatchObject({ n: 1, state: 'Executing', startSec: 62 });
      expect(pipe.executions![0].reason).toContain('Object Created from raw-data');
      const running = pipe.steps!.filter((x) => x.state === 'InProgress');
      expect(running.map((x) => x.id)).toEqual(['train']);
      expect(running[0].phase).toBeTruthy();
      s.handle({ type: 'runToEnd' });
      const all = updates();
      const end = all.at(-1)!;
      expect(end.status).toBe('finished');
      const execs = end.nodes['training-pipeline'].mlops!.executions!;
      expect(execs.map((x) => [x.n, x.state])).toEqual([
        [1, 'Succeeded'],
        [2, 'Succeeded'],
      ]);
      // issue 12: hourly monitoring, and the violation reaches EventBridge through a CloudWatch alarm
      expect(execs[1].reason).toContain('CloudWatch Alarm State Change from drift-alarm');
      const pk = end.nodes.registry.mlops!.packages!;
      expect(pk.map((p) => [p.id, p.status])).toEqual([
        ['registry/0', expect.any(String)],
        ['registry/1', 'Approved'],
        ['registry/2', 'Approved'],
      ]);
      expect(pk[1]).toMatchObject({ model: 'train:v1', registeredAt: 1973, statusAt: 3000 });
      const runs = end.nodes['drift-monitor'].mlops!.runs!;
      expect(runs.map((r) => r.result)).toEqual(['ok', 'violation', 'ok']);
      expect(runs[1]).toMatchObject({ n: 2, t: 7200 });
      expect(end.nodes['drift-monitor'].extra).toMatchObject({ runs: 3, violations: 1, failedRuns: 0 });
      // Flows: the chain hop by hop, at the second each hop happens.
      const flows: Flow[] = all.flatMap((u) => u.flows ?? []);
      const hop = (from: string, to: string) => flows.filter((f) => f.from === from && f.to === to);
      expect(hop('raw-data', 'on-upload').map((f) => [f.t, f.label])).toEqual([[60, 'Object Created']]);
      expect(hop('on-upload', 'training-pipeline').map((f) => f.t)).toEqual([61]);
      expect(hop('registry', 'on-approval').map((f) => [f.t, f.label])).toEqual([
        [3000, 'Approved registry/1'],
        [9300, 'Approved registry/2'],
      ]);
      expect(hop('on-approval', 'deployer').map((f) => f.t)).toEqual([3001, 9301]);
      expect(hop('deployer', 'endpoint').map((f) => [f.t, f.label])).toEqual([
        [3004, 'UpdateEndpoint registry/1'],
        [9304, 'UpdateEndpoint registry/2'],
      ]);
      expect(hop('drift-monitor', 'on-violation')).toEqual([]);
      expect(hop('drift-monitor', 'drift-alarm').map((f) => f.t)).toEqual([7200]);
      expect(hop('drift-alarm', 'on-violation').map((f) => f.t)).toEqual([7201]);
      expect(hop('on-violation', 'training-pipeline').map((f) => f.t)).toEqual([7202]);
      expect(hop('quality-gate', 'registry').map((f) => f.label)).toEqual(['registry/1', 'registry/2']);
      const ts = flows.map((f) => f.t);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    },
  );

  it('a broken chain shows where it stops', () => {
    const doc = load('scenarios/sandbox/full-mlops-loop.json');
    const broken: ArchDoc = { ...doc, edges: doc.edges!.filter((e) => !(e.from === 'on-upload')) };
    const { s, updates } = session();
    s.handle({ type: 'load', doc: broken, durationSec: 300 });
    s.handle({ type: 'runToEnd' });
    const flows = updates().flatMap((u) => u.flows ?? []);
    expect(flows.filter((f) => f.kind === 'broken').map((f) => [f.from, f.to, f.t])).toEqual([['on-upload', null, 61]]);
  });

  it('a monitor whose runs fail shows failed runs with the rule', () => {
    const doc = load('scenarios/sandbox/full-mlops-loop.json');
    const nobase: ArchDoc = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'drift-monitor' ? { ...n, props: { ...n.props, baseline: false } } : n)),
    };
    const { s, updates } = session();
    s.handle({ type: 'load', doc: nobase, durationSec: 7500 });
    s.handle({ type: 'runToEnd' });
    const end = updates().at(-1)!;
    const runs = end.nodes['drift-monitor'].mlops!.runs!;
    expect(runs.map((r) => [r.n, r.result])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
    ]);
    expect(runs[0].text).toContain('monitor-needs-baseline');
    expect(end.nodes['drift-monitor'].extra).toMatchObject({ runs: 2, failedRuns: 2 });
  });

  const files = [
    ...readdirSync(root + 'scenarios/sandbox').map((f) => `scenarios/sandbox/${f}`),
    ...['d1', 'd2', 'd3', 'd4'].flatMap((d) =>
      readdirSync(`${root}scenarios/puzzles/${d}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `scenarios/puzzles/${d}/${f}`),
    ),
  ];
  it.each(files)('the report of a finished live run is the runner’s, byte for byte: %s', async (rel) => {
    const doc = load(rel);
    const { s, out, advance } = session();
    s.handle({ type: 'load', doc });
    s.handle({ type: 'speed', speed: 1000 });
    s.handle({ type: 'play' });
    for (let i = 0; i < 3; i++) {
      advance(37);
      await Promise.resolve();
    }
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'report' });
    const live = out.find((m) => m.type === 'report');
    expect(live && live.type === 'report').toBe(true);
    expect(JSON.stringify(live!.type === 'report' && live!.report)).toBe(JSON.stringify(runDocument(doc).report));
  });
});
