import dagre from '@dagrejs/dagre';
import { checkEdge } from '../catalog/edges';
import { kindDef } from '../catalog/kinds';
import type { ArchDoc, ArchNode } from './schema';
import { layered } from './layered';
import {
  DEFAULT_SIZE,
  GAP,
  HEADER,
  type Layout,
  type LayoutProgress,
  NODE_W,
  PAD,
  type Point,
  type Size,
  indexNodes,
  isContainer,
  sizeOf,
} from './layout';

/**
 * The automatic layout of a document (dagre for small scopes, `layered` for big ones). Its own module so the page
 * loads dagre only when a document needs laying out (src/ui/state/layout-job.ts); the runner, the workers and the
 * tests import it directly.
 */
/**
 * Above these, a scope is laid out by `layered` (linear-ish) instead of dagre, whose cost grows much faster
 * (dagre took 3.4 s for 500 nodes and minutes for 2,000 on the main thread).
 */
export const DAGRE_MAX = { nodes: 100, links: 200 } as const;

/**
 * Lay out every node with dagre, left to right: the children of each container first (deepest first),
 * so that the container is sized to hold them, then each level around them.
 */
export function computeLayout(doc: ArchDoc, onProgress?: LayoutProgress): Layout {
  const byId = indexNodes(doc);
  const kids = new Map<string | null, ArchNode[]>();
  for (const n of doc.nodes) {
    const p = n.parent && byId.has(n.parent) ? n.parent : null;
    const l = kids.get(p);
    if (l) l.push(n);
    else kids.set(p, [n]);
  }
  const allLinks = linksOf(doc);
  const positions = new Map<string, Point>();
  const sizes = new Map<string, Size>();
  /** Which child of `scope` holds node `id` (itself or an ancestor), or null. */
  const childOf = (id: string, scope: string | null): string | null => {
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur && !seen.has(cur); cur = byId.get(cur)?.parent ?? undefined) {
      seen.add(cur);
      const p = byId.get(cur)?.parent ?? null;
      if ((p && byId.has(p) ? p : null) === scope) return cur;
    }
    return null;
  };
  const place = (scope: string | null): Size => {
    const members = kids.get(scope) ?? [];
    for (const m of members) if (isContainer(m)) sizes.set(m.id, place(m.id));
    if (!members.length)
      return scope ? (DEFAULT_SIZE[byId.get(scope)!.kind] ?? DEFAULT_SIZE.vpc) : { width: 0, height: 0 };
    const links: [string, string][] = [];
    for (const [from, to] of allLinks) {
      const a = childOf(from, scope),
        b = childOf(to, scope);
      if (a && b && a !== b) links.push([a, b]);
    }
    const linked = new Set(links.flat());
    const sizeOfMember = (m: ArchNode) => sizes.get(m.id) ?? sizeOf(m);
    const ox = scope ? PAD : 0,
      oy = scope ? HEADER : 0;
    let w = 0,
      h = 0;
    const put = (m: ArchNode, x: number, y: number) => {
      const s = sizeOfMember(m);
      positions.set(m.id, { x: Math.round(x + ox), y: Math.round(y + oy) });
      w = Math.max(w, x + s.width);
      h = Math.max(h, y + s.height);
    };
    const connected = members.filter((m) => linked.has(m.id));
    if (connected.length > DAGRE_MAX.nodes || links.length > DAGRE_MAX.links) {
      const centres = layered(
        connected.map((m) => m.id),
        (id) => sizeOfMember(byId.get(id)!),
        links,
        { nodesep: 32, ranksep: 64 },
      );
      let minX = Infinity,
        minY = Infinity;
      for (const m of connected) {
        const p = centres.get(m.id)!,
          s = sizeOfMember(m);
        minX = Math.min(minX, p.x - s.width / 2);
        minY = Math.min(minY, p.y - s.height / 2);
      }
      for (const m of connected) {
        const p = centres.get(m.id)!,
          s = sizeOfMember(m);
        put(m, p.x - s.width / 2 - minX, p.y - s.height / 2 - minY);
      }
    } else if (connected.length) {
      // Left-to-right always: handles sit left (in) and right (out), and screens and projectors are wide.
      const g = new dagre.graphlib.Graph();
      // Columns far enough apart for the edge labels drawn between them (12 px text ≈ 6.5 px a character).
      const ranksep = Math.max(64, ...labelsIn(doc, scope, childOf).map((l) => Math.ceil(l.length * 6.5 + 10 + 56)));
      g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep, marginx: 0, marginy: 0 });
      g.setDefaultEdgeLabel(() => ({}));
      // dagre keys plain objects by node id: `constructor` would read Object.prototype, so it gets indices
      const key = new Map(connected.map((m, i) => [m.id, `n${i}`]));
      for (const m of connected) g.setNode(key.get(m.id)!, { ...sizeOfMember(m) });
      for (const [a, b] of links) g.setEdge(key.get(a)!, key.get(b)!);
      dagre.layout(g);
      for (const m of connected) {
        const p = g.node(key.get(m.id)!),
          s = sizeOfMember(m);
        put(m, p.x - s.width / 2, p.y - s.height / 2);
      }
    }
    // Members with no links: packed in rows below (or as a grid when nothing is linked).
    // members that edges from outside come into go first (leftmost): nothing stands between them and the
    // container's left edge, where those edges come in
    const fromOutside = (m: ArchNode) =>
      allLinks.filter(([a, b]) => childOf(b, scope) === m.id && childOf(a, scope) === null).length;
    const loose = members
      .filter((m) => !linked.has(m.id))
      .map((m, i) => ({ m, i, k: fromOutside(m) }))
      .sort((a, b) => b.k - a.k || a.i - b.i)
      .map((x) => x.m);
    const rowMax = Math.max(w, Math.min(scope ? 2 : 4, loose.length) * (NODE_W + GAP) - GAP);
    let x = 0,
      y = connected.length ? h + GAP * 1.5 : 0,
      rowH = 0;
    for (const m of loose) {
      const s = sizeOfMember(m);
      if (x > 0 && x + s.width > rowMax) {
        x = 0;
        y += rowH + GAP;
        rowH = 0;
      }
      put(m, x, y);
      x += s.width + GAP;
      rowH = Math.max(rowH, s.height);
    }
    placed += members.length;
    onProgress?.(placed, doc.nodes.length);
    return { width: Math.max(w + 2 * PAD, 240), height: Math.max(h + HEADER + PAD, 160) };
  };
  let placed = 0;
  place(null);
  return { positions, sizes };
}

/** The labels the canvas draws on the edges between members of `scope` (the edge's own, else its pair's). */
function labelsIn(
  doc: ArchDoc,
  scope: string | null,
  childOf: (id: string, scope: string | null) => string | null,
): string[] {
  const byId = indexNodes(doc);
  const out: string[] = [];
  for (const e of doc.edges ?? []) {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (!a || !b) continue;
    const ca = childOf(a.id, scope),
      cb = childOf(b.id, scope);
    if (!ca || !cb || ca === cb) continue;
    const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
    const text = e.label ?? (c.ok ? c.pair.label : undefined);
    if (text) out.push(text);
  }
  return out;
}

/** Edges and prop references (a job → its KMS key) as pairs of ids: both pull nodes together. */
function linksOf(doc: ArchDoc): [string, string][] {
  const out: [string, string][] = (doc.edges ?? []).map((e) => [e.from, e.to]);
  for (const n of doc.nodes) {
    for (const [name, p] of Object.entries(kindDef(n.kind).props)) {
      const v = n.props?.[name];
      if (p.type === 'ref' && typeof v === 'string') out.push([n.id, v]);
    }
  }
  return out;
}
