import { checkEdge } from '../../catalog/edges';
import { computeLayout } from '../../model/autolayout';
import { absolutePosition, indexNodes, isContainer, needsLayout, sizeOf } from '../../model/layout';
import type { ArchDoc } from '../../model/schema';
import { type Box, TITLE_BAND, blocked, labelPoint, leanOf, route } from './route';

/**
 * A layout check (pure): what overlaps in a document as the canvas draws it — components on components,
 * children out of their containers, routed edges through components, edge labels on components or on each
 * other. The shipped scenarios are held to none (test/ui/layouts.test.ts).
 */
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** What overlaps in a document as the canvas draws it (components, containers, routed edges, edge labels). */
export function layoutProblems(doc: ArchDoc): string[] {
  if (needsLayout(doc)) {
    const l = computeLayout(doc);
    doc = {
      ...doc,
      nodes: doc.nodes.map((n) => ({
        ...n,
        position: l.positions.get(n.id) ?? n.position,
        size: l.sizes.get(n.id) ?? n.size,
      })),
    };
  }
  const byId = indexNodes(doc);
  const box = new Map<string, Box>();
  for (const n of doc.nodes) {
    const a = absolutePosition(doc, n.id, byId),
      s = sizeOf(n);
    box.set(n.id, { x: a.x, y: a.y, w: s.width, h: s.height });
  }
  const out: string[] = [];
  const comps = doc.nodes.filter((n) => !isContainer(n));
  for (let i = 0; i < comps.length; i++)
    for (let j = i + 1; j < comps.length; j++)
      if (overlap(box.get(comps[i].id)!, box.get(comps[j].id)!)) out.push(`${comps[i].id} overlaps ${comps[j].id}`);
  for (const n of doc.nodes) {
    if (!n.parent) continue;
    const c = box.get(n.id)!,
      p = box.get(n.parent)!;
    if (c.x < p.x || c.y < p.y + 40 || c.x + c.w > p.x + p.w || c.y + c.h > p.y + p.h)
      out.push(`${n.id} sticks out of ${n.parent}`);
  }
  const labels: { id: string; b: Box }[] = [];
  // containers' title bands: edges and labels keep off them, as on the canvas
  const bands = doc.nodes.filter(isContainer).map((n) => ({ ...box.get(n.id)!, h: TITLE_BAND }));
  for (const e of doc.edges ?? []) {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (!a || !b) continue;
    const sa = box.get(a.id)!,
      tb = box.get(b.id)!;
    const s = { x: sa.x + sa.w, y: sa.y + sa.h / 2 },
      t = { x: tb.x, y: tb.y + tb.h / 2 };
    const obstacles = [...comps.filter((n) => n.id !== a.id && n.id !== b.id).map((n) => box.get(n.id)!), ...bands];
    const pts = route(s, t, obstacles, leanOf(doc.edges ?? [], a.id, b.id));
    if (blocked(pts, obstacles)) out.push(`${a.id}→${b.id} crosses a component`);
    const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
    const text = e.label ?? (c.ok ? c.pair.label : undefined);
    if (!text) continue;
    const w = text.length * 6.5 + 10;
    const l = labelPoint(
      pts,
      w,
      comps.map((n) => box.get(n.id)!),
    ); // as the canvas: it avoids components
    const lb = { x: l.x - w / 2, y: l.y - 10, w, h: 20 };
    for (const n of comps) if (overlap(lb, box.get(n.id)!)) out.push(`label "${text}" of ${a.id}→${b.id} on ${n.id}`);
    for (const n of doc.nodes.filter(isContainer))
      if (overlap(lb, { ...box.get(n.id)!, h: TITLE_BAND }))
        out.push(`label "${text}" of ${a.id}→${b.id} on ${n.id}'s name`);
    for (const o of labels) if (overlap(lb, o.b)) out.push(`label "${text}" of ${a.id}→${b.id} on ${o.id}'s`);
    labels.push({ id: `${a.id}→${b.id}`, b: lb });
  }
  return out;
}
