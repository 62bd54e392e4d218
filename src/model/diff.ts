import { defaultProps, kindDef, propsByName } from '../catalog/kinds';
import type { Kind } from '../catalog/types';
import type { ArchDoc, Solution } from './schema';

// The puzzle maker's solution diff, zod-free (puzzle.ts re-exports it): the maker's store is on the first screen.

const edgeKey = (e: { from: string; to: string }) => `${e.from}\u0000${e.to}`;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The reference solution that turns `broken` into `fixed` (what a puzzle author built): nodes added and
 * removed, props set, parents changed, edges added and removed. A prop the fixed design dropped is
 * set to null when the prop may be null, else to its default (the same design, written out).
 * Positions, labels and sizes are not part of a solution. `applySolution(broken, diffSolution(broken, fixed))`
 * gives `fixed` up to those and to props written at their defaults.
 */
export function diffSolution(broken: ArchDoc, fixed: ArchDoc): Solution {
  const before = new Map(broken.nodes.map((n) => [n.id, n]));
  const after = new Map(fixed.nodes.map((n) => [n.id, n]));
  const s: Solution = {};
  const removeNodes = broken.nodes.filter((n) => !after.has(n.id)).map((n) => n.id);
  const addNodes = fixed.nodes
    .filter((n) => !before.has(n.id) || before.get(n.id)!.kind !== n.kind)
    .map((n) => structuredClone(n));
  for (const n of fixed.nodes) if (before.has(n.id) && before.get(n.id)!.kind !== n.kind) removeNodes.push(n.id);
  const gone = new Set(removeNodes);
  const setProps: Record<string, Record<string, unknown>> = {};
  const setParent: Record<string, string | null> = {};
  for (const b of broken.nodes) {
    const f = after.get(b.id);
    if (!f || gone.has(b.id)) continue;
    const changed: Record<string, unknown> = {};
    const bp = b.props ?? {},
      fp = f.props ?? {};
    for (const [k, v] of Object.entries(fp)) if (!sameJson(bp[k], v)) changed[k] = structuredClone(v);
    for (const k of Object.keys(bp)) if (!(k in fp)) changed[k] = droppedValue(f.kind, k);
    if (Object.keys(changed).length) setProps[b.id] = changed;
    if ((b.parent ?? null) !== (f.parent ?? null)) setParent[b.id] = f.parent ?? null;
  }
  const had = new Set((broken.edges ?? []).filter((e) => !gone.has(e.from) && !gone.has(e.to)).map(edgeKey));
  const has = new Set((fixed.edges ?? []).map(edgeKey));
  const removeEdges = (broken.edges ?? [])
    .filter((e) => !gone.has(e.from) && !gone.has(e.to) && !has.has(edgeKey(e)))
    .map((e) => ({ from: e.from, to: e.to }));
  const addEdges = (fixed.edges ?? []).filter((e) => !had.has(edgeKey(e))).map((e) => ({ from: e.from, to: e.to }));
  if (addNodes.length) s.addNodes = addNodes;
  if (addEdges.length) s.addEdges = addEdges;
  if (Object.keys(setProps).length) s.setProps = setProps;
  if (Object.keys(setParent).length) s.setParent = setParent;
  if (removeNodes.length) s.removeNodes = removeNodes;
  if (removeEdges.length) s.removeEdges = removeEdges;
  return s;
}

function droppedValue(kind: Kind, prop: string): unknown {
  const def = kindDef(kind).props[prop];
  if (!def) return null;
  if (def.type === 'ref' || ('nullable' in def && def.nullable)) return null;
  const d = propsByName(defaultProps(kind))[prop];
  return d === undefined ? null : structuredClone(d);
}

/** True when a solution changes nothing. */
export const emptySolution = (s: Solution): boolean =>
  Object.values(s).every((v) => !v || (Array.isArray(v) ? !v.length : !Object.keys(v).length));
