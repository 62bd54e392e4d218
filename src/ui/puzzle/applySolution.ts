import { kindDef } from '../../catalog/kinds';
import { absolutePosition, indexNodes, type Layout, sizeOf } from '../../model/layout';
import type { ArchDoc, ArchNode, Solution } from '../../model/schema';
import type { Editor } from '../state/editor';

const GAP = 24;

/** Where to put a node the solution adds (it carries no position): a free slot in its container, or right of the design. */
function slot(doc: ArchDoc, n: Pick<ArchNode, 'kind' | 'parent'>): { x: number; y: number } {
  if (n.parent) {
    const kids = doc.nodes.filter((m) => m.parent === n.parent);
    const bottom = kids.reduce((b, m) => Math.max(b, (m.position?.y ?? 0) + sizeOf(m).height), 32);
    const left = kids.length ? Math.min(...kids.map((m) => m.position?.x ?? 0)) : 28;
    return { x: Math.max(20, left), y: bottom + GAP };
  }
  const byId = indexNodes(doc);
  let right = 0,
    top = Infinity;
  for (const m of doc.nodes) {
    if (m.parent) continue;
    const p = absolutePosition(doc, m.id, byId);
    right = Math.max(right, p.x + sizeOf(m).width);
    top = Math.min(top, p.y);
  }
  return { x: right + 60, y: Number.isFinite(top) ? top : 0 };
}

/** Grow a container so a child fits (only ever larger). */
function fit(editor: Editor, parent: string, child: string) {
  const doc = editor.getState().doc;
  const p = doc.nodes.find((n) => n.id === parent),
    c = doc.nodes.find((n) => n.id === child);
  if (!p || !c || !kindDef(p.kind).container) return;
  const ps = sizeOf(p),
    cs = sizeOf(c);
  const w = Math.max(ps.width, (c.position?.x ?? 0) + cs.width + GAP),
    h = Math.max(ps.height, (c.position?.y ?? 0) + cs.height + GAP);
  if (w > ps.width || h > ps.height)
    editor.run('resize', { id: parent, size: { width: w, height: h } }, { coalesce: KEY, quiet: true });
  if (p.parent) fit(editor, p.parent, p.id);
}

const KEY = 'puzzle:solution';

/**
 * Apply a reference solution through named commands (so it shows on the canvas and one Undo takes it
 * back): back to the puzzle as shipped, then the solution's removals, moves, additions, props and
 * connections, laid out by `computeLayout` (model/autolayout.ts, which the caller loads). Returns the reasons of
 * any step the editor refused.
 */
export function applySolutionVisibly(
  editor: Editor,
  original: ArchDoc,
  s: Solution,
  computeLayout: (doc: ArchDoc) => Layout,
): string[] {
  const problems: string[] = [];
  const run = (...a: Parameters<Editor['run']>) => {
    const r = editor.run(a[0], a[1] as never, { coalesce: KEY, quiet: true });
    if (!r.ok) problems.push(r.reason);
    return r.ok;
  };
  editor.seal();
  if (JSON.stringify(editor.getState().doc) !== JSON.stringify(original)) run('replaceDocument', { doc: original });
  if (s.removeEdges?.length) run('disconnect', { edges: s.removeEdges });
  if (s.removeNodes?.length) run('removeNodes', { ids: s.removeNodes });
  for (const [id, parent] of Object.entries(s.setParent ?? {})) {
    const n = editor.getState().doc.nodes.find((m) => m.id === id);
    if (
      n &&
      run('setParent', { id, parent, position: slot(editor.getState().doc, { kind: n.kind, parent }) }) &&
      parent
    )
      fit(editor, parent, id);
  }
  const adding = new Set((s.addNodes ?? []).map((n) => n.id));
  const depth = (n: ArchNode): number =>
    n.parent && adding.has(n.parent) ? 1 + depth(s.addNodes!.find((m) => m.id === n.parent)!) : 0;
  for (const n of [...(s.addNodes ?? [])].sort((a, b) => depth(a) - depth(b))) {
    const position = n.position ?? slot(editor.getState().doc, n);
    if (
      run('addNode', { kind: n.kind, id: n.id, parent: n.parent ?? null, label: n.label, props: n.props, position }) &&
      n.parent
    )
      fit(editor, n.parent, n.id);
  }
  for (const [id, props] of Object.entries(s.setProps ?? {})) {
    for (const [name, value] of Object.entries(props)) run('setProp', { id, name, value });
  }
  for (const e of s.addEdges ?? []) run('connect', { from: e.from, to: e.to });
  // Lay the result out the way the puzzle was laid out when it opened (same undo step).
  if (s.addNodes?.length || s.setParent) run('autoLayout', { layout: computeLayout(editor.getState().doc) });
  editor.seal();
  return problems;
}
