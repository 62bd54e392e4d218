import { HEADER, absolutePosition, indexNodes, isContainer, isInside, sizeOf, type Point } from '../../model/layout';
import type { ArchDoc, ArchNode } from '../../model/schema';
import { kindDef } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';

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

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const hits = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const holds = (outer: Box, inner: Box, pad: number) =>
  inner.x >= outer.x + pad &&
  inner.y >= outer.y + pad &&
  inner.x + inner.w <= outer.x + outer.w - pad &&
  inner.y + inner.h <= outer.y + outer.h - pad;

/**
 * A free place for a new node of `kind` near `around` (its centre, canvas coordinates), searched outwards on
 * the grid: the node overlaps no component, straddles no container's frame, and lands where the catalog lets
 * it sit (inside an allowed container, or on the open canvas when it needs no parent). With `within`, only
 * places inside that container count. Null when nothing is free within `radius`.
 */
export function freeSpot(
  doc: ArchDoc,
  kind: Kind,
  around: Point,
  o: { within?: string; radius?: number } = {},
): Point | null {
  const def = kindDef(kind);
  const size = sizeOf({ kind });
  const byId = indexNodes(doc);
  const boxes = doc.nodes.map((n) => {
    const a = absolutePosition(doc, n.id, byId),
      s = sizeOf(n);
    return { n, b: { x: a.x, y: a.y, w: s.width, h: s.height }, container: isContainer(n) };
  });
  const radius = o.radius ?? 2400;
  const step = GRID * 2;
  for (let ring = 0; ring * step <= radius; ring++) {
    const cands: Point[] = [];
    if (ring === 0) cands.push(around);
    else
      for (let i = -ring; i <= ring; i++) {
        cands.push(
          { x: around.x + i * step, y: around.y - ring * step },
          { x: around.x + i * step, y: around.y + ring * step },
        );
        if (Math.abs(i) !== ring)
          cands.push(
            { x: around.x - ring * step, y: around.y + i * step },
            { x: around.x + ring * step, y: around.y + i * step },
          );
      }
    for (const c of cands) {
      const tl = snap({ x: c.x - size.width / 2, y: c.y - size.height / 2 });
      const me = { x: tl.x, y: tl.y, w: size.width, h: size.height };
      let parent: ArchNode | null = null,
        parentArea = Infinity,
        ok = true;
      for (const { n, b, container } of boxes) {
        if (container && holds(b, me, 8)) {
          if (b.w * b.h < parentArea) {
            parent = n;
            parentArea = b.w * b.h;
          }
        } else if (hits(b, me, container ? 8 : 16)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (o.within ? parent?.id !== o.within : parent ? !def.parents.includes(parent.kind) : def.parentRequired)
        continue;
      // below a container's title bar only
      if (parent) {
        const pb = boxes.find((x) => x.n === parent)!.b;
        if (me.y < pb.y + HEADER) continue;
      }
      return { x: tl.x + size.width / 2, y: tl.y + size.height / 2 };
    }
  }
  return null;
}
