import { absolutePosition, indexNodes, isContainer, isInside, sizeOf, type Point } from '../../model/layout';
import type { ArchDoc, ArchNode } from '../../model/schema';

/** Snap a point to the canvas grid (px). */
export const GRID = 16;
export const snap = (p: Point): Point => ({ x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID });

/**
 * The deepest container whose frame holds the point (canvas coordinates), ignoring `exclude` and
 * everything inside it (a container is never dropped into itself).
 */
export function containerAt(doc: ArchDoc, p: Point, exclude?: string): ArchNode | null {
  const byId = indexNodes(doc);
  let best: ArchNode | null = null;
  let bestDepth = -1;
  for (const n of doc.nodes) {
    if (!isContainer(n) || (exclude && isInside(doc, n.id, exclude, byId))) continue;
    const a = absolutePosition(doc, n.id, byId);
    const s = sizeOf(n);
    if (p.x < a.x || p.y < a.y || p.x > a.x + s.width || p.y > a.y + s.height) continue;
    let depth = 0;
    for (let q = n.parent; q && depth < 64; q = byId.get(q)?.parent) depth++;
    if (depth > bestDepth) {
      best = n;
      bestDepth = depth;
    }
  }
  return best;
}

export const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
export const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
export { absolutePosition, sizeOf };
