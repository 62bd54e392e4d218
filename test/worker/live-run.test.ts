import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_SAMPLING } from '../../src/engine/modules/inference/traces';
import { runDocument } from '../../src/engine/run';
import { loadText } from '../../src/model/load';
import type { ArchDoc, Fault } from '../../src/model/schema';
import { manualSession } from './manual-session';

const loaded = loadText(
  readFileSync(new URL('../../scenarios/demos/01-the-six-megabyte-wall.json', import.meta.url), 'utf8'),
);
if (!loaded.ok) throw new Error('demo invalid');
/** The 6 MB wall without its scripted fault: the test injects it from the "page". */
const doc: ArchDoc = { ...loaded.doc, faults: [], script: undefined };

const session = manualSession;

describe('live run: faults, rates, series, traces', () => {
  it('a fault injected mid-run gives the same run as the file that has it (report and log)', async () => {
    const { s, out, advance, updates } = session();
    s.handle({ type: 'load', doc });
    s.handle({ type: 'speed', speed: 100 });
    s.handle({ type: 'play' });
    for (let i = 0; i < 5; i++) {
      advance(500);
      await Promise.resolve();
    }
    s.handle({ type: 'pause' });
    const before = updates().at(-1)!.now;
    expect(before).toBeGreaterThan(200);
    s.handle({ type: 'fault', fault: { kind: 'large-payloads', node: 'app', sizeMB: 8, durationSec: 60 } });
    const f = out.find((m): m is { type: 'fault'; fault: Fault } => m.type === 'fault')!.fault;
    expect(f.atSec).toBe(Math.floor(before) + 1);
    expect(updates().at(-1)!.status).toBe('paused');
    expect(updates().at(-1)!.now).toBe(before);
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'report' });
    const live = out.find((m) => m.type === 'report')!;
    const replay = runDocument({ ...doc, faults: [f] });
    expect(JSON.stringify(live.type === 'report' && live.report)).toBe(JSON.stringify(replay.report));
    expect(replay.report.incidents.find((i) => i.rule === 'payload-too-large')!.count).toBeGreaterThan(200);
    // the streamed log is the replay's log, entry for entry
    const streamed = updates()
      .flatMap((u) => u.log)
      .map((e) => `${e.seq} ${e.t} ${e.message}`);
    expect(streamed).toEqual(replay.sim.log.entries().map((e) => `${e.seq} ${e.t} ${e.message}`));
  });

  it('refuses a fault after the end, with a reason', () => {
    const { s, out } = session();
    s.handle({ type: 'load', doc });
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'fault', fault: { kind: 'traffic-spike', node: 'app' } });
    expect(out.at(-1)).toEqual({ type: 'error', message: 'The run has ended: reset it, then inject the fault.' });
  });

  it(
    'rates follow the traffic over simulated seconds; failures are coloured by rule; series come for the ' +
      'selected node',
    async () => {
      const { s, advance, last } = session();
      s.handle({
        type: 'load',
        doc: { ...doc, faults: [{ atSec: 700, kind: 'large-payloads', node: 'app', sizeMB: 8, durationSec: 120 }] },
      });
      s.handle({ type: 'select', node: 'ep' });
      s.handle({ type: 'speed', speed: 10 });
      s.handle({ type: 'play' });
      for (let i = 0; i < 100; i++) {
        advance(500);
        await Promise.resolve();
      } // 500 simulated seconds at ×10
      s.handle({ type: 'pause' });
      const ep = last().nodes.ep;
      expect(ep.state).toBe('InService');
      expect(ep.rps).toBeGreaterThan(2);
      expect(ep.rps).toBeLessThan(9);
      expect(ep.instances).toBe(2);
      expect(ep.outcomes!.ok).toBeGreaterThan(2);
      expect(last().selected!.node).toBe('ep');
      expect(last().selected!.series.requests.length).toBeGreaterThan(3);
      s.handle({ type: 'play' });
      for (let i = 0; i < 50; i++) {
        advance(500);
        await Promise.resolve();
      }
      const hit = last().nodes.ep;
      expect(hit.outcomes!.rejected).toBeGreaterThan(2);
      expect(hit.outcomes!.ok).toBeLessThan(1);
      expect(hit.incidents['payload-too-large']).toBeGreaterThan(100);
    },
  );

  it('samples request traces per outcome, bounded, with hops and the rule', () => {
    const { s, out } = session();
    s.handle({
      type: 'load',
      doc: { ...doc, faults: [{ atSec: 100, kind: 'large-payloads', node: 'app', sizeMB: 8, durationSec: 120 }] },
    });
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'traces', node: 'ep' });
    const t = out.find((m) => m.type === 'traces');
    if (t?.type !== 'traces') throw new Error('no traces');
    const rejected = t.traces.filter((x) => x.outcome === 'rejected');
    const ok = t.traces.filter((x) => x.outcome === 'ok');
    expect(rejected.length).toBeGreaterThanOrEqual(TRACE_SAMPLING.first);
    expect(rejected[0]).toMatchObject({ rule: 'payload-too-large', payloadMB: 8 });
    expect(rejected[0].atSec).toBeGreaterThanOrEqual(100);
    expect(rejected[0].hops.at(-1)!.kind).toBe('failed');
    expect(ok[0].hops.map((h) => h.kind)).toContain('model');
    expect(ok[0].totalMs).toBeGreaterThan(0);
    expect(t.traces.length).toBeLessThanOrEqual(TRACE_SAMPLING.max);
    // deterministic: the same run samples the same requests
    const again = session();
    again.s.handle({
      type: 'load',
      doc: { ...doc, faults: [{ atSec: 100, kind: 'large-payloads', node: 'app', sizeMB: 8, durationSec: 120 }] },
    });
    again.s.handle({ type: 'runToEnd' });
    again.s.handle({ type: 'traces', node: 'ep' });
    expect(again.out.find((m) => m.type === 'traces')).toEqual(t);
  });

  it('computes findings off the main thread', () => {
    const { s, out } = session();
    s.handle({ type: 'check', doc, id: 7 });
    expect(out.at(-1)).toMatchObject({ type: 'findings', id: 7 });
  });
});
