import { checkEdge } from '../../../catalog/edges';
import type { Kind } from '../../../catalog/types';
import type { ArchDoc } from '../../../model/schema';

/** An edge traffic travels along (from → to), with the kind of its source. */
export interface TrafficPath {
  from: string;
  to: string;
  kind: Kind;
}

/** The valid edges of a document, split by plane: data-plane edges carry dots, control-plane edges pulses. */
export function trafficPaths(doc: ArchDoc): { data: TrafficPath[]; control: TrafficPath[] } {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const data: TrafficPath[] = [],
    control: TrafficPath[] = [];
  for (const e of doc.edges ?? []) {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (!a || !b) continue;
    const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
    if (!c.ok) continue;
    (c.pair.plane === 'data' ? data : control).push({ from: a.id, to: b.id, kind: a.kind });
  }
  return { data, control };
}
