import { type PropsOf, defaultProps, kindDef, propsByName } from '../catalog/kinds';
import type { Kind, KindDef } from '../catalog/types';
import type { ArchDoc, ArchNode, Rulebook } from './schema';

/** A node of kind K with every prop filled in (defaults applied), ready for the engine and the inspector. */
interface NodeOf<K extends Kind> {
  id: string;
  kind: K;
  def: KindDef;
  label: string;
  parent: string | null;
  /** All props, defaults applied, typed from the catalog (`PropsOf<'training-job'>`). */
  props: PropsOf<K>;
  /** Index in the document's nodes array (stable order for deterministic runs). */
  index: number;
}
/**
 * A resolved node. `GNode` is the union over every kind: test `kind` (or ask `Graph.ofKind`/`out`/`in`/`children`
 * for the kinds you want) and its props are those of that kind.
 */
export type GNode<K extends Kind = Kind> = K extends Kind ? NodeOf<K> : never;

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
  private readonly derived = new Map<string, unknown>();
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

  /**
   * Data derived from the graph alone, built once on first use and kept with the graph (no module-level cache).
   * `key` names what is built; the same key must always build the same kind of value.
   */
  derive<T>(key: string, build: (g: Graph) => T): T {
    if (!this.derived.has(key)) this.derived.set(key, build(this));
    return this.derived.get(key) as T;
  }

  node(id: string): GNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`no node "${id}"`);
    return n;
  }
  /** The node with this id, which must be of one of the kinds (its props typed for them). */
  nodeOf<K extends Kind>(id: string, ...kinds: K[]): GNode<K> {
    const n = this.node(id);
    if (!isOf(n, ...kinds)) throw new Error(`node "${id}" is a ${n.kind}, not a ${kinds.join(' or ')}`);
    return n;
  }
  /** Nodes this node has edges to, optionally only of some kinds. */
  out<K extends Kind = Kind>(id: string, ...kinds: K[]): GNode<K>[] {
    return only(this.outs.get(id) ?? [], kinds);
  }
  /** Nodes with edges into this node, optionally only of some kinds. */
  in<K extends Kind = Kind>(id: string, ...kinds: K[]): GNode<K>[] {
    return only(this.ins.get(id) ?? [], kinds);
  }
  children<K extends Kind = Kind>(id: string, ...kinds: K[]): GNode<K>[] {
    return only(this.kids.get(id) ?? [], kinds);
  }
  ofKind<K extends Kind>(...kinds: K[]): GNode<K>[] {
    return this.nodes.filter((n): n is GNode<K> => (kinds as Kind[]).includes(n.kind));
  }
  /** The nearest ancestor of a kind (a step's pipeline, a job's subnet, a subnet's vpc). */
  ancestor<K extends Kind>(id: string, kind: K): GNode<K> | null {
    for (let p = this.byId.get(id)?.parent; p; p = this.byId.get(p)?.parent) {
      const n = this.byId.get(p);
      if (n && isOf(n, kind)) return n;
    }
    return null;
  }
  /** The subnet a node runs in: its own, or its pipeline's. null = AWS-managed network. */
  subnetOf(id: string): GNode<'subnet'> | null {
    return this.ancestor(id, 'subnet');
  }
  vpcOf(id: string): GNode<'vpc'> | null {
    const n = this.byId.get(id);
    return n && isOf(n, 'vpc') ? n : this.ancestor(id, 'vpc');
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
  inputsOf(id: string): GNode<'s3-bucket' | 'data-source'>[] {
    return this.in(id, 's3-bucket', 'data-source');
  }
  /** A ref prop's target node if it is of one of the kinds (the loader checks a ref's kinds), or null. */
  refOf<K extends Kind>(n: GNode, prop: string, ...kinds: K[]): GNode<K> | null {
    const t = this.ref(n, prop);
    return t && isOf(t, ...kinds) ? t : null;
  }
  /** A ref prop's target node, or null. */
  ref(n: GNode, prop: string): GNode | null {
    const v = propsByName(n.props)[prop];
    return typeof v === 'string' ? (this.byId.get(v) ?? null) : null;
  }
}

/** True when the node is of one of the kinds (narrows its props). */
export const isOf = <K extends Kind>(n: GNode, ...kinds: K[]): n is GNode<K> => (kinds as Kind[]).includes(n.kind);

/** The nodes of a list that are of the kinds (all of them when no kind is given). */
const only = <K extends Kind>(l: GNode[], kinds: K[]): GNode<K>[] =>
  kinds.length ? l.filter((n): n is GNode<K> => isOf(n, ...kinds)) : (l as GNode<K>[]);

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** A node with its props' defaults applied; the loader has validated every prop against the kind's schema. */
function resolveNode(n: ArchNode, index: number): GNode {
  const def = kindDef(n.kind);
  const props: Record<string, unknown> = defaultProps(n.kind);
  for (const [k, v] of Object.entries(n.props ?? {})) if (v !== undefined) props[k] = v;
  return {
    id: n.id,
    kind: n.kind,
    def,
    label: n.label ?? n.id,
    parent: n.parent ?? null,
    props: props as PropsOf<Kind>,
    index,
  } as GNode;
}
