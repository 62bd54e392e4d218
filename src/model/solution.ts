import type { ArchDoc, Solution } from './schema';
import { hasOwn, own } from './own';

/**
 * Apply a puzzle's reference solution (format.md section 6) to a document, returning a new document.
 * The result is not validated here: load it again (`loadJson`) to check it, as the runner does.
 */
export function applySolution(doc: ArchDoc, s: Solution): ArchDoc {
  const removed = new Set(s.removeNodes ?? []);
  const dropEdge = new Set((s.removeEdges ?? []).map((e) => `${e.from}\u0000${e.to}`));
  const nodes = doc.nodes
    .filter((n) => !removed.has(n.id))
    .map((n) => {
      const props = own(s.setProps, n.id);
      const parent = hasOwn(s.setParent, n.id) ? s.setParent![n.id] : undefined;
      if (!props && parent === undefined) return n;
      const next = { ...n };
      if (props) next.props = { ...(n.props ?? {}), ...props };
      if (parent !== undefined) {
        if (parent === null) delete next.parent;
        else next.parent = parent;
      }
      return next;
    });
  nodes.push(...(s.addNodes ?? []));
  const edges = (doc.edges ?? [])
    .filter((e) => !removed.has(e.from) && !removed.has(e.to) && !dropEdge.has(`${e.from}\u0000${e.to}`))
    .concat(s.addEdges ?? []);
  const faults = (doc.faults ?? []).filter((f) => !removed.has(f.node));
  return { ...doc, nodes, edges, faults };
}

/**
 * How many changes a solution makes, as a capstone's `par` counts them: one per node added or removed, per
 * edge added or removed, per prop set and per node moved to another parent.
 */
export function countChanges(s: Solution): number {
  const props = Object.values(s.setProps ?? {}).reduce((n, p) => n + Object.keys(p).length, 0);
  return (
    (s.addNodes?.length ?? 0) +
    (s.removeNodes?.length ?? 0) +
    (s.addEdges?.length ?? 0) +
    (s.removeEdges?.length ?? 0) +
    props +
    Object.keys(s.setParent ?? {}).length
  );
}
