import type { Point, Size } from './layout';

/**
 * A layered layout, left to right, that scales to thousands of nodes: O((V + E) log V). Ranks by longest path
 * (cycles broken at the first node left), orders each rank by the barycentre of its neighbours in a few sweeps,
 * stacks each rank vertically and centres it. No dummy nodes for long edges (dagre's cost on big graphs):
 * edges are drawn straight across ranks. Returns the centre of each node, as dagre does.
 */
/** Most nodes stacked in one column of a rank. */
export const COLUMN = 40;

export function layered(
  ids: readonly string[],
  sizeOf: (id: string) => Size,
  links: readonly (readonly [string, string])[],
  o: { nodesep: number; ranksep: number },
): Map<string, Point> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  for (const [a, b] of links) {
    const i = index.get(a),
      j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    const key = i * n + j;
    if (seen.has(key)) continue;
    seen.add(key);
    out[i].push(j);
    inn[j].push(i);
  }
  // ranks: Kahn's order; when only cycles are left, the first node left starts again as a source
  const rank = new Int32Array(n);
  const indeg = Int32Array.from(inn, (l) => l.length);
  const done = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (!indeg[i]) queue.push(i);
  let head = 0,
    next = 0,
    placed = 0;
  while (placed < n) {
    if (head === queue.length) {
      while (done[next] || indeg[next] === -1) next++;
      indeg[next] = 0;
      queue.push(next);
    }
    const v = queue[head++];
    if (done[v]) continue;
    done[v] = 1;
    placed++;
    for (const w of out[v]) {
      if (done[w]) continue;
      if (rank[v] + 1 > rank[w]) rank[w] = rank[v] + 1;
      if (--indeg[w] === 0) queue.push(w);
    }
  }
  const layers: number[][] = [];
  for (let i = 0; i < n; i++) (layers[rank[i]] ??= []).push(i);
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];
  // order within ranks: barycentre sweeps (down, up, down)
  const pos = new Float64Array(n);
  const setPos = (l: number[]) => l.forEach((v, k) => (pos[v] = k / Math.max(1, l.length - 1)));
  layers.forEach(setPos);
  const sweep = (r: number, nbrs: number[][]) => {
    const l = layers[r];
    const bc = new Map<number, number>();
    for (const v of l) {
      const ns = nbrs[v];
      bc.set(v, ns.length ? ns.reduce((a, u) => a + pos[u], 0) / ns.length : pos[v]);
    }
    l.sort((a, b) => bc.get(a)! - bc.get(b)! || a - b);
    setPos(l);
  };
  for (let r = 1; r < layers.length; r++) sweep(r, inn);
  for (let r = layers.length - 2; r >= 0; r--) sweep(r, out);
  for (let r = 1; r < layers.length; r++) sweep(r, inn);
  // coordinates: ranks left to right, each rank stacked and centred on y = 0; a rank of more than COLUMN
  // nodes wraps into several columns, so that a wide fan-out stays a block rather than a tall line
  const res = new Map<string, Point>();
  let x = 0;
  for (const l of layers) {
    if (!l.length) continue;
    for (let c = 0; c < l.length; c += COLUMN) {
      const col = l.slice(c, c + COLUMN);
      const sizes = col.map((v) => sizeOf(ids[v]));
      const width = Math.max(...sizes.map((s) => s.width));
      const height = sizes.reduce((a, s) => a + s.height, 0) + o.nodesep * (col.length - 1);
      let y = -height / 2;
      col.forEach((v, k) => {
        res.set(ids[v], { x: x + width / 2, y: y + sizes[k].height / 2 });
        y += sizes[k].height + o.nodesep;
      });
      x += width + (c + COLUMN < l.length ? o.nodesep : o.ranksep);
    }
  }
  return res;
}
