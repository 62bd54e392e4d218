/** A big generated document for the layout tests, the 2,000-node browser test and `npm run bench:robust`. */
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';

/**
 * n nodes: VPCs of subnets of endpoints, clients outside, `edges` random client → endpoint edges (seeded), no
 * positions, as the file a generator would write.
 */
export function bigFile(n: number, edges: number, seed = 7) {
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const nodes: { id: string; kind: string; parent?: string }[] = [];
  const eps: string[] = [],
    clients: string[] = [];
  for (let v = 0; nodes.length < n; v++) {
    nodes.push({ id: `vpc${v}`, kind: 'vpc' });
    for (let s = 0; s < 4 && nodes.length < n; s++) {
      nodes.push({ id: `s${v}-${s}`, kind: 'subnet', parent: `vpc${v}` });
      for (let k = 0; k < 10 && nodes.length < n; k++) {
        nodes.push({ id: `e${v}-${s}-${k}`, kind: 'realtime-endpoint', parent: `s${v}-${s}` });
        eps.push(`e${v}-${s}-${k}`);
      }
    }
    for (let c = 0; c < 15 && nodes.length < n; c++) {
      nodes.push({ id: `c${v}-${c}`, kind: 'client' });
      clients.push(`c${v}-${c}`);
    }
  }
  const pairs = new Set<string>();
  const list: { from: string; to: string }[] = [];
  for (let i = 0; list.length < edges && i < edges * 3; i++) {
    const a = clients[(rnd() * clients.length) | 0],
      b = eps[(rnd() * eps.length) | 0];
    if (pairs.has(`${a}>${b}`)) continue;
    pairs.add(`${a}>${b}`);
    list.push({ from: a, to: b });
  }
  return { format: 'sagesim/architecture@1', nodes, edges: list };
}

/** `bigFile`, loaded. */
export function big(n: number, edges: number): ArchDoc {
  const r = loadJson(bigFile(n, edges));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.doc;
}
