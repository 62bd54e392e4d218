import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { loadText } from '../../src/model/load';
import type { RunUpdate } from '../../src/worker/protocol';
import { TO_END_POST_MS } from '../../src/worker/session';
import { manualSession } from './manual-session';

const path = new URL('../fixtures/every-kind.json', import.meta.url).pathname;
const loaded = loadText(readFileSync(path, 'utf8'));
if (!loaded.ok) throw new Error('fixture invalid');
const doc = loaded.doc;

function session() {
  const m = manualSession();
  return {
    s: m.s,
    out: m.out,
    last: m.last,
    c: {
      advance: m.advance,
      get running() {
        return m.running;
      },
    },
  };
}

describe('engine worker session', () => {
  it('loads idle, steps one event, plays on ticks and pauses', async () => {
    const { s, c, last } = session();
    s.handle({ type: 'load', doc, durationSec: 600 });
    expect(last().status).toBe('idle');
    s.handle({ type: 'step' });
    expect(last().status).toBe('paused');
    expect(last().lastStep).toBeTruthy();
    s.handle({ type: 'speed', speed: 100 });
    const before = last().now;
    s.handle({ type: 'play' });
    expect(c.running).toBe(true);
    c.advance(1000); // one wall second at ×100
    await Promise.resolve();
    expect(last().now).toBeCloseTo(before + 100, 6);
    s.handle({ type: 'pause' });
    expect(c.running).toBe(false);
    expect(last().status).toBe('paused');
    s.handle({ type: 'runToEnd' });
    expect(last().status).toBe('finished');
    expect(last().now).toBe(600);
  });

  it('streams every log entry exactly once', () => {
    const { s, out } = session();
    s.handle({ type: 'load', doc, durationSec: 900 });
    for (let i = 0; i < 30; i++) s.handle({ type: 'step' });
    s.handle({ type: 'runToEnd' });
    const updates = out.filter((m): m is RunUpdate => m.type === 'update');
    const seqs = updates.flatMap((u) => u.log.map((e) => e.seq));
    const total = updates.at(-1)!.logTotal;
    if (total <= 2000) expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('exports the same report as the runner, byte for byte', () => {
    const { s, out } = session();
    s.handle({ type: 'load', doc, seed: 5 });
    s.handle({ type: 'runToEnd' });
    s.handle({ type: 'report' });
    const rep = out.find((m) => m.type === 'report');
    let cliOut = '';
    main(
      [path, '--json', '--seed', '5'],
      (x) => {
        cliOut += x;
      },
      () => {},
    );
    expect(rep && `${JSON.stringify(rep.report, null, 2)}\n`).toBe(cliOut);
  });

  it('injects a fault at the current time and reports bad messages as errors', () => {
    const { s, out } = session();
    s.handle({ type: 'step' });
    expect(out.at(-1)).toEqual({ type: 'error', message: 'no document loaded' });
    s.handle({ type: 'load', doc, durationSec: 300 });
    s.handle({ type: 'fault', fault: { kind: 'traffic-spike', node: 'users' } });
    s.handle({ type: 'runToEnd' });
    const u = out.filter((m): m is RunUpdate => m.type === 'update');
    expect(u.flatMap((x) => x.log).some((e) => e.type === 'fault' && e.t === 0)).toBe(true);
  });
});

describe('run to end in slices', () => {
  it('posts the clock after the first slice and then every TO_END_POST_MS, with an estimate; pause stops it', () => {
    const m = manualSession({ holdSlices: true });
    m.s.handle({ type: 'load', doc, durationSec: 3600 });
    m.s.handle({ type: 'runToEnd' });
    expect(m.last().status).toBe('toEnd');
    expect(m.slice()).toBe(true);
    const first = m.last();
    expect(first.status).toBe('toEnd');
    expect(first.now).toBeGreaterThan(0);
    expect(first.now).toBeLessThan(3600);
    expect(first.etaSec).toBeGreaterThan(0);
    // slices of 60 ms: the next post comes once TO_END_POST_MS have passed since the first
    const posts = m.updates().length;
    let slices = 0;
    while (m.updates().length === posts && m.slice(60)) slices++;
    expect(slices).toBe(Math.ceil(TO_END_POST_MS / 60));
    expect(m.updates().length).toBe(posts + 1);
    expect(m.last().now).toBeGreaterThan(first.now);
    m.s.handle({ type: 'report' });
    expect(m.out.some((x) => x.type === 'report')).toBe(false); // waits for the run to the end
    m.s.handle({ type: 'pause' });
    expect(m.last().status).toBe('paused');
    expect(m.out.some((x) => x.type === 'report')).toBe(true); // paused: answered as the run stands
    const at = m.last().now;
    expect(m.slice()).toBe(false);
    expect(m.last().now).toBe(at);
  });

  it('resets during the run, and a report asked during it is that run’s, the runner’s byte for byte', () => {
    const m = manualSession({ holdSlices: true });
    m.s.handle({ type: 'load', doc, seed: 5 });
    m.s.handle({ type: 'runToEnd' });
    m.slice();
    m.s.handle({ type: 'reset' });
    expect(m.last()).toMatchObject({ status: 'idle', now: 0 });
    expect(m.slice()).toBe(false);
    m.s.handle({ type: 'runToEnd' });
    m.s.handle({ type: 'report' });
    expect(m.out.some((x) => x.type === 'report')).toBe(false); // waits for the run
    let n = 0;
    while (m.slice(30)) n++;
    expect(n).toBeGreaterThan(2);
    expect(m.last().status).toBe('finished');
    const rep = m.out.find((x) => x.type === 'report');
    let cliOut = '';
    main(
      [path, '--json', '--seed', '5'],
      (x) => (cliOut += x),
      () => {},
    );
    expect(rep && `${JSON.stringify(rep.report, null, 2)}\n`).toBe(cliOut);
  });

  it('a fault injected during the run keeps it running to the end', () => {
    const m = manualSession({ holdSlices: true });
    m.s.handle({ type: 'load', doc, durationSec: 600 });
    m.s.handle({ type: 'runToEnd' });
    m.slice();
    const t = m.last().now;
    m.s.handle({ type: 'fault', fault: { kind: 'traffic-spike', node: 'users' } });
    const f = m.out.find((x) => x.type === 'fault');
    expect(f && f.type === 'fault' && f.fault.atSec).toBe(Math.floor(t) + 1);
    expect(m.last().status).toBe('toEnd');
    while (m.slice());
    expect(m.last()).toMatchObject({ status: 'finished', now: 600 });
  });
});

describe('run to end: the log', () => {
  it('holds rows back while slices run and sends them, in order and once, when the run stops', () => {
    const m = manualSession({ holdSlices: true });
    m.s.handle({ type: 'load', doc, durationSec: 900 });
    m.s.handle({ type: 'runToEnd' });
    m.slice();
    expect(m.last().status).toBe('toEnd');
    expect(m.last().log).toEqual([]);
    expect(m.last().logTotal).toBeGreaterThan(0);
    while (m.slice());
    const seqs = m.updates().flatMap((u) => u.log.map((e) => e.seq));
    const total = m.last().logTotal;
    if (total <= 20_000) expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i));
  });
});
