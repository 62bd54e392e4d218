import { isKind } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';
import type { Host } from '../state/persist';
import { absolutePosition, add, containerAt, sizeOf, snap, sub } from './geometry';

/**
 * What the canvas's gestures do, framework-free: each ends in one named command (or a refusal that says
 * why, shown at the pointer). The React Flow handlers (`useCanvasHandlers`) and the headless `TestEditor`
 * both call these.
 */

type Point = { x: number; y: number };

/** A node selection toggled on the canvas (click, Mod+click, a box): the new node selection. */
export function selectNodes({ editor }: Host, changes: readonly { id: string; selected: boolean }[]): void {
  const s = editor.getState();
  const sel = new Set(s.selection);
  for (const c of changes) {
    if (c.selected) sel.add(c.id);
    else sel.delete(c.id);
  }
  editor.select([...sel], s.edgeSelection);
}

/** A connection selection toggled on the canvas: the new connection selection. */
export function selectEdges({ editor }: Host, changes: readonly { id: string; selected: boolean }[]): void {
  const s = editor.getState();
  const sel = new Set(s.edgeSelection);
  for (const c of changes) {
    if (c.selected) sel.add(c.id);
    else sel.delete(c.id);
  }
  editor.select(s.selection, [...sel]);
}

/** A connection dragged from one node's port to another's (refused with a reason at the pointer). */
export function connectNodes({ editor }: Host, from: string, to: string, at?: Point): boolean {
  return editor.run('connect', { from, to }, { at }).ok;
}

/**
 * Nodes dropped after a drag, at their new positions (relative to their parent). A single node dropped
 * over another container (or out of its own) moves into it (or out to the top level).
 */
export function dragStop({ editor, ui }: Host, dragged: readonly { id: string; position: Point }[], at?: Point): void {
  const doc = editor.getState().doc;
  if (dragged.length === 1) {
    const n = dragged[0];
    const src = doc.nodes.find((m) => m.id === n.id);
    if (src) {
      const abs = add(src.parent ? absolutePosition(doc, src.parent) : { x: 0, y: 0 }, n.position);
      const sz = sizeOf(src);
      const target = containerAt(doc, { x: abs.x + sz.width / 2, y: abs.y + Math.min(sz.height / 2, 40) }, n.id);
      if ((target?.id ?? null) !== (src.parent ?? null)) {
        const rel = sub(abs, target ? absolutePosition(doc, target.id) : { x: 0, y: 0 });
        const r = editor.run('setParent', { id: n.id, parent: target?.id ?? null, position: rel }, { at });
        const dropped = r.ok ? (r.result as { droppedEdges: number }).droppedEdges : 0;
        if (dropped)
          ui.toast(
            `${dropped} pipeline step connection${dropped > 1 ? 's' : ''} removed: steps connect only inside ` +
              `one pipeline.`,
          );
        return;
      }
    }
  }
  editor.run('move', { positions: Object.fromEntries(dragged.map((n) => [n.id, n.position])) }, { at });
}

/** Add a node of a kind centred at a canvas point, inside the container there (if the catalog allows); selects it. */
export function addAt({ editor }: Host, kind: Kind | string, p: Point, at?: Point): boolean {
  if (!isKind(kind)) return false;
  const doc = editor.getState().doc;
  const size = sizeOf({ kind });
  const topLeft = snap({ x: p.x - size.width / 2, y: p.y - size.height / 2 });
  const target = containerAt(doc, p);
  const position = target ? sub(topLeft, absolutePosition(doc, target.id)) : topLeft;
  const r = editor.run('addNode', { kind, parent: target?.id ?? null, position }, { at });
  if (r.ok) editor.select([r.result as string]);
  return r.ok;
}
