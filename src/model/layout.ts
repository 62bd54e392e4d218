import { kindDef } from '../catalog/kinds';
import type { ArchDoc, ArchNode } from './schema';

/**
 * Geometry of the canvas, and how a computed layout is applied to a document (the layout itself, with dagre, is
 * in `autolayout.ts`, which the page loads only when something needs laying out).
 * Positions in a document are relative to the node's parent container (top-left corner, px);
 * top-level positions are canvas coordinates. Containers carry a `size`; other nodes have a fixed size.
 */
export const NODE_W = 208;
export const NODE_H = 64;
/** Padding inside a container: sides and bottom, and the header band at the top (px). */
export const PAD = 28;
export const HEADER = 48;
/** Gap between nodes packed in rows (px). */
export const GAP = 24;

export const DEFAULT_SIZE: Record<string, { width: number; height: number }> = {
  vpc: { width: 720, height: 420 },
  subnet: { width: 440, height: 260 },
  pipeline: { width: 520, height: 240 },
};

export type Size = { width: number; height: number };
export type Point = { x: number; y: number };

export const isContainer = (n: Pick<ArchNode, 'kind'>): boolean => !!kindDef(n.kind).container;

/** The size a node takes on the canvas. */
export function sizeOf(n: Pick<ArchNode, 'kind' | 'size'>): Size {
  if (!isContainer(n)) return { width: NODE_W, height: NODE_H };
  return n.size ?? DEFAULT_SIZE[n.kind] ?? DEFAULT_SIZE.vpc;
}

/** Canvas (absolute) position of a node: the sum of positions up its parent chain. */
export function absolutePosition(doc: ArchDoc, id: string, byId = indexNodes(doc)): Point {
  let x = 0,
    y = 0;
  const seen = new Set<string>();
  for (let n = byId.get(id); n && !seen.has(n.id); n = n.parent ? byId.get(n.parent) : undefined) {
    seen.add(n.id);
    x += n.position?.x ?? 0;
    y += n.position?.y ?? 0;
  }
  return { x, y };
}

export function indexNodes(doc: ArchDoc): Map<string, ArchNode> {
  return new Map(doc.nodes.map((n) => [n.id, n]));
}

/** True when `id` is `ancestor` or sits inside it at any depth. */
export function isInside(doc: ArchDoc, id: string, ancestor: string, byId = indexNodes(doc)): boolean {
  const seen = new Set<string>();
  for (let cur: string | null | undefined = id; cur && !seen.has(cur); cur = byId.get(cur)?.parent) {
    if (cur === ancestor) return true;
    seen.add(cur);
  }
  return false;
}

/** Progress of a layout: nodes placed so far out of all. */
export type LayoutProgress = (placed: number, total: number) => void;

export interface Layout {
  positions: Map<string, Point>;
  sizes: Map<string, Size>;
}

/** True when some node has no position (a hand-written file): the editor lays it out on open. */
export const needsLayout = (doc: ArchDoc): boolean => doc.nodes.some((n) => !n.position);

/** Largest container size the format allows (px), and the smallest. */
const SIZE_RANGE = { min: 20, max: 20_000 } as const;
const COORD_MAX = 1_000_000;

/**
 * A document with a computed layout applied (plain copies, no immer: cheap for thousands of nodes): positions
 * rounded and kept in the format's range, container sizes too. `onlyMissing` keeps positions and sizes the
 * document already has.
 */
export function applyLayout(doc: ArchDoc, layout: Layout, onlyMissing: boolean): ArchDoc {
  const coord = (v: number) => Math.max(-COORD_MAX, Math.min(COORD_MAX, Math.round(Number.isFinite(v) ? v : 0)));
  const side = (v: number) => Math.max(SIZE_RANGE.min, Math.min(SIZE_RANGE.max, Math.round(v)));
  const nodes = doc.nodes.map((n) => {
    const p = onlyMissing && n.position ? undefined : layout.positions.get(n.id);
    const s = onlyMissing && n.size ? undefined : layout.sizes.get(n.id);
    if (!p && !s) return n;
    return {
      ...n,
      ...(p ? { position: { x: coord(p.x), y: coord(p.y) } } : {}),
      ...(s ? { size: { width: side(s.width), height: side(s.height) } } : {}),
    };
  });
  return { ...doc, nodes };
}
