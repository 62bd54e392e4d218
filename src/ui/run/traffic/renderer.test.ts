// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveNode } from '../../../worker/protocol';
import { createTraffic } from './renderer';

/** A 2D context that records the dots drawn (arc centres) and how often the canvas was cleared, nothing else. */
function fakeContext() {
  const arcs: [number, number][] = [];
  const clears = { n: 0 };
  const noop = () => {};
  const ctx = new Proxy({ arcs } as Record<string, unknown>, {
    get: (o, k) =>
      k in o
        ? o[k as string]
        : k === 'arc'
          ? (x: number, y: number) => arcs.push([x, y])
          : k === 'clearRect'
            ? () => clears.n++
            : k === 'measureText'
              ? () => ({ width: 10 })
              : noop,
    set: () => true,
  });
  return { ctx, arcs, clears };
}

let frames: FrameRequestCallback[] = [];
const tick = (ms: number) => {
  const due = frames;
  frames = [];
  for (const f of due) f(ms);
};

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => (frames = []));
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

function setup(figures: Record<string, Partial<LiveNode>>) {
  const host = document.body.appendChild(document.createElement('div'));
  const canvas = host.appendChild(document.createElement('canvas'));
  const { ctx, arcs, clears } = fakeContext();
  canvas.getContext = (() => ctx) as unknown as HTMLCanvasElement['getContext'];
  const picks: unknown[][] = [];
  const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {
    c: { x: 0, y: 0, width: 100, height: 60 },
    ep: { x: 400, y: 0, width: 100, height: 60 },
  };
  const layer = createTraffic({
    canvas,
    getNode: (id) => boxes[id] ?? null,
    getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
    getFigures: () => figures as Record<string, LiveNode>,
    getTime: () => 42,
    onPick: (...a) => picks.push(a),
  });
  const paths = { data: [{ from: 'c', to: 'ep', kind: 'client' as const }], control: [] };
  return { host, layer, arcs, picks, paths, clears };
}

const outcomes = { ok: 0, cold: 0, rejected: 5, throttled: 0, timedOut: 0, failed: 0 };

describe('traffic renderer', () => {
  it('draws dots along a data edge while the run goes, none when it is off', () => {
    const { layer, arcs, paths, host } = setup({ c: { rps: 50 }, ep: { outcomes } });
    layer.update({ status: 'idle', lens: 'data', paths });
    tick(0);
    tick(100);
    expect(arcs).toHaveLength(0);
    layer.update({ status: 'running', lens: 'data', paths });
    for (let t = 200; t < 1200; t += 100) tick(t);
    expect(arcs.length).toBeGreaterThan(5);
    // every dot lies between the two nodes (right side of c … left side of ep, or its burst there)
    for (const [x] of arcs) expect(x >= 100 && x <= 400).toBe(true);
    layer.destroy();
    expect(frames).toHaveLength(0);
    host.remove();
  });

  it('while the run plays, the dots are drawn every other frame at 60 Hz and every frame at 30 Hz', () => {
    const { layer, paths, host, clears } = setup({ c: { rps: 50 }, ep: { outcomes } });
    layer.update({ status: 'running', lens: 'data', paths });
    let t = 0;
    tick(t);
    clears.n = 0;
    for (let i = 0; i < 60; i++) tick((t += 1000 / 60));
    expect(clears.n).toBeGreaterThanOrEqual(28);
    expect(clears.n).toBeLessThanOrEqual(32);
    clears.n = 0;
    for (let i = 0; i < 30; i++) tick((t += 1000 / 30));
    expect(clears.n).toBe(30);
    // a pause is drawn at once (the still frame), not a frame later
    layer.update({ status: 'paused', lens: 'data', paths });
    clears.n = 0;
    tick(t + 1);
    expect(clears.n).toBe(1);
    layer.destroy();
    host.remove();
  });

  it('a finished run keeps a still frame, and a click on a dot picks a request of its outcome', () => {
    const { layer, arcs, picks, paths, host } = setup({ c: { rps: 50 }, ep: { outcomes } });
    layer.update({ status: 'running', lens: 'data', paths });
    tick(0);
    layer.update({ status: 'finished', lens: 'data', paths });
    tick(16);
    expect(arcs.length).toBeGreaterThanOrEqual(4);
    const [x, y] = arcs[0];
    host.getBoundingClientRect = () => ({ left: 0, top: 0, width: 800, height: 600 }) as DOMRect;
    host.querySelector('canvas')!.getBoundingClientRect = host.getBoundingClientRect;
    host.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
    expect(picks).toEqual([['ep', 'rejected', 42]]);
    layer.destroy();
    host.remove();
  });
});
