import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { Graph } from '../../../src/model/graph';
import { Rng } from '../../../src/engine/rng';
import { Arrivals, ClientStream, StreamMerge } from '../../../src/engine/modules/inference/traffic';
import { ZipfAlias } from '../../../src/engine/modules/inference/tables';

/** A stream of a client with `props`, generated over [t0, t1) in 1-s windows. */
function stream(props: Record<string, unknown>, seed = 1) {
  const g = new Graph(arch(node('c', 'client', props), node('ep', 'realtime-endpoint'), edge('c', 'ep')));
  return new ClientStream(g.nodeOf('c', 'client'), g.node('ep'), new Rng(seed));
}
function generate(s: ClientStream, t0: number, t1: number, step = 1): Arrivals {
  const out = new Arrivals();
  for (let t = t0; t < t1; t += step) s.generate(t, Math.min(t + step, t1), out, 0);
  return out;
}
const count = (a: Arrivals, from: number, to: number) => {
  let n = 0;
  for (let i = 0; i < a.n; i++) if (a.time[i] >= from && a.time[i] < to) n++;
  return n;
};

describe('client traffic', () => {
  it('constant: a Poisson stream at rps (mean and spread)', () => {
    const a = generate(stream({ rps: 100 }), 0, 3600);
    expect(a.n / 3600).toBeGreaterThan(99);
    expect(a.n / 3600).toBeLessThan(101);
    let sorted = true;
    for (let i = 1; i < a.n; i++) if (a.time[i] < a.time[i - 1]) sorted = false;
    expect(sorted).toBe(true);
    // per-second counts of a Poisson process: variance ≈ mean
    const per = new Float64Array(3600);
    for (let i = 0; i < a.n; i++) per[Math.floor(a.time[i])]++;
    const mean = per.reduce((s, x) => s + x, 0) / 3600;
    const variance = per.reduce((s, x) => s + (x - mean) ** 2, 0) / 3600;
    expect(variance / mean).toBeGreaterThan(0.85);
    expect(variance / mean).toBeLessThan(1.15);
  });

  it('spiky: one minute at 4× rps, three minutes silent, same mean rate', () => {
    const a = generate(stream({ rps: 20, pattern: 'spiky' }), 0, 4 * 3600);
    expect(a.n / (4 * 3600)).toBeGreaterThan(19.4);
    expect(a.n / (4 * 3600)).toBeLessThan(20.6);
    expect(count(a, 0, 60) / 60).toBeGreaterThan(65);
    expect(count(a, 60, 240)).toBe(0);
    expect(count(a, 240, 300) / 60).toBeGreaterThan(65);
    expect(count(a, 300, 480)).toBe(0);
  });

  it('spiky phases start at startSec', () => {
    const a = generate(stream({ rps: 20, pattern: 'spiky', startSec: 100 }), 0, 600);
    expect(count(a, 0, 100)).toBe(0);
    expect(count(a, 100, 160)).toBeGreaterThan(3000);
    expect(count(a, 160, 340)).toBe(0);
  });

  it('diurnal: a 24-hour sine between 0.2× and 1.8× rps', () => {
    const s = stream({ rps: 10, pattern: 'diurnal' });
    let lo = Infinity,
      hi = -Infinity;
    for (let t = 0; t < 86_400; t += 60) {
      const r = s.rateAt(t);
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
    expect(lo).toBeGreaterThanOrEqual(2 - 1e-9);
    expect(lo).toBeLessThan(2.01);
    expect(hi).toBeLessThanOrEqual(18 + 1e-9);
    expect(hi).toBeGreaterThan(17.99);
    const a = generate(s, 0, 86_400);
    expect(a.n / 86_400).toBeGreaterThan(9.9);
    expect(a.n / 86_400).toBeLessThan(10.1);
    const peak = count(a, 6 * 3600 - 1800, 6 * 3600 + 1800) / 3600,
      trough = count(a, 18 * 3600 - 1800, 18 * 3600 + 1800) / 3600;
    expect(peak).toBeGreaterThan(17);
    expect(trough).toBeLessThan(2.5);
  });

  it('sends only between startSec and stopSec', () => {
    const a = generate(stream({ rps: 50, startSec: 100, stopSec: 200 }), 0, 400);
    expect(a.time[0]).toBeGreaterThanOrEqual(100);
    expect(a.time[a.n - 1]).toBeLessThan(200);
    expect(a.n).toBeGreaterThan(4500);
  });

  it('payloads: fixed is exactly payloadMB; lognormal has median payloadMB', () => {
    const f = generate(stream({ rps: 50, payloadMB: 2, payloadSpread: 'fixed' }), 0, 100);
    expect(new Set(f.size.subarray(0, f.n))).toEqual(new Set([2]));
    const l = generate(stream({ rps: 200, payloadMB: 2 }), 0, 100);
    const sizes = Array.from(l.size.subarray(0, l.n)).sort((x, y) => x - y);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThan(1.9);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(2.1);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(4);
  });

  it('models: a Zipf-like mix (model 1 most requested, each ∝ 1/rank)', () => {
    const a = generate(stream({ rps: 500, models: 20 }), 0, 200);
    const per = new Float64Array(20);
    for (let i = 0; i < a.n; i++) per[a.model[i]]++;
    for (const k of [0, 1, 4, 19]) expect(per[k] / a.n).toBeCloseTo(ZipfAlias.weight(20, k), 2);
    expect(per[0]).toBeGreaterThan(per[1]);
  });

  it('traffic-spike multiplies the rate by factor for durationSec', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 20 }),
        node('ep', 'realtime-endpoint', { instanceCount: 10 }),
        edge('c', 'ep'),
        fault({ atSec: 600, kind: 'traffic-spike', node: 'c', factor: 5, durationSec: 300 }),
      ),
      { durationSec: 1200 },
    );
    const series = r.sim.metrics('c').s('requests').values; // 10-s buckets
    const during = series.slice(61, 89).reduce((s, x) => s + x, 0) / 280;
    const before = series.slice(20, 59).reduce((s, x) => s + x, 0) / 390;
    expect(during / before).toBeGreaterThan(4.5);
    expect(during / before).toBeLessThan(5.5);
  });

  it('large-payloads sends sizeMB requests for durationSec: each one over the limit is rejected', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 10 }),
        node('ep', 'realtime-endpoint'),
        edge('c', 'ep'),
        fault({ atSec: 600, kind: 'large-payloads', node: 'c', sizeMB: 8, durationSec: 60 }),
      ),
      { durationSec: 1200 },
    );
    const i = r.incident('payload-too-large', 'ep')!;
    expect(i.count).toBeGreaterThan(500);
    expect(i.count).toBeLessThan(700);
    expect(i.firstAtSec).toBeGreaterThanOrEqual(600);
    expect(i.firstAtSec).toBeLessThan(602);
    expect(r.node('ep').failed).toBe(i.count);
    expect(i.message).toContain('8 MB');
  });
});

describe('merging the streams of one tick', () => {
  it('gives the order of a stable sort by time (ties keep stream order), for 1 to 100 streams', () => {
    const kinds = [
      { rps: 40, pattern: 'spiky', payloadSpread: 'lognormal', models: 5 },
      { rps: 7, startSec: 3.5, stopSec: 50 },
      { rps: 120, pattern: 'diurnal', payloadSpread: 'fixed' },
    ];
    for (const n of [1, 2, 3, 7, 100]) {
      // stream i repeats the props and seed of stream i - 3 when i % 4 === 3: equal arrival times, to be tied
      const make = () =>
        Array.from({ length: n }, (_, i) => {
          const j = i % 4 === 3 ? i - 3 : i;
          return stream(kinds[j % kinds.length], 10 + j);
        });
      const merge = new StreamMerge(make());
      const alone = make();
      let ties = 0;
      for (let t = 0; t < 60; t++) {
        const got = new Arrivals(4);
        merge.begin(t, t + 1);
        merge.drainInto(got);
        const staged = new Arrivals(4);
        alone.forEach((s, i) => s.generate(t, t + 1, staged, i));
        const expected = Array.from({ length: staged.n }, (_, i) => i)
          .sort((x, y) => staged.time[x] - staged.time[y] || x - y)
          .map((i) => [staged.time[i], staged.size[i], staged.model[i], staged.src[i]]);
        for (let i = 1; i < expected.length; i++) if (expected[i][0] === expected[i - 1][0]) ties++;
        expect(Array.from({ length: got.n }, (_, i) => [got.time[i], got.size[i], got.model[i], got.src[i]])).toEqual(
          expected,
        );
      }
      if (n >= 7) expect(ties).toBeGreaterThan(0);
    }
  });

  it('a stream drawn one arrival at a time gives what it generates into arrays', () => {
    const props = { rps: 50, pattern: 'spiky', payloadSpread: 'lognormal', models: 20 };
    const staged = generate(stream(props, 9), 0, 600);
    const s = stream(props, 9);
    let i = 0;
    for (let t = 0; t < 600; t++) {
      s.begin(t, t + 1);
      while (s.nextArrival()) {
        expect([s.at, s.sizeMB, s.modelIdx]).toEqual([staged.time[i], staged.size[i], staged.model[i]]);
        i++;
      }
    }
    expect(i).toBe(staged.n);
    expect(s.sent).toBe(staged.n);
  });
});
