/**
 * A small orthogonal edge router: from a node's right-hand dot to another's left-hand dot, around the other
 * components (their boxes, with a margin). Pure (no DOM): the canvas draws the route, the traffic layer moves
 * its dots along the same points, and tests check shipped layouts with it.
 */
export interface Pt {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How far a route leaves a dot straight before it turns, and the clearance kept around components. */
export const OFFSET = 20;
export const CLEAR = 6;
/** The part of a container's top that holds its name: routes and labels keep off it. */
export const TITLE_BAND = 36;

const hitsH = (y: number, x0: number, x1: number, b: Box) =>
  y > b.y - CLEAR && y < b.y + b.h + CLEAR && Math.max(x0, x1) > b.x - CLEAR && Math.min(x0, x1) < b.x + b.w + CLEAR;
const hitsV = (x: number, y0: number, y1: number, b: Box) =>
  x > b.x - CLEAR && x < b.x + b.w + CLEAR && Math.max(y0, y1) > b.y - CLEAR && Math.min(y0, y1) < b.y + b.h + CLEAR;

/** Whether the orthogonal polyline crosses any obstacle. */
export function blocked(pts: readonly Pt[], obstacles: readonly Box[]): boolean {
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1],
      b = pts[i];
    for (const o of obstacles) {
      if (a.y === b.y ? hitsH(a.y, a.x, b.x, o) : hitsV(a.x, a.y, b.y, o)) return true;
    }
  }
  return false;
}

/** Candidate values from `from` outwards in both directions, `step` apart, within [lo, hi]. */
function outwards(from: number, lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  if (from >= lo && from <= hi) out.push(from);
  for (let k = 1; k <= 200; k++) {
    const a = from + k * step,
      b = from - k * step;
    if (a > hi && b < lo) break;
    if (a <= hi) out.push(a);
    if (b >= lo) out.push(b);
  }
  return out;
}

/** Drop points that do not turn (a straight run keeps only its ends). */
function simplify(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const n = out.length;
    if (n && out[n - 1].x === p.x && out[n - 1].y === p.y) continue;
    if (n >= 2) {
      const a = out[n - 2],
        b = out[n - 1];
      if ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y)) out[n - 1] = p;
      else out.push(p);
    } else out.push(p);
  }
  return out;
}

/**
 * The route from s (a right-hand dot) to t (a left-hand dot) around `obstacles` (the source and target boxes
 * excluded by the caller): three segments through a free vertical channel between them when there is one,
 * else five through a free horizontal corridor; the plain three-segment step when nothing is free. `lean` puts the
 * vertical channel near the source (0), midway (0.5) or near the target (1): a node's several outgoing edges
 * turn near it and run apart to their targets, so each has a long run of its own for its label.
 */
export function route(s: Pt, t: Pt, obstacles: readonly Box[], lean = 0.5): Pt[] {
  const x1 = s.x + OFFSET,
    x2 = t.x - OFFSET;
  if (s.y === t.y && x2 >= x1) {
    const straight = [s, t];
    if (!blocked(straight, obstacles)) return straight;
  }
  if (x2 >= x1) {
    for (const x of outwards(Math.round(x1 + lean * (x2 - x1)), x1, x2, 8)) {
      const p = [s, { x, y: s.y }, { x, y: t.y }, t];
      if (!blocked(p, obstacles)) return simplify(p);
    }
  }
  // a corridor above or below: leave right, run across, come in from the left
  const ys = new Set<number>([Math.round((s.y + t.y) / 2)]);
  for (const o of obstacles) {
    ys.add(Math.round(o.y - CLEAR - 8));
    ys.add(Math.round(o.y + o.h + CLEAR + 8));
  }
  const mid = (s.y + t.y) / 2;
  const corridors = [...ys].sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid));
  // turning points close to the dots too, for the narrow gaps between neighbours
  const xs1 = [...new Set([x1, s.x + 8, ...outwards(x1, x1, x1 + 160, 16)])],
    xs2 = [...new Set([x2, t.x - 8, ...outwards(x2, x2 - 160, x2, 16)])];
  for (const y of corridors.slice(0, 40))
    for (const a of xs1.slice(0, 7))
      for (const b of xs2.slice(0, 7)) {
        const p = [s, { x: a, y: s.y }, { x: a, y }, { x: b, y }, { x: b, y: t.y }, t];
        if (!blocked(p, obstacles)) return simplify(p);
      }
  const x = x2 >= x1 ? (x1 + x2) / 2 : x1;
  return simplify(
    x2 >= x1
      ? [s, { x, y: s.y }, { x, y: t.y }, t]
      : [s, { x: x1, y: s.y }, { x: x1, y: mid }, { x: x2, y: mid }, { x: x2, y: t.y }, t],
  );
}

/**
 * Where a route's label goes: the middle of its longest horizontal run when the label fits on it (`width`, in
 * canvas units), else the middle of its longest run of any direction; runs whose label would sit on one of
 * `avoid` (the components, the route's own ends included) come last.
 */
export function labelPoint(pts: readonly Pt[], width = 80, avoid: readonly Box[] = []): Pt {
  let best = -Infinity,
    at: Pt = pts[0];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1],
      b = pts[i];
    const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const box = { x: mid.x - width / 2, y: mid.y - 10, w: width, h: 20 };
    const onSomething = avoid.some(
      (o) => box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h,
    );
    const score = (a.y === b.y && len >= width + 12 ? len * 4 : len) - (onSomething ? 1e6 : 0);
    if (score > best) {
      best = score;
      at = mid;
    }
  }
  return at;
}

/** An SVG path through the points with rounded corners (radius r). */
export function pathOf(pts: readonly Pt[], r = 8): string {
  if (pts.length < 2) return '';
  let d = `M${pts[0].x},${pts[0].y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const a = pts[i - 1],
      b = pts[i],
      c = pts[i + 1];
    const r1 = Math.min(r, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const ux = Math.sign(b.x - a.x),
      uy = Math.sign(b.y - a.y),
      vx = Math.sign(c.x - b.x),
      vy = Math.sign(c.y - b.y);
    d += ` L${b.x - ux * r1},${b.y - uy * r1} Q${b.x},${b.y} ${b.x + vx * r1},${b.y + vy * r1}`;
  }
  const z = pts[pts.length - 1];
  return `${d} L${z.x},${z.y}`;
}

/** The point a fraction t (0…1) along the polyline. */
export function along(pts: readonly Pt[], t: number): Pt {
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  let left = Math.max(0, Math.min(1, t)) * total;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1],
      b = pts[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len || i === pts.length - 1) {
      const f = len ? Math.min(1, left / len) : 0;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= len;
  }
  return pts[pts.length - 1];
}

/**
 * The routes the canvas drew last, by "from->to" (canvas coordinates): the traffic layer moves its dots along
 * them, so a dot never leaves its line.
 */
export const ROUTES = new Map<string, readonly Pt[]>();

/** Where an edge's channel leans: near the source when the source fans out, near the target when it fans in. */
export function leanOf(edges: readonly { from: string; to: string }[], from: string, to: string): number {
  let out = 0,
    inn = 0;
  for (const e of edges) {
    if (e.from === from) out++;
    if (e.to === to) inn++;
  }
  return leanFor(out, inn);
}

/** `leanOf` for every edge of a document at once (one pass over the edges, not one per edge). */
export function leansOf(edges: readonly { from: string; to: string }[]): (from: string, to: string) => number {
  const out = new Map<string, number>(),
    inn = new Map<string, number>();
  for (const e of edges) {
    out.set(e.from, (out.get(e.from) ?? 0) + 1);
    inn.set(e.to, (inn.get(e.to) ?? 0) + 1);
  }
  return (from, to) => leanFor(out.get(from) ?? 0, inn.get(to) ?? 0);
}

const leanFor = (out: number, inn: number): number => (out > 1 && inn <= 1 ? 0 : inn > 1 && out <= 1 ? 1 : 0.5);
