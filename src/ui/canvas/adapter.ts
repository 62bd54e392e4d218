import type { Edge, Node } from '@xyflow/react';
import { checkEdge } from '../../catalog/edges';
import { kindDef } from '../../catalog/kinds';
import type { Kind, Severity } from '../../catalog/types';
import { isContainer, sizeOf, type Point, type Size } from '../../model/layout';
import type { ArchDoc, ArchNode } from '../../model/schema';
import type { Finding } from '../../engine';
import { own } from '../../model/own';
import { leansOf } from './route';

/**
 * The adapter: React Flow nodes and edges derived from the document (the source of truth).
 * Unchanged nodes keep their object identity so React Flow skips them (smooth with 200 nodes).
 */
export interface ArchNodeData extends Record<string, unknown> {
  kind: Kind;
  title: string;
  subtitle: string;
  /** Worst severity of the node's findings, and how many. */
  severity: Severity | null;
  count: number;
  /** Subnet access (public / private…) shown on the container. */
  access?: string;
}
export type FlowNode = Node<ArchNodeData>;

/** Transient geometry while dragging or resizing (not in the document until the gesture ends). */
export interface Overlay {
  pos: Record<string, Point>;
  size: Record<string, Size>;
}
export const NO_OVERLAY: Overlay = { pos: {}, size: {} };

type Badge = { severity: Severity; count: number };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function badges(findings: readonly Finding[]): Map<string, Badge> {
  const m = new Map<string, Badge>();
  for (const f of findings) {
    const b = m.get(f.node);
    if (!b) m.set(f.node, { severity: f.severity, count: 1 });
    else {
      b.count++;
      if (RANK[f.severity] > RANK[b.severity]) b.severity = f.severity;
    }
  }
  return m;
}

interface CacheEntry {
  src: ArchNode;
  sel: boolean;
  pos?: Point;
  size?: Size;
  sev: Severity | null;
  count: number;
  node: FlowNode;
}
export type NodeCache = Map<string, CacheEntry>;

function depthOf(n: ArchNode, byId: Map<string, ArchNode>): number {
  let d = 0;
  for (let p = n.parent; p && d < 64; p = byId.get(p)?.parent) d++;
  return d;
}

export function toFlowNodes(
  doc: ArchDoc,
  selection: ReadonlySet<string>,
  overlay: Overlay,
  marks: Map<string, Badge>,
  cache: NodeCache,
): FlowNode[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ordered = doc.nodes.map((n, i) => ({ n, d: depthOf(n, byId), i })).sort((a, b) => a.d - b.d || a.i - b.i);
  const out: FlowNode[] = [];
  const live = new Set<string>();
  for (const { n } of ordered) {
    live.add(n.id);
    const sel = selection.has(n.id),
      pos = own(overlay.pos, n.id),
      size = own(overlay.size, n.id);
    const b = marks.get(n.id);
    const c = cache.get(n.id);
    if (
      c &&
      c.src === n &&
      c.sel === sel &&
      c.pos === pos &&
      c.size === size &&
      c.sev === (b?.severity ?? null) &&
      c.count === (b?.count ?? 0)
    ) {
      out.push(c.node);
      continue;
    }
    const node = buildNode(n, sel, pos, size, b);
    cache.set(n.id, { src: n, sel, pos, size, sev: b?.severity ?? null, count: b?.count ?? 0, node });
    out.push(node);
  }
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  return out;
}

function buildNode(
  n: ArchNode,
  selected: boolean,
  pos: Point | undefined,
  size: Size | undefined,
  b: Badge | undefined,
): FlowNode {
  const def = kindDef(n.kind);
  const s = size ?? sizeOf(n);
  const group = isContainer(n);
  return {
    id: n.id,
    type: group ? 'group-node' : 'arch-node',
    position: pos ?? n.position ?? { x: 0, y: 0 },
    parentId: n.parent ?? undefined,
    selected,
    width: s.width,
    height: s.height,
    measured: { width: s.width, height: s.height },
    zIndex: group ? undefined : 1,
    ariaLabel: `${def.label} ${n.label ?? n.id}${n.kind === 'vpc-endpoint' ? ` (${subtitleOf(n, def.label)})` : ''}`,
    data: {
      kind: n.kind,
      title: n.label ?? n.id,
      subtitle: subtitleOf(n, def.label),
      severity: b?.severity ?? null,
      count: b?.count ?? 0,
      access: n.kind === 'subnet' ? String(n.props?.access ?? 'private') : undefined,
    },
  };
}

/**
 * The line under a node's name: its kind, except a VPC endpoint, whose identity is the service it reaches
 * ("ecr.api", "s3 (gateway)"; the icon says endpoint, the node's accessible name says VPC endpoint).
 */
export const subtitleOf = (n: Pick<ArchNode, 'kind' | 'props'>, label: string): string => {
  if (n.kind !== 'vpc-endpoint') return label;
  const service = String(n.props?.service ?? kindDef(n.kind).props.service?.default ?? 's3');
  return service === 's3' ? 's3 (gateway endpoint)' : `${service} endpoint`;
};

/** The edge id the editor uses for a document edge. */
export const edgeId = (e: { from: string; to: string; id?: string }) => e.id ?? `${e.from}->${e.to}`;

export function toFlowEdges(doc: ArchDoc, selection: ReadonlySet<string>, nodeSelection: ReadonlySet<string>): Edge[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const lean = leansOf(doc.edges ?? []);
  const out: Edge[] = [];
  for (const e of doc.edges ?? []) {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (!a || !b) continue;
    const c = checkEdge(a, b, (p) => byId.get(p)?.kind);
    const id = edgeId(e);
    out.push({
      id,
      source: e.from,
      target: e.to,
      selected: selection.has(id),
      label: e.label ?? (c.ok ? c.pair.label : undefined),
      className: c.ok && c.pair.plane === 'data' ? 'edge-data' : 'edge-control',
      type: 'routed',
      data: { lean: lean(e.from, e.to) },
      zIndex: 2,
      markerEnd: { type: 'arrowclosed' as never, width: 16, height: 16 },
    });
  }
  // Prop references (a KMS key, an IAM role): dashed, not selectable; edit them in the inspector.
  for (const n of doc.nodes) {
    for (const [name, p] of Object.entries(kindDef(n.kind).props)) {
      const v = n.props?.[name];
      if (p.type !== 'ref' || typeof v !== 'string' || !byId.has(v)) continue;
      out.push({
        id: `ref:${n.id}:${name}`,
        source: n.id,
        target: v,
        sourceHandle: 'ref-out',
        targetHandle: 'ref-in',
        label: nodeSelection.has(n.id) || nodeSelection.has(v) ? name : undefined,
        className: 'edge-ref',
        selectable: false,
        deletable: false,
        focusable: false,
        zIndex: 2,
      });
    }
  }
  return out;
}
