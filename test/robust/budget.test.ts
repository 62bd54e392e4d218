/**
 * Issue 13, item 7: a run's work is estimated before it starts and refused above the budget, naming the client
 * or the fault and the figure: in the runner (exit 2), the worker (an error) and the page (a banner that offers
 * a duration that fits).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { WORK_BUDGET, durationThatFits, estimateWork, overBudget } from '../../src/model/budget';
import { loadJson, loadText } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { EngineClient } from '../../src/worker/client';
import type { ToWorker } from '../../src/worker/protocol';
import { RunStore } from '../../src/ui/run/store';
import { Editor } from '../../src/ui/state/editor';
import { UiStore } from '../../src/ui/state/ui';
import { manualSession } from '../worker/manual-session';
import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../scenarios/catalog';
import { capture } from '../cli/capture';

function doc(extra: Partial<ArchDoc> & { rps?: number; pattern?: string; edges2?: boolean } = {}): ArchDoc {
  const { rps = 100_000, pattern, edges2, ...rest } = extra;
  const r = loadJson({
    format: 'sagesim/architecture@1',
    nodes: [
      { id: 'shop', kind: 'client', props: { rps, ...(pattern ? { pattern } : {}) } },
      { id: 'ep', kind: 'realtime-endpoint' },
      { id: 'ep2', kind: 'serverless-endpoint' },
    ],
    edges: [{ from: 'shop', to: 'ep' }, ...(edges2 ? [{ from: 'shop', to: 'ep2' }] : [])],
    ...rest,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}
const spike = (atSec: number, factor: number, durationSec = 300) => ({
  kind: 'traffic-spike' as const,
  node: 'shop',
  atSec,
  factor,
  durationSec,
});

describe('estimating a run', () => {
  it('counts rps × seconds per edge to an endpoint, with spikes multiplied where they overlap', () => {
    expect(estimateWork(doc({ rps: 10 }), 600).requests).toBe(6000);
    expect(estimateWork(doc({ rps: 10, edges2: true }), 600).requests).toBe(12_000);
    expect(estimateWork(doc({ rps: 10, pattern: 'spiky' }), 600)).toMatchObject({ requests: 6000, peakRps: 40 });
    const w = estimateWork(doc({ rps: 10, faults: [spike(100, 5, 100), spike(150, 2, 100)] }), 600);
    // 100 s × 1 + 50 s × 5 + 50 s × 10 + 50 s × 2 + 350 s × 1, by 10 rps
    expect(w.requests).toBeCloseTo(10 * (100 + 250 + 500 + 100 + 350), 6);
    expect(w.peakRps).toBeCloseTo(100, 6);
    expect(estimateWork(doc({ rps: 10, faults: [spike(0, 0, 600)] }), 600).requests).toBe(0);
  });

  // its time is measured by `npm run bench:robust`
  it('10,000 overlapping spikes of factor 1000 do not overflow the estimate into NaN', () => {
    const faults = Array.from({ length: 10_000 }, (_, i) => spike(i % 600, 1000));
    const w = estimateWork(doc({ faults }), 3600);
    expect(w.requests).toBe(Infinity);
    expect(overBudget(w)).toMatch(/^client "shop" with the traffic spike faults\[0\] would simulate more than 10\^308/);
  });

  it('names the client when its own rate is too much, the spike when the spike is', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, kind: 'client', props: { rps: 100_000 } }));
    const flood = loadJson({
      format: 'sagesim/architecture@1',
      durationSec: 30 * 86_400,
      nodes: [{ id: 'ep', kind: 'realtime-endpoint' }, ...many.slice(0, 1)],
      edges: [{ from: 'c0', to: 'ep' }],
    });
    if (!flood.ok) throw new Error('fixture');
    expect(overBudget(estimateWork(flood.doc, 30 * 86_400))).toBe(
      'client "c0" would simulate 259,200,000,000 requests in 2,592,000 s (all clients: 259,200,000,000); a ' +
        "run simulates at most 2,000,000,000. Lower the rps, the spike's factor or duration, or run a shorter " +
        'duration.',
    );
    expect(durationThatFits(flood.doc, 30 * 86_400)).toBe(20_000);
    const spiked = doc({ faults: [spike(60, 1000)] });
    expect(overBudget(estimateWork(spiked, 3600))).toMatch(
      /^client "shop" with the traffic spike faults\[0\] would simulate 30,330,000,000 requests/,
    );
    expect(durationThatFits(spiked, 3600)).toBe(60);
  });

  it('a rate above the peak budget is refused even for a short run', () => {
    const d = doc({ faults: [spike(0, 100, 10)] });
    expect(estimateWork(d, 10).requests).toBeLessThan(WORK_BUDGET.requests);
    expect(overBudget(estimateWork(d, 10))).toMatch(
      /would send 10,000,000 requests per simulated second .* at most 5,000,000 per second/,
    );
    expect(durationThatFits(d, 10)).toBeNull();
  });

  it('every shipped scenario is well within the budget', () => {
    for (const dir of ['scenarios/sandbox', 'scenarios/puzzles', 'scenarios/demos', 'scenarios/bench']) {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
        if (!e.isFile() || !e.name.endsWith('.json')) continue;
        const r = loadText(readFileSync(join(e.parentPath, e.name), 'utf8'));
        if (!r.ok) throw new Error(e.name);
        expect(overBudget(estimateWork(r.doc, r.doc.durationSec ?? 3600)), e.name).toBeNull();
      }
    }
  });
});

describe('refusing a run over the budget', () => {
  it('the runner exits 2 with the figure and a --duration that fits (it used to grow past 3 GB)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagesim-budget-'));
    const file = join(dir, 'spike.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'sagesim/architecture@1',
        nodes: [
          { id: 'shop', kind: 'client', props: { rps: 100000 } },
          { id: 'ep', kind: 'realtime-endpoint' },
        ],
        edges: [{ from: 'shop', to: 'ep' }],
        faults: [{ kind: 'traffic-spike', node: 'shop', atSec: 60, factor: 1000 }],
      }),
    );
    const { code, err } = capture(main, [file]);
    expect(code).toBe(2);
    expect(err).toContain('client "shop" with the traffic spike faults[0] would simulate 30,330,000,000 requests');
    expect(err).toContain('--duration 60 fits the budget.');
  });

  it('the worker refuses to play it and to inject a spike that would take a run over', () => {
    const m = manualSession();
    m.s.handle({ type: 'load', doc: doc({ faults: [spike(60, 1000)] }) });
    m.s.handle({ type: 'play' });
    expect(m.out.at(-1)).toEqual({
      type: 'error',
      message: expect.stringMatching(/^This run would not end in reasonable time: client "shop"/),
    });
    expect(m.running).toBe(false);
    m.s.handle({ type: 'load', doc: doc() });
    m.s.handle({ type: 'fault', fault: { kind: 'traffic-spike', node: 'shop', factor: 1000, durationSec: 3000 } });
    expect(m.out.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/traffic spike faults\[0\]/) });
  });

  it('the page says so in a banner, sends nothing to the worker, and offers a duration that fits', () => {
    const sent: ToWorker[] = [];
    const worker = { onmessage: null, postMessage: (m: ToWorker) => sent.push(m), terminate: () => {} };
    const editor = new Editor(doc({ faults: [spike(60, 1000)] }));
    const ui = new UiStore();
    const store = new RunStore({ editor, ui }, () => new EngineClient(worker as unknown as Worker));
    store.play();
    expect(sent).toEqual([]);
    const b = ui.getState().banner!;
    expect(b.title).toBe('This run would simulate too many requests to finish, so it did not start.');
    expect(b.lines[0]).toMatch(/client "shop" with the traffic spike faults\[0\] would simulate/);
    expect(b.actions?.map((a) => a.label)).toEqual(['Run 60 s instead']);
    b.actions![0].run();
    expect(editor.getState().doc.durationSec).toBe(60);
    ui.setBanner(null);
    store.play();
    expect(ui.getState().banner).toBeNull();
    expect(sent.map((m) => m.type)).toContain('play');
  });
});
