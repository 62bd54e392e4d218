import { kindDef } from '../catalog/kinds';
import type { Kind } from '../catalog/types';
import { isInside } from './layout';
import type { ArchDoc, ArchEdge, ArchNode } from './schema';
import { hasOwn, own } from './own';

/*
 * What a puzzle locks (its scenario) and the commands it refuses, zod-free (puzzle.ts re-exports them): the puzzle
 * session installs `puzzleRefusal` on the page's first screen (issue 19), where the schemas are not loaded.
 */

const edgeKey = (e: { from: string; to: string }) => `${e.from}\u0000${e.to}`;

/**
 * Edges the player may not remove: between two locked nodes, unless the reference solution removes
 * them. (A goal cannot see how much data a job read, so cutting a locked bucket from its locked job
 * would otherwise "fix" a data puzzle; the lock is what forbids that.)
 */
export function lockedEdges(doc: ArchDoc): ArchEdge[] {
  const locked = new Set(doc.locked ?? []);
  const removed = new Set((doc.solution?.removeEdges ?? []).map((e) => `${e.from}\u0000${e.to}`));
  return (doc.edges ?? []).filter(
    (e) => locked.has(e.from) && locked.has(e.to) && !removed.has(`${e.from}\u0000${e.to}`),
  );
}

/**
 * Whether a prop of a node is part of the puzzle's scenario (the player may not change it): a prop the
 * puzzle's `lockedProps` lists for the node; for a locked node `lockedProps` does not list, every prop
 * but those the reference solution sets (v1). Outside puzzle mode nothing is locked.
 */
export function isLockedProp(doc: ArchDoc, id: string, prop: string): boolean {
  if (doc.mode !== 'puzzle') return false;
  const listed = own(doc.lockedProps, id);
  if (listed) return listed.includes(prop);
  if (!(doc.locked ?? []).includes(id)) return false;
  return !hasOwn(own(doc.solution?.setProps, id), prop);
}

/**
 * Why the puzzle forbids a command (null when it allows it), beyond what the commands refuse themselves
 * (deleting or moving a locked node out of its parent): adding a kind the palette does not offer,
 * deleting a container that holds a locked node, removing a connection `lockedEdges` keeps.
 */
export function puzzleRefusal(doc: ArchDoc, command: string, args: unknown): string | null {
  const a = (args ?? {}) as Record<string, unknown>;
  const palette = doc.palette;
  const offer = () => (palette!.length ? palette!.map((k) => kindDef(k).label).join(', ') : 'nothing');
  const notOffered = (kinds: Kind[]) => kinds.find((k) => !palette!.includes(k));
  if (palette && command === 'addNode') {
    const k = a.kind as Kind;
    if (!palette.includes(k))
      return `This puzzle's palette offers only: ${offer()}. ${kindDef(k).label} is not part of the fix.`;
  }
  if (palette && (command === 'paste' || command === 'duplicate')) {
    const kinds =
      command === 'paste'
        ? ((a.fragment as { nodes?: ArchNode[] })?.nodes ?? []).map((n) => n.kind)
        : doc.nodes.filter((n) => ((a.ids as string[]) ?? []).some((id) => isInside(doc, n.id, id))).map((n) => n.kind);
    const k = notOffered(kinds);
    if (k) return `This puzzle's palette offers only: ${offer()}. ${kindDef(k).label} is not part of the fix.`;
  }
  const locked = new Set(doc.locked ?? []);
  if (command === 'removeNodes' && locked.size) {
    for (const id of (a.ids as string[]) ?? []) {
      if (locked.has(id)) return `"${id}" is locked by the puzzle.`;
      const inner = doc.nodes.find((n) => n.id !== id && locked.has(n.id) && isInside(doc, n.id, id));
      if (inner) return `"${id}" holds "${inner.id}", which is locked by the puzzle.`;
    }
  }
  if (command === 'setProp' && doc.mode === 'puzzle') {
    const id = a.id as string,
      name = a.name as string;
    if (isLockedProp(doc, id, name)) {
      const n = doc.nodes.find((x) => x.id === id);
      const def = n ? kindDef(n.kind) : null;
      const what = def?.props[name]?.label ?? name;
      return (
        `${n?.label ?? id}'s ${what.toLowerCase()} is part of the puzzle's scenario and stays as it is: the fix ` +
        `is elsewhere.`
      );
    }
  }
  if (command === 'disconnect' && locked.size) {
    const keep = new Set(lockedEdges(doc).map(edgeKey));
    const e = ((a.edges as { from: string; to: string }[]) ?? []).find((x) => keep.has(edgeKey(x)));
    if (e) return `The connection ${e.from} → ${e.to} is locked by the puzzle: the fix is elsewhere.`;
  }
  return null;
}
