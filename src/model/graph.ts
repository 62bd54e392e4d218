import { defaultProps, kindDef } from '../catalog/kinds';
import type { Kind, KindDef } from '../catalog/types';
import type { ArchDoc, ArchNode, Rulebook } from './schema';

/** A node with every prop filled in (defaults applied), ready for the engine and the inspector. */
export interface GNode {
  id: string;
  kind: Kind;
  def: KindDef;
  label: string;
  parent: string | null;
  /** All props, defaults applied. Values are as the schema allows (see catalog/kinds.ts). */
  props: Record<string, any>;
  /** Index in the document's nodes array (stable order for deterministic runs). */
  index: number;
}

/**
 * The document as a graph: nodes by id, edges by direction, containers and their children.
 * Built once per document; the engine and the static checks read it, never the raw document.
 */
export class Graph {
  readonly nodes: GNode[];
  readonly byId = new Map<string, GNode>();
  private readonly outs = new Map<string, GNode[]>();
  private readonly ins = new Map<string, GNode[]>();
  private readonly kids = new Map<string, GNode[]>();
  /** Which behaviour the run follows where the exam sheet and AWS documentation differ (format.md section 7). */
  readonly rulebook: Rulebook;

  constructor(
    readonly doc: ArchDoc,
    rulebook?: Rulebook,
  ) {
    this.rulebook = rulebook ?? doc.rulebook ?? 'sheet';
    this.nodes = doc.nodes.map((n, index) => resolveNode(n, index));
    for (const n of this.nodes) this.byId.set(n.id, n);
    for (const e of doc.edges ?? []) {
      const a = this.byId.get(e.from),
        b = this.byId.get(e.to);
      if (!a || !b) continue;
      push(this.outs, a.id, b);
      push(this.ins, b.id, a);
    }
    for (const n of this.nodes) if (n.parent && this.byId.has(n.parent)) push(this.kids, n.parent, n);
  }

  node(id: string): GNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`no node "${id}"`);
    return n;
  }
  /** Nodes this node has edges to, optionally only of some kinds. */
  out(id: string, ...kinds: Kind[]): GNode[] {
    const l = this.outs.get(id) ?? [];
    return kinds.length ? l.filter((n) => kinds.includes(n.kind)) : l;
  }
  /** Nodes with edges into this node, optionally only of some kinds. */
  in(id: string, ...kinds: Kind[]): GNode[] {
    const l = this.ins.get(id) ?? [];
    return kinds.length ? l.filter((n) => kinds.includes(n.kind)) : l;
  }
  children(id: string, ...kinds: Kind[]): GNode[] {
    const l = this.kids.get(id) ?? [];
    return kinds.length ? l.filter((n) => kinds.includes(n.kind)) : l;
  }
  ofKind(...kinds: Kind[]): GNode[] {
    return this.nodes.filter((n) => kinds.includes(n.kind));
  }
  /** The nearest ancestor of a kind (a step's pipeline, a job's subnet, a subnet's vpc). */
  ancestor(id: string, kind: Kind): GNode | null {
    for (let p = this.byId.get(id)?.parent; p; p = this.byId.get(p)?.parent) {
      const n = this.byId.get(p);
      if (n?.kind === kind) return n;
    }
    return null;
  }
  /** The subnet a node runs in: its own, or its pipeline's. null = AWS-managed network. */
  subnetOf(id: string): GNode | null {
    return this.ancestor(id, 'subnet');
  }
  vpcOf(id: string): GNode | null {
    const n = this.byId.get(id);
    return n?.kind === 'vpc' ? n : this.ancestor(id, 'vpc');
  }
  /** Every node inside a container, at any depth. */
  descendants(id: string): GNode[] {
    const out: GNode[] = [];
    const walk = (p: string) =>
      this.children(p).forEach((c) => {
        out.push(c);
        walk(c.id);
      });
    walk(id);
    return out;
  }
  /** Input data of a job: buckets and data sources with edges into it. */
  inputsOf(id: string): GNode[] {
    return this.in(id, 's3-bucket', 'data-source');
  }
  /** A ref prop's target node, or null. */
  ref(n: GNode, prop: string): GNode | null {
    const v = n.props[prop];
    return typeof v === 'string' ? (this.byId.get(v) ?? null) : null;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function resolveNode(n: ArchNode, index: number): GNode {
  const def = kindDef(n.kind);
  const props = defaultProps(n.kind);
  for (const [k, v] of Object.entries(n.props ?? {})) if (v !== undefined) props[k] = v;
  return { id: n.id, kind: n.kind, def, label: n.label ?? n.id, parent: n.parent ?? null, props, index };
}
