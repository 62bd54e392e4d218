import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node } from '../../harness';
import { createSimulation, runDocument } from '../../../src/engine/run';
import { buildReport } from '../../../src/engine/report';

/** Every endpoint kind, variants with a shadow, autoscaling, a cache that thrashes and two faults. */
const mixed = () =>
  arch(
    node('web', 'client', { rps: 80, payloadMB: 2 }),
    node('ep', 'realtime-endpoint', {
      autoscaling: { min: 1, max: 4, targetInvocationsPerInstance: 1500 },
      variants: [
        { name: 'a', weight: 1 },
        { name: 'shadow', weight: 1, shadow: true },
      ],
    }),
    node('fs', 'feature-store'),
    edge('fs', 'ep'),
    node('tenants', 'client', { rps: 30, models: 40, pattern: 'diurnal' }),
    node('mme', 'multi-model-endpoint', { cachedModels: 15 }),
    node('bursty', 'client', { rps: 3, pattern: 'spiky' }),
    node('sl', 'serverless-endpoint', { maxConcurrency: 4 }),
    node('jobs', 'client', { rps: 0.1, startSec: 900, stopSec: 1500 }),
    node('as', 'async-endpoint', { minCapacity: 0 }),
    edge('web', 'ep'),
    edge('tenants', 'mme'),
    edge('bursty', 'sl'),
    edge('jobs', 'as'),
    edge('web', 'sl'),
    fault({ atSec: 1000, kind: 'traffic-spike', node: 'web', factor: 3, durationSec: 200 }),
    fault({ atSec: 2000, kind: 'large-payloads', node: 'bursty', sizeMB: 5, durationSec: 400 }),
  );

describe('inference runs are deterministic', () => {
  it('the same file and seed give a byte-identical report', () => {
    const a = JSON.stringify(runDocument(mixed(), { seed: 11 }).report);
    const b = JSON.stringify(runDocument(mixed(), { seed: 11 }).report);
    expect(b).toBe(a);
    const c = JSON.stringify(runDocument(mixed(), { seed: 12 }).report);
    expect(c).not.toBe(a);
  });

  it('stepping in 7-second chunks gives the same report as running to the end', () => {
    const whole = JSON.stringify(runDocument(mixed(), { seed: 5 }).report);
    const sim = createSimulation(mixed(), { seed: 5 });
    for (let t = 7; !sim.done; t += 7) sim.runUntil(t);
    expect(JSON.stringify(buildReport(sim))).toBe(whole);
  });

  it('stepping event by event gives the same report too', () => {
    const whole = JSON.stringify(runDocument(mixed(), { seed: 5, durationSec: 900 }).report);
    const sim = createSimulation(mixed(), { seed: 5, durationSec: 900 });
    while (sim.step());
    expect(JSON.stringify(buildReport(sim))).toBe(whole);
  });

  it(
    "a real-time endpoint's fast loops (one stream, or merged streams, none retrying) give the general loop's " +
      'report',
    () => {
      // a client with `retries` sends its requests through the general loop (serveSource); with none, one stream is
      // drawn inside serveSimple and several merged ones are read by serveArrays. No 503 here, so nothing is retried
      // and the reports must be the same, 413s (lognormal payloads around 3 MB, a large-payloads fault) included.
      const doc = (retries: number[]) =>
        arch(
          ...retries.map((r, i) => node(`c${i}`, 'client', { rps: 150 / retries.length, payloadMB: 3, retries: r })),
          node('ep', 'realtime-endpoint', { instanceCount: 4 }),
          ...retries.map((_, i) => edge(`c${i}`, 'ep')),
          fault({ atSec: 300, kind: 'large-payloads', node: 'c0', sizeMB: 8, durationSec: 30 }),
        );
      for (const [fast, general] of [
        [[0], [1]],
        [
          [0, 0, 0],
          [0, 1, 0],
        ],
      ]) {
        const a = runDocument(doc(fast), { seed: 3, durationSec: 900 }).report;
        expect(a.nodes.ep.failed).toBeGreaterThan(30);
        expect(a.nodes.ep.ok).toBeGreaterThan(100_000);
        expect(JSON.stringify(runDocument(doc(general), { seed: 3, durationSec: 900 }).report)).toBe(JSON.stringify(a));
      }
    },
  );

  it('shows every kind of figure in the mixed run', () => {
    const { report } = runDocument(mixed(), { seed: 11 });
    const rules = new Set(report.incidents.map((i) => `${i.rule}@${i.node}`));
    for (const r of [
      'shadow-variant-response@ep',
      'payload-too-large@ep',
      'mme-cache-thrash@mme',
      'serverless-throttled@sl',
      'async-scale-from-zero@as',
      'async-no-notification@as',
      'payload-too-large@sl',
    ])
      expect(rules).toContain(r);
    // web sends its whole stream along each of its edges; sl merges two clients in time order
    const n = (id: string) => report.nodes[id].requests as number;
    expect(n('web')).toBe(n('ep') + n('sl') - n('bursty'));
    expect(n('sl') - n('bursty')).toBeGreaterThan(0.9 * n('ep'));
  });
});
