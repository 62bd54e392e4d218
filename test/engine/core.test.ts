import { createActor, createMachine, fromCallback, setup } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { simClock } from '../../src/engine/clock';
import { createController, RunDriver } from '../../src/engine/controller';
import { Histogram } from '../../src/engine/histogram';
import { EventLog } from '../../src/engine/log';
import { Series } from '../../src/engine/metrics';
import { EventQueue } from '../../src/engine/queue';
import { buildReport } from '../../src/engine/report';
import { Rng } from '../../src/engine/rng';
import { Simulation } from '../../src/engine/sim';
import type { SimModule } from '../../src/engine/sim';
import { arch, edge, node, validate as validateDoc } from '../harness';

/** A module that logs a tick every 10 s and fails a node at 25 s: enough to test the core alone. */
const probe: SimModule = {
  id: 'probe',
  check: (g) =>
    g.ofKind('sns').map((n) => ({
      rule: 'async-no-notification',
      node: n.id,
      severity: 'warning' as const,
      message: 'probe finding',
    })),
  start(sim) {
    sim.setState('job', 'InProgress');
    const r = sim.rng('probe');
    sim.every(10, 'probe tick', null, (t) => {
      sim.metrics('ep').requests++;
      sim.metrics('ep').latency.add(10 + r.next() * 5);
      sim.note(null, 'info', `tick ${t}`);
    });
    sim.at(25, 'probe fail', 'job', () => {
      sim.incident('ecr-pull-blocked', 'job');
      sim.setState('job', 'Failed', 'pull failed');
    });
  },
  finish(sim) {
    sim.addCost('job', 1.234567);
  },
};
const doc = arch(
  node('job', 'training-job'),
  node('ep', 'realtime-endpoint'),
  node('topic', 'sns'),
  node('c', 'client'),
  edge('c', 'ep'),
);
const make = (o: Partial<{ seed: number; durationSec: number }> = {}) =>
  new Simulation(doc, { modules: [probe], durationSec: 100, seed: 3, ...o });

describe('simulation core', () => {
  it('runs modules, records incidents, states, cost and findings into the report', () => {
    const sim = make().runToEnd();
    const r = buildReport(sim);
    expect(r.simulatedSec).toBe(100);
    expect(r.findings).toEqual([
      { rule: 'async-no-notification', node: 'topic', severity: 'warning', message: 'probe finding' },
    ]);
    expect(r.incidents).toHaveLength(1);
    expect(r.incidents[0]).toMatchObject({ rule: 'ecr-pull-blocked', node: 'job', count: 1, firstAtSec: 25 });
    expect(r.nodes.job).toEqual({ state: 'Failed', costUSD: 1.2346 });
    expect(r.nodes.ep.requests).toBe(10);
    expect(r.costUSD).toBe(1.23);
    expect(r.timeline.map((e) => e.event)).toEqual(['Failed: pull failed']);
  });

  it('gives the same report however the run is sliced, and for the same seed', () => {
    const whole = JSON.stringify(buildReport(make().runToEnd()));
    const sliced = make();
    for (let t = 0; t < 100; t += 7) sliced.runUntil(t);
    sliced.runToEnd();
    expect(JSON.stringify(buildReport(sliced))).toBe(whole);
    const stepped = make();
    let steps = 0;
    while (stepped.step()) steps++;
    expect(steps).toBe(11);
    expect(JSON.stringify(buildReport(stepped))).toBe(whole);
    expect(JSON.stringify(buildReport(make({ seed: 4 }).runToEnd()))).not.toBe(whole);
  });

  it('fires a scheduled fault through the module that handles it, and says so when none does', () => {
    const handled: number[] = [];
    const m: SimModule = { id: 'f', faults: { 'traffic-spike': (sim) => handled.push(sim.now) } };
    const d = arch(
      node('c', 'client'),
      { fault: { atSec: 12, kind: 'traffic-spike', node: 'c' } },
      { fault: { atSec: 20, kind: 'large-payloads', node: 'c' } },
    );
    const sim = new Simulation(d, { modules: [m], durationSec: 60 }).runToEnd();
    expect(handled).toEqual([12]);
    expect(sim.log.entries().map((e) => e.message)).toContain('nothing in this run reacts to large-payloads yet');
  });

  it('asks gates in order and returns the first blocker', () => {
    const sim = make();
    sim.addGate((n, phase) =>
      phase === 'image-pull' && n.kind === 'training-job' ? { rule: 'ecr-pull-blocked' } : null,
    );
    sim.addGate(() => ({ rule: 's3-unreachable' }));
    expect(sim.gate('job', 'image-pull')?.rule).toBe('ecr-pull-blocked');
    expect(sim.gate('job', 'data-download')?.rule).toBe('s3-unreachable');
    expect(sim.gate('nope', 'data-download')).toBeNull();
  });
});

/** A machine with a function context (XState assigns it when an actor starts). */
const inputMachine = setup({ types: { input: {} as { n: number } } }).createMachine({
  context: ({ input }) => ({ n: input.n }),
});

describe('controller machine', () => {
  it('goes idle → running ⇄ paused → finished, steps one event and clamps speed', () => {
    // A manual clock: ticks come only from the test.
    const driver = new RunDriver(() => make());
    const actor = createController(driver, { speed: 10, ticker: fromCallback(() => () => {}) });
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(driver.lastStep).toBe('probe tick');
    actor.send({ type: 'SPEED', speed: 5000 });
    expect(actor.getSnapshot().context.speed).toBe(1000);
    actor.send({ type: 'RESUME' });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'TICK', wallMs: 30 }); // 0.03 wall s × 1000 = 30 simulated s
    expect(driver.sim.now).toBeCloseTo(30);
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RUN_TO_END' });
    expect(actor.getSnapshot().value).toBe('toEnd');
    actor.send({ type: 'SLICE', t: 40 });
    expect(actor.getSnapshot().value).toBe('toEnd');
    expect(driver.sim.now).toBeCloseTo(40);
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RUN_TO_END' });
    actor.send({ type: 'SLICE', t: Infinity });
    expect(actor.getSnapshot().value).toBe('finished');
    expect(driver.sim.done).toBe(true);
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(driver.sim.now).toBe(0);
    actor.stop();
  });

  it('finishes by itself when ticks reach the end', () => {
    const driver = new RunDriver(() => make());
    const actor = createController(driver, { speed: 1000, ticker: fromCallback(() => () => {}) });
    actor.send({ type: 'START' });
    actor.send({ type: 'TICK', wallMs: 200 });
    expect(actor.getSnapshot().value).toBe('finished');
    actor.stop();
  });

  it('holds no simulation in its context and drives the run without XState warnings', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // a module whose run creates actors with a function context (XState assigns it) while the controller drives it
      const withActors: SimModule = {
        id: 'actors',
        start(sim) {
          sim.every(10, 'spawn', null, () => {
            createActor(inputMachine, { input: { n: 1 } }).start();
          });
        },
      };
      const driver = new RunDriver(() => new Simulation(doc, { modules: [probe, withActors], durationSec: 60 }));
      const actor = createController(driver, { ticker: fromCallback(() => () => {}) });
      actor.send({ type: 'STEP' });
      actor.send({ type: 'RUN_TO_END' });
      actor.send({ type: 'SLICE', t: 60 });
      expect(actor.getSnapshot().value).toBe('finished');
      expect(Object.keys(actor.getSnapshot().context)).toEqual(['speed']);
      expect(warn).not.toHaveBeenCalled();
      actor.stop();
    } finally {
      warn.mockRestore();
    }
  });

  it('runs machine delays on simulated time through XState’s clock', () => {
    const sim = new Simulation(doc, { modules: [], durationSec: 100 });
    const seen: [string, number][] = [];
    const timer = createMachine({
      initial: 'a',
      states: {
        a: { after: { 30_000: 'b' } },
        b: { entry: () => seen.push(['b', sim.now]), after: { 5_000: 'c' } },
        c: {},
      },
    });
    const cancelled = createMachine({ initial: 'a', states: { a: { after: { 10_000: 'b' } }, b: {} } });
    createActor(timer, { clock: simClock(sim) }).start();
    const stopped = createActor(cancelled, { clock: simClock(sim) }).start();
    stopped.stop(); // its delay is cleared: nothing fires at 10 s
    sim.runUntil(20);
    expect(seen).toEqual([]);
    sim.runUntil(40);
    expect(seen).toEqual([['b', 30]]);
    sim.runToEnd();
  });
});

describe('building blocks', () => {
  it('rng streams are deterministic and independent by label', () => {
    const a = Rng.derive(1, 'x'),
      b = Rng.derive(1, 'x'),
      c = Rng.derive(1, 'y');
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    const r = new Rng(9);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += r.exp(2);
    expect(sum / 20000).toBeGreaterThan(0.48);
    expect(sum / 20000).toBeLessThan(0.52);
    let p = 0;
    for (let i = 0; i < 5000; i++) p += r.poisson(3);
    expect(p / 5000).toBeGreaterThan(2.9);
    expect(p / 5000).toBeLessThan(3.1);
  });

  it('queue orders by time, then by insertion', () => {
    const q = new EventQueue();
    const out: string[] = [];
    q.push(5, 'a', null, () => out.push('a'));
    q.push(1, 'b', null, () => out.push('b'));
    q.push(5, 'c', null, () => out.push('c'));
    q.push(0, 'd', null, () => out.push('d'));
    while (q.size) q.pop()!.fire();
    expect(out).toEqual(['d', 'b', 'a', 'c']);
  });

  it('histogram quantiles are within a bucket (2%)', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.add(i);
    expect(h.quantile(0.5)).toBeGreaterThanOrEqual(500);
    expect(h.quantile(0.5)).toBeLessThan(511);
    expect(h.quantile(0.99)).toBeGreaterThanOrEqual(990);
    expect(h.quantile(1)).toBe(1000);
    expect(new Histogram().quantile(0.5)).toBe(0);
  });

  it('series compacts to stay bounded; log keeps exact counts beyond its capacity', () => {
    const s = new Series(1, 'sum', 100);
    for (let t = 0; t < 1000; t++) s.add(t, 1);
    expect(s.values.length).toBeLessThanOrEqual(100);
    expect(s.values.reduce((a, b) => a + b, 0)).toBe(1000);
    const log = new EventLog(10);
    for (let i = 0; i < 25; i++)
      log.add({ t: i, node: null, type: 'info', severity: i % 5 ? 'info' : 'error', message: `m${i}` });
    expect(log.total).toBe(25);
    expect(log.bySeverity.error).toBe(5);
    expect(log.entries().map((e) => e.seq)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(log.dropped).toBe(15);
  });
});

describe('event log streaming', () => {
  it('since() returns the newest entries from a sequence number, across the ring wrap', () => {
    const log = new EventLog(10);
    for (let i = 0; i < 7; i++) log.add({ t: i, node: null, type: 'info', severity: 'info', message: `m${i}` });
    expect(log.since(4).map((e) => e.seq)).toEqual([4, 5, 6]);
    for (let i = 7; i < 23; i++) log.add({ t: i, node: null, type: 'info', severity: 'info', message: `m${i}` });
    expect(log.since(20).map((e) => e.seq)).toEqual([20, 21, 22]);
    expect(log.since(0).map((e) => e.seq)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    expect(log.since(0, 3).map((e) => e.seq)).toEqual([20, 21, 22]);
    expect(log.since(23)).toEqual([]);
  });
});

describe('demo script faults', () => {
  it('are injected into the run once, even when also listed in faults', () => {
    const seen: number[] = [];
    const m: SimModule = { id: 'f', faults: { 'traffic-spike': (sim) => seen.push(sim.now) } };
    const d = validateDoc({
      format: 'sagesim/architecture@1',
      mode: 'demo',
      nodes: [{ id: 'c', kind: 'client' }],
      faults: [{ atSec: 30, kind: 'traffic-spike', node: 'c' }],
      script: [
        { atSec: 10, say: 'watch', fault: { kind: 'traffic-spike', node: 'c' } },
        { atSec: 30, fault: { kind: 'traffic-spike', node: 'c' } },
      ],
    });
    new Simulation(d, { modules: [m], durationSec: 60 }).runToEnd();
    expect(seen).toEqual([10, 30]);
  });
});
