/**
 * Issue 13, item 4: 2,000 nodes without positions lay out in about a second (they took 491 s with dagre on the
 * main thread), the result is a valid document, and the page lays big documents out in the background with
 * progress and a cancel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLayout, sizeOf } from '../../src/model/layout';
import { computeLayout, DAGRE_MAX } from '../../src/model/autolayout';
import { layered } from '../../src/model/layered';
import { loadJson } from '../../src/model/load';
import { Editor } from '../../src/ui/state/editor';
import { UiStore } from '../../src/ui/state/ui';
import { openDoc } from '../../src/ui/state/persist';
import { cancelLayout, layoutJob } from '../../src/ui/state/layout-job';
import { big } from './big';

afterEach(() => vi.useRealTimers());

describe('layout that scales', () => {
  it('the layered layout places every node once, ranks left to right, no two nodes on one spot', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`);
    const links: [string, string][] = ids.slice(1).map((id, i) => [ids[Math.floor(i / 3)], id]);
    links.push(['n299', 'n0']); // a cycle is broken, not an endless loop
    const p = layered(ids, () => ({ width: 208, height: 64 }), links, { nodesep: 32, ranksep: 64 });
    expect(p.size).toBe(300);
    const spots = new Set([...p.values()].map((q) => `${q.x},${q.y}`));
    expect(spots.size).toBe(300);
    expect(p.get('n1')!.x).toBeGreaterThan(p.get('n0')!.x);
  });

  // how long they take is measured by `npm run bench:robust` (budgets are benchmarks, not unit tests)
  for (const [n, e] of [
    [500, 1000],
    [2000, 5000],
  ] as const) {
    it(`${n} nodes and ${e} edges lay out into a document that loads, nothing overlapping`, () => {
      const doc = big(n, e);
      const l = computeLayout(doc);
      expect(l.positions.size).toBe(n);
      const laid = applyLayout(doc, l, false);
      expect(loadJson(laid).ok).toBe(true);
      // top-level nodes do not overlap
      const top = laid.nodes.filter((x) => !x.parent);
      const boxes = top.map((x) => ({ ...x.position!, ...sizeOf(x) }));
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i],
            b = boxes[j];
          if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
            overlaps.push(`${top[i].id} and ${top[j].id}`);
        }
      expect(overlaps).toEqual([]);
    });
  }

  it('small scopes still use dagre (shipped documents lay out as before)', () => {
    expect(DAGRE_MAX.nodes).toBeGreaterThanOrEqual(100);
  });
});

describe('opening a big document in the page', () => {
  it('shows progress, and a cancel leaves the canvas as it was', () => {
    vi.useFakeTimers();
    const editor = new Editor();
    const ui = new UiStore();
    const before = editor.getState().doc;
    openDoc({ editor, ui }, big(400, 800), 'big.json');
    expect(layoutJob.get()).toMatchObject({ what: 'big.json', total: 400 });
    cancelLayout();
    expect(ui.getState().toasts.at(-1)?.text).toBe('Opening big.json was cancelled; your work is unchanged.');
    vi.runAllTimers();
    expect(layoutJob.get()).toBeNull();
    expect(editor.getState().doc).toBe(before);
  });
  it('opens the laid-out document when the layout is done', async () => {
    const editor = new Editor();
    openDoc({ editor, ui: new UiStore() }, big(400, 800), 'big.json');
    expect(layoutJob.get()).toMatchObject({ what: 'big.json', total: 400 });
    // the layout module loads on first use, then lays the document out
    await vi.waitFor(() => expect(layoutJob.get()).toBeNull(), { timeout: 30_000 });
    const doc = editor.getState().doc;
    expect(doc.nodes).toHaveLength(400);
    expect(doc.nodes.every((n) => n.position)).toBe(true);
  });
});
