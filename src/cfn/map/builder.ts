import { checkEdge } from '../../catalog/edges';
import { kindDef } from '../../catalog/kinds';
import type { Kind } from '../../catalog/types';
import type { ArchEdge, ArchNode } from '../../model/schema';
import type { EvaluatedResource } from '../evaluate';
import { type ImportNote, Sym, isSym, refsIn } from '../types';

/** Metadata key under which an exported template keeps what CloudFormation has no property for. */
export const META = 'SageSim';

/** What an exported resource's Metadata.SageSim may hold. */
export interface ResourceMeta {
  id?: string;
  label?: string;
  /** Props with no resource property (a dataset size, a model latency…). */
  props?: Record<string, unknown>;
  /** Cost allocation tags of a node whose resource type takes no `Tags`. */
  tags?: Record<string, string>;
  /** A resource the export added only to make the template deployable (the public subnet of a NAT gateway). */
  helper?: boolean;
  /** A pipeline's steps: step name → label and props with no property in the definition. */
  steps?: Record<string, { label?: string; props?: Record<string, unknown> }>;
}

/** `PrivateSubnet1` → `private-subnet1`; `MLVpc` → `ml-vpc`. */
export function kebab(s: string): string {
  const k = s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '');
  return (k || 'node').slice(0, 64).replace(/-+$/, '');
}

export const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
export const bool = (v: unknown): boolean | undefined =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
export const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) && !isSym(v) ? (v as Record<string, unknown>) : {};
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** The value at a dotted path of plain objects (`a.b.0.c`). */
export function dig(v: unknown, path: string): unknown {
  let cur = v;
  for (const p of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else cur = rec(cur)[p];
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * Collects the design while the resources are mapped: nodes (keyed by the resources they stand for),
 * containment, connections found from references, and notes for what has no kind.
 */
export class Builder {
  readonly nodes: ArchNode[] = [];
  readonly edges: ArchEdge[] = [];
  readonly notes: ImportNote[] = [];
  readonly res: Map<string, EvaluatedResource>;
  /** Logical id → node id of the node that stands for it (several resources may make one node). */
  readonly owner = new Map<string, string>();
  private readonly byId = new Map<string, ArchNode>();
  /** Resources read as part of something else (a route table, a scaling policy): not nodes, not notes. */
  readonly used = new Set<string>();
  /** Node id → references to scan for connections: the value and the property path where it sits. */
  readonly scan = new Map<string, { value: unknown; path: string }[]>();

  constructor(readonly resources: readonly EvaluatedResource[]) {
    this.res = new Map(resources.map((r) => [r.id, r]));
  }

  ofType(...types: string[]): EvaluatedResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  meta(r: EvaluatedResource): ResourceMeta {
    return rec(r.metadata[META]) as ResourceMeta;
  }

  /** A node for resource `r` (its id from Metadata, the CDK path or the logical id). */
  add(r: EvaluatedResource, kind: Kind, props: Record<string, unknown> = {}, label?: string): ArchNode {
    const m = this.meta(r);
    const cdk = typeof r.metadata['aws:cdk:path'] === 'string' ? cdkName(r.metadata['aws:cdk:path'] as string) : null;
    const base = typeof m.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(m.id) ? m.id : kebab(cdk ?? r.id);
    // an exported design's node keeps its own label (or none); a template's resource is labelled by its Name tag,
    // its CDK construct path or its logical id
    const fallback = typeof m.id === 'string' ? undefined : (tagName(r) ?? cdk ?? r.id);
    const node = this.node(base, kind, label ?? (typeof m.label === 'string' ? m.label : fallback));
    this.claim(r.id, node.id);
    this.setProps(node, { ...props, ...rec(m.props) }); // Metadata holds only what no property says: it wins
    this.setTags(node, resourceTags(r) ?? m.tags);
    this.scanRefs(node.id, r.props, r.type);
    return node;
  }

  /** A node with no resource of its own (a pipeline step, an EventBridge rule of a SAM function). */
  node(base: string, kind: Kind, label?: string): ArchNode {
    let id = kebab(base);
    for (let i = 2; this.byId.has(id); i++) id = `${kebab(base).slice(0, 60)}-${i}`;
    const n: ArchNode = { id, kind, ...(label ? { label: label.slice(0, 200) } : {}) };
    this.nodes.push(n);
    this.byId.set(id, n);
    return n;
  }

  get(id: string | undefined): ArchNode | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** Resource `resId` belongs to node `nodeId` (references to it lead there). */
  claim(resId: string, nodeId: string): void {
    this.owner.set(resId, nodeId);
    this.used.add(resId);
  }

  scanRefs(nodeId: string, value: unknown, path: string): void {
    const l = this.scan.get(nodeId) ?? [];
    l.push({ value, path });
    this.scan.set(nodeId, l);
  }

  /** The node a value refers to (first reference to a resource some node stands for), optionally of some kinds. */
  nodeOf(value: unknown, kinds?: readonly Kind[]): ArchNode | undefined {
    for (const id of refsIn(value)) {
      const n = this.get(this.owner.get(id));
      if (n && (!kinds || kinds.includes(n.kind))) return n;
    }
    return undefined;
  }

  /** Set props the kind has, skipping undefined values (defaults stay as they are). */
  setProps(node: ArchNode, props: Record<string, unknown>): void {
    const defs = kindDef(node.kind).props;
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || !(k in defs)) continue;
      node.props = { ...node.props, [k]: v };
    }
  }

  /**
   * Cost allocation tags (key → value) from a resource's `Tags` or a design's Metadata: string keys and values only,
   * at most 50 (AWS's limit per resource), keys of at most 128 and values of at most 256 characters; others are noted.
   */
  setTags(node: ArchNode, tags: unknown): void {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec(tags))) {
      if (typeof v !== 'string' || !k || k.length > 128 || v.length > 256 || Object.keys(out).length >= 50) {
        this.note(
          null,
          `${node.id}: tag "${k.slice(0, 40)}" was skipped (a tag is a key of 1–128 and a value of at most 256 ` +
            `characters, 50 per resource)`,
          'warning',
        );
        continue;
      }
      out[k] = v;
    }
    if (Object.keys(out).length) node.tags = out;
  }

  setParent(node: ArchNode, parent: ArchNode | undefined): void {
    if (!parent) return;
    if (kindDef(node.kind).parents.includes(parent.kind)) node.parent = parent.id;
  }

  /** Literal physical names (an EndpointName, a BucketName…) → node id, for references written as plain strings. */
  readonly names = new Map<string, string>();

  /** Nodes a plain string names: exactly, as `s3://NAME/…`, or as the last part of an ARN. */
  byName(s: string): string[] {
    if (!this.names.size) return [];
    const hit =
      this.names.get(s) ??
      this.names.get(/^s3:\/\/([^/]+)/.exec(s)?.[1] ?? '') ??
      this.names.get(/[:/]([^:/]+)$/.exec(s)?.[1] ?? '');
    return hit ? [hit] : [];
  }

  /** Add a connection when the pair of kinds allows it (format.md section 3); returns whether it did. */
  connect(from: ArchNode | undefined, to: ArchNode | undefined): boolean {
    if (!from || !to || from.id === to.id) return false;
    if (this.edges.some((e) => e.from === from.id && e.to === to.id)) return true;
    const ok = checkEdge(from, to, (id) => this.byId.get(id)?.kind).ok;
    if (ok) this.edges.push({ from: from.id, to: to.id });
    return ok;
  }

  note(r: EvaluatedResource | null, message: string, severity: ImportNote['severity'] = 'info'): void {
    this.notes.push({ severity, resource: r?.id ?? '', type: r?.type ?? '', message });
  }

  /**
   * Connections from references: a node's resources refer to another node's; the pair of kinds decides the
   * direction, and where both are allowed (a training job reads input from a bucket and writes its model to one)
   * the property path does (`…Output…`, `…Notification…`, `Targets` point away from the node).
   */
  connectReferences(): void {
    for (const [nodeId, items] of this.scan) {
      const self = this.byId.get(nodeId)!;
      for (const { value, path } of items) {
        walk(value, path, (v, p) => {
          const targets = refsIn(v).map((id) => this.owner.get(id));
          if (typeof v === 'string') targets.push(...this.byName(v));
          else if (v instanceof Sym && v.kind === 'str' && this.names.has(String(v)))
            targets.push(this.names.get(String(v))!);
          for (const oid of targets) {
            const other = this.get(oid);
            if (!other || other.id === self.id) continue;
            const outward = /Output|Notification|Topic|Targets|Destination|Capture|ErrorTopic|SuccessTopic/i.test(p);
            if (outward) this.connect(self, other);
            else if (!this.connect(other, self)) this.connect(self, other);
          }
        });
      }
    }
  }
}

/** Visit every leaf (and every symbolic value) with its dotted path. */
function walk(v: unknown, path: string, f: (v: unknown, path: string) => void): void {
  if (v instanceof Sym || typeof v === 'string') f(v, path);
  else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`, f));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, f);
}

/** `Stack/SubmitFn/ServiceRole/Resource` → `SubmitFn-ServiceRole` (the construct path below the stack). */
function cdkName(path: string): string | null {
  const parts = path
    .split('/')
    .slice(1)
    .filter((p) => p && p !== 'Resource' && p !== 'Default');
  return parts.length ? parts.join('-').replace(/[^A-Za-z0-9-]+/g, '-') : null;
}

/**
 * A resource's CloudFormation `Tags` (`[{ Key, Value }]`) as key → value, without `Name` (it labels the node) and
 * AWS-reserved `aws:` keys; undefined when it has none.
 */
function resourceTags(r: EvaluatedResource): Record<string, unknown> | undefined {
  const tags = r.props.Tags;
  if (!Array.isArray(tags)) return undefined;
  const out: Record<string, unknown> = {};
  for (const t of tags.map(rec))
    if (typeof t.Key === 'string' && t.Key !== 'Name' && !t.Key.startsWith('aws:')) out[t.Key] = t.Value;
  return Object.keys(out).length ? out : undefined;
}

function tagName(r: EvaluatedResource): string | undefined {
  const tags = r.props.Tags;
  if (Array.isArray(tags)) {
    const t = tags.find((x) => rec(x).Key === 'Name');
    const v = rec(t).Value;
    if (typeof v === 'string') return v;
  }
  return undefined;
}
