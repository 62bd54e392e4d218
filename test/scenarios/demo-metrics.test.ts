/** Demo 10 (two metrics, one surge): the narration's figures are the run's. */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import { loadDemo } from './catalog';

describe('demo 10: InvocationsPerInstance vs ConcurrentRequestsPerModel under one surge', () => {
  const { doc } = loadDemo('scenarios/demos/10-two-metrics-one-surge.json');
  const { report, sim } = runDocument(doc);
  const launch = (id: string) =>
    sim.log.entries().find((e) => e.node === id && /target tracking .* launches instances/.test(e.message))!;

  it('B launches at 624 s after three 10-s datapoints, A at 764 s after three one-minute ones', () => {
    expect(launch('pricing-b').t).toBe(624);
    expect(launch('pricing-b').message).toContain('ConcurrentRequestsPerModel > 2 per instance');
    expect(launch('pricing-a').t).toBe(764);
    expect(launch('pricing-a').message).toContain('InvocationsPerInstance > 1200/min');
  });

  it('A fails 64,724 of 261,212 requests (25%), B 42,585 of 261,424 (16%), for $0.10 more', () => {
    const a = report.nodes['pricing-a'],
      b = report.nodes['pricing-b'];
    expect([a.failed, a.requests]).toEqual([64_724, 261_212]);
    expect([b.failed, b.requests]).toEqual([42_585, 261_424]);
    expect(Math.round((100 * a.failed!) / a.requests!)).toBe(25);
    expect(Math.round((100 * b.failed!) / b.requests!)).toBe(16);
    expect(b.costUSD! - a.costUSD!).toBeCloseTo(0.1, 1);
  });

  it('neither has scaled in by the end: scale-in waits 15 quiet minutes on either metric', () => {
    expect(report.nodes['pricing-a'].instancesFinal).toBe(11);
    expect(report.nodes['pricing-b'].instancesFinal).toBe(12);
  });
});
