/**
 * Issue 13, item 4 (a regression found by the audit): after the edge router landed, a 2,000-node document laid
 * out in seconds but then froze the page for about four minutes while 4,000 edges each rebuilt the key of every
 * component's box on every store update and routed around all 2,000 of them. The boxes are read once per store
 * update, and a document above the routing limit draws its edges as plain steps.
 */
import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { ROUTE_LIMIT, boxesKey } from '../../src/ui/canvas/obstacles';
import { leanOf, leansOf } from '../../src/ui/canvas/route';

/** A store state with n components in a row and `edges` edges; `reads` counts the walks over the components. */
function state(n: number, edges = 0): { s: ReactFlowState; reads: () => number } {
  let reads = 0;
  const nodes = new Map(
    Array.from({ length: n }, (_, i) => [
      `n${i}`,
      {
        id: `n${i}`,
        type: 'arch-node',
        internals: { positionAbsolute: { x: i * 300, y: 0 } },
        measured: { width: 208, height: 64 },
      },
    ]),
  );
  const nodeLookup = {
    get size() {
      return nodes.size;
    },
    values() {
      reads++;
      return nodes.values();
    },
  };
  const s = {
    nodeLookup,
    edges: Array.from({ length: edges }, (_, i) => ({ id: `e${i}` })),
  } as unknown as ReactFlowState;
  return { s, reads: () => reads };
}

describe('edges around components, at scale', () => {
  it('every edge of one store update shares one reading of the boxes', () => {
    const { s, reads } = state(50, 80);
    const keys = Array.from({ length: 80 }, () => boxesKey(s));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0].split(';')).toHaveLength(50);
    expect(reads()).toBe(1);
  });

  it('a new store update reads them again', () => {
    const a = state(3),
      b = state(4);
    expect(boxesKey(a.s).split(';')).toHaveLength(3);
    expect(boxesKey(b.s).split(';')).toHaveLength(4);
    expect(boxesKey(a.s).split(';')).toHaveLength(3);
    expect(a.reads() + b.reads()).toBe(3);
  });

  it(
    `above ${ROUTE_LIMIT.components} components or ${ROUTE_LIMIT.edges} edges, edges are plain steps (no boxes ` +
      `to route around)`,
    () => {
      expect(boxesKey(state(ROUTE_LIMIT.components).s)).not.toBe('');
      expect(boxesKey(state(ROUTE_LIMIT.components + 1).s)).toBe('');
      expect(boxesKey(state(2000, 4000).s)).toBe('');
      expect(boxesKey(state(10, ROUTE_LIMIT.edges + 1).s)).toBe('');
    },
  );

  it('the limit is far above every shipped document (their routes are unchanged)', () => {
    expect(ROUTE_LIMIT.components).toBeGreaterThanOrEqual(150);
    expect(ROUTE_LIMIT.edges).toBeGreaterThanOrEqual(300);
  });
});

describe('where channels lean, for every edge at once', () => {
  it('leansOf gives what leanOf gives for each edge', () => {
    const edges = [
      { from: 'a', to: 'x' },
      { from: 'a', to: 'y' },
      { from: 'b', to: 'y' },
      { from: 'c', to: 'z' },
      { from: 'd', to: 'z' },
      { from: 'd', to: 'w' },
    ];
    const lean = leansOf(edges);
    expect(edges.map((e) => lean(e.from, e.to))).toEqual(edges.map((e) => leanOf(edges, e.from, e.to)));
    expect(edges.map((e) => lean(e.from, e.to))).toEqual([0, 0.5, 1, 1, 0.5, 0]);
  });
});
