import { type Draft, type Patch, current, enablePatches, produceWithPatches } from 'immer';
import { checkEdge } from '../catalog/edges';
import { defaultProps, kindDef, propsByName } from '../catalog/kinds';
import { LIMITS, LIMIT_WORDS, isDurationSec, isSeed } from '../catalog/limits';
import type { Kind } from '../catalog/types';
import { HEADER, PAD, type Layout, isInside, sizeOf, type Point, type Size } from './layout';
import { propError } from './prop-check';
import type { ArchDoc, ArchEdge, ArchNode, Fault } from './schema';

enablePatches();

/**
 * The named commands: the only way the editor changes a document. Each `perform` mutates an Immer
 * draft (so every change yields patches and inverse patches for undo/redo) or throws a `Refusal`
 * with a sentence a person can read. After any command the document still loads (`loadJson`).
 */
export interface Command<A> {
  id: string;
  label: string;
  /** Keyboard shortcut as shown in the `?` sheet ("Mod" = Ctrl, or ⌘ on a Mac). */
  shortcut?: string;
  perform(doc: Draft<ArchDoc>, args: A): unknown;
}

/** A command refused: the document is unchanged and `message` says why. */
export class Refusal extends Error {}
const refuse = (message: string): never => {
  throw new Refusal(message);
};

export type Outcome =
  { ok: true; doc: ArchDoc; patches: Patch[]; inverse: Patch[]; result: unknown } | { ok: false; reason: string };

/** Run a command against a document. */
export function execute<A>(doc: ArchDoc, cmd: Command<A>, args: A): Outcome {
  try {
    let result: unknown;
    const [next, patches, inverse] = produceWithPatches(doc, (d) => {
      result = cmd.perform(d, args);
    });
    return { ok: true, doc: next, patches, inverse, result };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message };
    throw e;
  }
}

/* ---------------- helpers over drafts ---------------- */

type D = Draft<ArchDoc>;
const find = (d: D, id: string) => d.nodes.find((n) => n.id === id) ?? refuse(`There is no node "${id}".`);
const label = (k: Kind) => kindDef(k).label;
const article = (s: string) => (/^[AEIOU]/i.test(s) ? `an ${s}` : `a ${s}`);

/** A fresh id from a base (`training-job` → `training-job-2`). */
export function uniqueId(taken: ReadonlySet<string>, base: string): string {
  const stem = base.replace(/-\d+$/, '').slice(0, 56) || 'node';
  for (let i = 1; ; i++) {
    const id = `${stem}-${i}`;
    if (!taken.has(id)) return id;
  }
}

/** Why `kind` may not sit in `parentKind` (null = top level), or null when it may. */
export function parentRefusal(kind: Kind, parentKind: Kind | null): string | null {
  const def = kindDef(kind);
  const where = def.parents.map((p) => article(label(p))).join(' or ');
  if (parentKind === null) return def.parentRequired ? `${article(def.label)} must sit inside ${where}.` : null;
  if (def.parents.includes(parentKind)) return null;
  if (!def.parents.length)
    return `${article(def.label)} is an AWS-managed service: it cannot sit inside ${article(label(parentKind))}.`;
  return `${article(def.label)} can sit in ${where}, not directly in ${article(label(parentKind))}.`;
}

/** Drop edges that no longer hold (a step moved out of its pipeline); returns how many went. */
function pruneEdges(d: D): number {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const before = d.edges?.length ?? 0;
  if (!d.edges) return 0;
  d.edges = d.edges.filter((e) => {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    return !!a && !!b && checkEdge(a, b, (p) => byId.get(p)?.kind).ok;
  });
  return before - d.edges.length;
}

function removeIds(d: D, gone: Set<string>) {
  d.nodes = d.nodes.filter((n) => !gone.has(n.id));
  if (d.edges) d.edges = d.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
  if (d.faults) d.faults = d.faults.filter((f) => !gone.has(f.node));
  if (d.locked) d.locked = d.locked.filter((id) => !gone.has(id));
  for (const n of d.nodes) {
    for (const [k, p] of Object.entries(kindDef(n.kind).props)) {
      if (p.type === 'ref' && n.props && typeof n.props[k] === 'string' && gone.has(n.props[k] as string))
        delete n.props[k];
    }
  }
}

/** True when edges lead from `from` to `to` (iterative breadth-first search). */
function leadsTo(edges: readonly { from: string; to: string }[], from: string, to: string): boolean {
  const seen = new Set([from]);
  for (const queue = [from]; queue.length;) {
    const cur = queue.shift()!;
    if (cur === to) return true;
    for (const e of edges)
      if (e.from === cur && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
  }
  return false;
}

/** A position as the file keeps it: whole pixels, inside the format's coordinate range (a stray NaN is 0). */
function at(p: Point): Point {
  const c = (v: number) => (Number.isNaN(v) ? 0 : Math.max(-LIMITS.coord, Math.min(LIMITS.coord, Math.round(v))));
  return { x: c(p.x), y: c(p.y) };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const locked = (d: D, id: string) => (d.locked ?? []).includes(id);

/* ---------------- the commands ---------------- */

export interface AddNodeArgs {
  kind: Kind;
  id?: string;
  position?: Point;
  parent?: string | null;
  label?: string;
  props?: Record<string, unknown>;
}
export const addNode: Command<AddNodeArgs> = {
  id: 'addNode',
  label: 'Add node',
  perform(d, a) {
    const parent = a.parent ? find(d, a.parent) : null;
    const why = parentRefusal(a.kind, parent?.kind ?? null);
    if (why) refuse(why);
    const taken = new Set(d.nodes.map((n) => n.id));
    if (a.id && taken.has(a.id)) refuse(`The id "${a.id}" is taken.`);
    const id = a.id ?? uniqueId(taken, a.kind);
    const node: ArchNode = { id, kind: a.kind };
    if (a.label) node.label = a.label;
    if (parent) node.parent = parent.id;
    if (a.props && Object.keys(a.props).length) node.props = structuredClone(a.props);
    node.position = a.position ? at(a.position) : { x: 0, y: 0 };
    if (kindDef(a.kind).container) node.size = { ...sizeOf(node) };
    d.nodes.push(node);
    growToFit(d, id);
    return id;
  },
};

export const removeNodes: Command<{ ids: readonly string[] }> = {
  id: 'removeNodes',
  label: 'Delete',
  shortcut: 'Delete',
  perform(d, { ids }) {
    const gone = new Set<string>();
    for (const id of ids) {
      if (locked(d, id)) refuse(`"${id}" is locked by the puzzle.`);
      find(d, id);
    }
    // A container goes with everything inside it.
    for (const n of d.nodes) if (ids.some((id) => isInside(d as ArchDoc, n.id, id))) gone.add(n.id);
    removeIds(d, gone);
    return [...gone];
  },
};

export const connect: Command<{ from: string; to: string }> = {
  id: 'connect',
  label: 'Connect',
  perform(d, { from, to }) {
    const a = find(d, from),
      b = find(d, to);
    if ((d.edges ?? []).some((e) => e.from === from && e.to === to)) refuse(`${a.id} is already connected to ${b.id}.`);
    const kinds = new Map(d.nodes.map((n) => [n.id, n.kind]));
    const c = checkEdge(a, b, (p) => kinds.get(p));
    if (!c.ok) refuse(c.reason);
    if (c.ok && c.pair.samePipeline && leadsTo(d.edges ?? [], to, from))
      refuse(
        `${to} already runs before ${from}: ${from} → ${to} would close a loop in pipeline ${a.parent}, and a ` +
          `pipeline's steps form a directed acyclic graph.`,
      );
    (d.edges ??= []).push({ from, to });
    return `${from}->${to}`;
  },
};

export const disconnect: Command<{ edges: readonly { from: string; to: string }[] }> = {
  id: 'disconnect',
  label: 'Delete connection',
  shortcut: 'Delete',
  perform(d, { edges }) {
    const drop = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
    if (d.edges) d.edges = d.edges.filter((e) => !drop.has(`${e.from}\u0000${e.to}`));
  },
};

/** Set one prop; a value equal to the default is removed so files stay short. */
export const setProp: Command<{ id: string; name: string; value: unknown }> = {
  id: 'setProp',
  label: 'Edit property',
  perform(d, { id, name, value }) {
    const n = find(d, id);
    const def = kindDef(n.kind).props[name] ?? refuse(`${label(n.kind)} has no property "${name}".`);
    const bad = propError(def, value);
    if (bad !== undefined) refuse(`${def.label}: ${bad}`);
    if (def.type === 'ref' && typeof value === 'string') {
      const t = d.nodes.find((m) => m.id === value) ?? refuse(`There is no node "${value}".`);
      if (!def.refKinds.includes(t.kind))
        refuse(`${def.label} must be ${def.refKinds.map((k) => article(label(k))).join(' or ')}.`);
    }
    const props = (n.props ??= {});
    if (sameValue(value, propsByName(defaultProps(n.kind))[name])) delete props[name];
    else props[name] = structuredClone(value) as never;
    if (!Object.keys(props).length) delete n.props;
  },
};

export const setLabel: Command<{ id: string; label: string }> = {
  id: 'setLabel',
  label: 'Rename',
  perform(d, a) {
    const n = find(d, a.id);
    const text = a.label.trim().slice(0, 200);
    if (text && text !== n.id) n.label = text;
    else delete n.label;
  },
};

/** Set a node's cost allocation tags (key → value); an empty map removes them. Keys are trimmed; blank keys dropped. */
export const setTags: Command<{ id: string; tags: Record<string, string> }> = {
  id: 'setTags',
  label: 'Edit tags',
  perform(d, a) {
    const n = find(d, a.id);
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(a.tags)) {
      const key = k.trim();
      if (!key) continue;
      if (key.length > 128) refuse(`Tag key "${key.slice(0, 20)}…": at most 128 characters.`);
      if (v.length > 256) refuse(`Tag ${key}: a value has at most 256 characters.`);
      tags[key] = v.trim();
    }
    if (Object.keys(tags).length > 50) refuse('At most 50 tags per resource.');
    if (Object.keys(tags).length) n.tags = tags;
    else delete n.tags;
  },
};

/**
 * Set the limit of the document's budget at `index` (AWS Budgets' budgeted amount, USD over the simulated period).
 * Refused for a budget that does not exist or a limit that is not a positive number of at most 1,000,000,000.
 */
export const setBudgetLimit: Command<{ index: number; limitUSD: number }> = {
  id: 'setBudgetLimit',
  label: 'Edit budget',
  perform(d, { index, limitUSD }) {
    const b = d.budgets?.[index];
    if (!b) return refuse(`Budget ${index + 1}: the document has ${d.budgets?.length ?? 0} budget(s).`);
    if (!Number.isFinite(limitUSD) || limitUSD <= 0 || limitUSD > 1_000_000_000)
      refuse(`Budget ${b.name}: the limit is a positive amount in USD, at most 1,000,000,000.`);
    b.limitUSD = limitUSD;
  },
};

/** Document fields shown when nothing is selected. */
export const setDocField: Command<{
  field: 'title' | 'description' | 'seed' | 'durationSec' | 'rulebook';
  value: string | number | undefined;
}> = {
  id: 'setDocField',
  label: 'Edit document',
  perform(d, { field, value }) {
    if (value === undefined || value === '') {
      delete d[field];
      return;
    }
    if (field === 'seed' && !isSeed(value)) refuse(`Seed: ${LIMIT_WORDS.seed}.`);
    if (field === 'durationSec' && !isDurationSec(value)) refuse(`Duration: ${LIMIT_WORDS.durationSec}.`);
    if (field === 'rulebook') {
      if (value !== 'sheet' && value !== 'aws')
        refuse('Rulebook: "sheet" (the exam sheet) or "aws" (AWS documentation).');
      // the exam sheet is the default: the field is only written for "aws"
      if (value === 'sheet') return void delete d.rulebook;
    }
    (d as Record<string, unknown>)[field] = value;
  },
};

/** A container's width or height kept in the format's range (`LIMITS.containerSize`). */
const containerSide = (v: number) => Math.min(Math.max(v, LIMITS.containerSize.min), LIMITS.containerSize.max);

/**
 * A container grows to hold what is put in it: a node placed inside (added, dropped in, moved) that sticks out
 * past the right or bottom edge widens or lengthens its container (and that one's container, up the chain);
 * one that sticks out at the left or top is nudged in below the title band. Containers never shrink here, and never
 * grow past the format's largest container (`LIMITS.containerSize.max`): a node placed further is pulled back in.
 */
function growToFit(d: Draft<ArchDoc>, id: string): void {
  const seen = new Set<string>();
  for (let n = find(d, id); n.parent && !seen.has(n.id);) {
    seen.add(n.id);
    const p = find(d, n.parent);
    const pos = (n.position ??= { x: 0, y: 0 });
    const s = sizeOf(n),
      ps = sizeOf(p),
      { max } = LIMITS.containerSize;
    if (pos.x > max - s.width - PAD) pos.x = max - s.width - PAD;
    if (pos.y > max - s.height - PAD) pos.y = max - s.height - PAD;
    if (pos.x < PAD / 2) pos.x = PAD / 2;
    if (pos.y < HEADER) pos.y = HEADER;
    const width = Math.min(max, Math.max(ps.width, pos.x + s.width + PAD)),
      height = Math.min(max, Math.max(ps.height, pos.y + s.height + PAD));
    if (width === ps.width && height === ps.height) break;
    p.size = { width: Math.round(width), height: Math.round(height) };
    n = p;
  }
}

/** Move nodes to new positions (relative to their parents); a whole drag is one move. */
export const move: Command<{ positions: Readonly<Record<string, Point>> }> = {
  id: 'move',
  label: 'Move',
  perform(d, { positions }) {
    for (const [id, p] of Object.entries(positions)) find(d, id).position = at(p);
    for (const id of Object.keys(positions)) growToFit(d, id);
  },
};

export const resize: Command<{ id: string; size: Size; position?: Point }> = {
  id: 'resize',
  label: 'Resize',
  perform(d, { id, size, position }) {
    const n = find(d, id);
    if (!kindDef(n.kind).container) refuse(`Only containers (VPC, subnet, pipeline) can be resized.`);
    n.size = {
      width: containerSide(Math.round(Math.max(120, size.width))),
      height: containerSide(Math.round(Math.max(80, size.height))),
    };
    if (position) n.position = at(position);
  },
};

/** Put a node in a container (or take it out, parent null) at a position relative to the new parent. */
export const setParent: Command<{ id: string; parent: string | null; position: Point }> = {
  id: 'setParent',
  label: 'Move into container',
  perform(d, { id, parent, position }) {
    const n = find(d, id);
    const p = parent ? find(d, parent) : null;
    if (locked(d, id) && (n.parent ?? null) !== parent)
      refuse(`"${id}" is locked by the puzzle: it stays where it is.`);
    const why = parentRefusal(n.kind, p?.kind ?? null);
    if (why) refuse(why);
    if (p && isInside(d as ArchDoc, p.id, n.id)) refuse(`${n.id} cannot go inside itself.`);
    if (p) n.parent = p.id;
    else delete n.parent;
    n.position = at(position);
    growToFit(d, id);
    return { droppedEdges: pruneEdges(d) };
  },
};

/** What copy takes: the nodes (containers with everything inside) and the edges between them. */
export interface Fragment {
  nodes: ArchNode[];
  edges: ArchEdge[];
}

export function copyFragment(doc: ArchDoc, ids: readonly string[]): Fragment {
  const take = new Set<string>();
  for (const n of doc.nodes) if (ids.some((id) => isInside(doc, n.id, id))) take.add(n.id);
  return {
    nodes: structuredClone(doc.nodes.filter((n) => take.has(n.id))),
    edges: structuredClone((doc.edges ?? []).filter((e) => take.has(e.from) && take.has(e.to))),
  };
}

/** Paste a fragment with fresh ids, offset; returns the new ids. */
export const paste: Command<{ fragment: Fragment; offset?: Point }> = {
  id: 'paste',
  label: 'Paste',
  shortcut: 'Mod+V',
  perform(d, { fragment, offset = { x: 32, y: 32 } }) {
    const taken = new Set(d.nodes.map((n) => n.id));
    const map = new Map<string, string>();
    for (const n of fragment.nodes) {
      const id = uniqueId(taken, n.id);
      taken.add(id);
      map.set(n.id, id);
    }
    const kinds = new Map<string, Kind>([
      ...d.nodes.map((n) => [n.id, n.kind] as const),
      ...fragment.nodes.map((n) => [map.get(n.id)!, n.kind] as const),
    ]);
    const added: string[] = [];
    for (const src of fragment.nodes) {
      const n: ArchNode = structuredClone(src);
      n.id = map.get(src.id)!;
      const inside = !!src.parent && map.has(src.parent);
      n.parent = inside ? map.get(src.parent!)! : src.parent && kinds.has(src.parent) ? src.parent : undefined;
      if (!n.parent) delete n.parent;
      if (parentRefusal(n.kind, n.parent ? kinds.get(n.parent)! : null)) continue;
      if (!inside) n.position = at({ x: (n.position?.x ?? 0) + offset.x, y: (n.position?.y ?? 0) + offset.y });
      for (const [k, p] of Object.entries(kindDef(n.kind).props)) {
        const v = n.props?.[k];
        if (p.type !== 'ref' || typeof v !== 'string') continue;
        if (map.has(v)) n.props![k] = map.get(v);
        else if (!d.nodes.some((m) => m.id === v)) delete n.props![k];
      }
      d.nodes.push(n);
      added.push(n.id);
    }
    const ok = new Set(added);
    for (const e of fragment.edges) {
      const from = map.get(e.from),
        to = map.get(e.to);
      if (from && to && ok.has(from) && ok.has(to)) (d.edges ??= []).push({ from, to });
    }
    pruneEdges(d);
    if (!added.length) refuse('Nothing to paste here.');
    return added;
  },
};

export const duplicate: Command<{ ids: readonly string[] }> = {
  id: 'duplicate',
  label: 'Duplicate',
  shortcut: 'Mod+D',
  perform(d, { ids }) {
    if (!ids.length) refuse('Select something to duplicate.');
    return paste.perform(d, { fragment: copyFragment(current(d) as ArchDoc, ids) });
  },
};

/**
 * Place the nodes where a computed layout puts them (children inside their containers; `computeLayout` of
 * model/autolayout.ts, which the page loads on demand); `onlyMissing` keeps placed nodes.
 */
export const autoLayout: Command<{ layout: Layout; onlyMissing?: boolean }> = {
  id: 'autoLayout',
  label: 'Auto-layout',
  shortcut: 'Mod+Shift+L',
  perform(d, { layout, onlyMissing }) {
    const { positions, sizes } = layout;
    for (const n of d.nodes) {
      if (onlyMissing && n.position) continue;
      const p = positions.get(n.id),
        s = sizes.get(n.id);
      if (p) n.position = at(p);
      if (s && !(onlyMissing && n.size)) n.size = { width: containerSide(s.width), height: containerSide(s.height) };
    }
  },
};

/** Record a fault injected during a run (appended, as the run applied it, so the file replays the run). */
export const addFault: Command<{ fault: Fault }> = {
  id: 'addFault',
  label: 'Inject fault',
  perform(d, { fault }) {
    find(d, fault.node);
    (d.faults ??= []).push(structuredClone(fault));
  },
};

/** Replace the whole document (open a file, a starter or a share link); undoable like any other. */
export const replaceDocument: Command<{ doc: ArchDoc }> = {
  id: 'replaceDocument',
  label: 'Open document',
  perform(d, { doc }) {
    for (const k of Object.keys(d)) delete (d as Record<string, unknown>)[k];
    Object.assign(d, structuredClone(doc));
  },
};

export const COMMANDS = {
  addNode,
  removeNodes,
  connect,
  disconnect,
  setProp,
  setLabel,
  setTags,
  setDocField,
  setBudgetLimit,
  move,
  resize,
  setParent,
  paste,
  duplicate,
  autoLayout,
  replaceDocument,
  addFault,
} as const;
export type CommandId = keyof typeof COMMANDS;
export type ArgsOf<K extends CommandId> = (typeof COMMANDS)[K] extends Command<infer A> ? A : never;
