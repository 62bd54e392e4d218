import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { loadText } from '../../src/model/load';
import type { RunUpdate } from '../../src/worker/protocol';
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
