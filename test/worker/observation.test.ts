/**
 * The worker forwards the engine's typed observation (scaling activities, flows, monitor runs) and reads no
 * log text: the live MLOps view is the same when every log message is blanked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, TOPICS, type ScalingActivity } from '../../src/engine';
import { loadText } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { MlopsWatch } from '../../src/worker/mlops';
import { arch, edge, node } from '../harness';
import { manualSession } from './manual-session';

const root = new URL('../../', import.meta.url).pathname;
function load(rel: string): ArchDoc {
  const r = loadText(readFileSync(root + rel, 'utf8'));
  if (!r.ok) throw new Error(`${rel} invalid`);
  return r.doc;
}

describe('typed observation in the worker', () => {
  it('forwards scaling activities as the engine publishes them, at their simulated second', () => {
    // 100 req/s against target tracking at 1300 per instance per minute: scales out to 5; when the traffic stops there
    // are no invocations, so no datapoints, and target tracking never scales in (AWS: an idle endpoint keeps its size)
    const doc = arch(
      node('c', 'client', { rps: 100, stopSec: 1800 }),
      node('ep', 'realtime-endpoint', { autoscaling: { min: 1, max: 8, targetInvocationsPerInstance: 1300 } }),
      edge('c', 'ep'),
    );
    const sim = createSimulation(doc);
    const published: (ScalingActivity & { t: number })[] = [];
    sim.on(TOPICS.scaling, (a) => published.push({ t: sim.now, ...a }));
    sim.runToEnd();
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((a) => a.to !== a.from && a.endpoint === 'ep' && a.policy === 'target-tracking')).toBe(true);
    expect(Math.max(...published.map((a) => a.to))).toBe(5);
    expect(published.at(-1)!.to).toBe(5);

    const { s, updates } = manualSession();
    s.handle({ type: 'load', doc });
    s.handle({ type: 'runToEnd' });
    const forwarded = updates().flatMap((u) => u.scaling ?? []);
    expect(forwarded).toEqual(published.slice(-forwarded.length));
    expect(forwarded.length).toBe(Math.min(published.length, 100));
  });

  it('builds the live MLOps view without reading log text', () => {
    const doc = load('scenarios/sandbox/full-mlops-loop.json');
    const view = (blank: boolean) => {
      const sim = createSimulation(doc);
      if (blank) {
        // blank every message as it is logged: a view that scraped text would change
        const add = sim.log.add.bind(sim.log);
        sim.log.add = (e) => add({ ...e, message: '' });
      }
      const watch = new MlopsWatch(sim);
      sim.runToEnd();
      const flows = watch.takeFlows();
      return { flows, nodes: ['training-pipeline', 'registry', 'drift-monitor'].map((id) => watch.of(id)) };
    };
    const real = view(false);
    expect(real.flows.length).toBeGreaterThan(0);
    expect(view(true)).toEqual(real);
  });
});
