import type { z } from 'zod';
import { checkEdge } from '../catalog/edges';
import { kindDef } from '../catalog/kinds';
import type { Kind } from '../catalog/types';
import { propsSchema } from './props';
import { LIMIT_WORDS, LIMITS } from '../catalog/limits';
import { checkGoal } from './goals';
import { type ArchDoc, FORMAT, docSchema, faultSchema } from './schema';
import { isSkillId } from './skills';
import { nodeConstraints } from './constraints';

/** One reason a document was refused: a JSON path (`nodes[3].props.inputMode`) and what is wrong there. */
export interface LoadError {
  path: string;
  message: string;
}
export type LoadResult = { ok: true; doc: ArchDoc } | { ok: false; errors: LoadError[] };

/** `["nodes", 3, "props", "x"]` → `nodes[3].props.x`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(p))) out += (out ? '.' : '') + String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(root)';
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A readable reason from a zod issue, without zod's vocabulary. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      const want = issue.expected === 'int' ? 'an integer' : issue.expected;
      if (got === undefined) return `required (expected ${want})`;
      return `expected ${want}, got ${typeof got === 'number' ? String(got) : typeName(got)}`;
    }
    case 'invalid_value':
      if (issue.path[issue.path.length - 1] === 'kind' && typeof valueAt(input, issue.path) === 'string') {
        return `unknown kind "${String(valueAt(input, issue.path))}"; kinds are ${issue.values.join(', ')}`;
      }
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length > 1 ? 'fields' : 'field'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} items`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `too long (${issue.message.replace(/^Too big: /, '')})`
        : `must be at most ${issue.maximum}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function fromZod(error: z.ZodError, input: unknown, prefix: PropertyKey[] = []): LoadError[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: formatPath([...prefix, ...i.path, k]), message: 'unknown field' }))
      : [{ path: formatPath([...prefix, ...i.path]), message: describe(i, input) }],
  );
}

/** Parse text (a file, a share link, an autosave) into a document, or say precisely why not. */
export function loadText(text: string): LoadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.bytes)
    return fail(
      '(file)',
      `the file is ${(bytes / 1048576).toFixed(1)} MB; architecture files are limited to ${LIMIT_WORDS.bytes}`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('(file)', `not valid JSON: ${(e as Error).message}`);
  }
  return loadJson(json);
}

const fail = (path: string, message: string): LoadResult => ({ ok: false, errors: [{ path, message }] });

/** Validate an already-parsed value as a document. */
export function loadJson(json: unknown): LoadResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return fail('(root)', 'expected a JSON object');
  const obj = json as Record<string, unknown>;
  if (typeof obj.format === 'string' && obj.format !== FORMAT && /^sagesim\/architecture@\d+$/.test(obj.format)) {
    return fail('format', `"${obj.format}" is a newer or unknown version; this SageSim reads "${FORMAT}"`);
  }
  if (Array.isArray(obj.nodes) && obj.nodes.length > LIMITS.nodes)
    return fail('nodes', `${obj.nodes.length} nodes; the limit is ${LIMITS.nodes}`);
  if (Array.isArray(obj.edges) && obj.edges.length > LIMITS.edges)
    return fail('edges', `${obj.edges.length} edges; the limit is ${LIMITS.edges}`);
  const parsed = docSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: fromZod(parsed.error, json).slice(0, 50) };
  const errors = crossCheck(parsed.data);
  return errors.length ? { ok: false, errors: errors.slice(0, 50) } : { ok: true, doc: positiveZero(parsed.data) };
}

/** Checks that need the whole document: props per kind, ids, parents, edges, references, faults. */
function crossCheck(doc: ArchDoc): LoadError[] {
  const errors: LoadError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const byId = new Map<string, { kind: Kind; parent?: string | null; index: number }>();
  doc.nodes.forEach((n, i) => {
    if (byId.has(n.id)) err(`nodes[${i}].id`, `duplicate id "${n.id}" (first used by nodes[${byId.get(n.id)!.index}])`);
    else byId.set(n.id, { kind: n.kind, parent: n.parent, index: i });
  });
  doc.nodes.forEach((n, i) => {
    const ps = propsSchema(n.kind).safeParse(n.props ?? {});
    if (!ps.success) errors.push(...fromZod(ps.error, n.props, ['nodes', i, 'props']).map(renameUnknownProp(n.kind)));
    if (ps.success) for (const [prop, message] of nodeConstraints(n)) err(`nodes[${i}].props.${prop}`, message);
    const def = kindDef(n.kind);
    if (n.parent) {
      const p = byId.get(n.parent);
      if (!p) err(`nodes[${i}].parent`, `no node with id "${n.parent}"`);
      else if (!def.parents.includes(p.kind)) {
        err(
          `nodes[${i}].parent`,
          def.parents.length
            ? `a ${n.kind} can sit in ${def.parents.map((k) => `a ${k}`).join(' or ')}, not in a ${p.kind}`
            : `a ${n.kind} cannot sit inside another node`,
        );
      } else if (n.kind === 'vpc-endpoint' && p.kind === 'subnet') {
        /* fine */
      }
    } else if (def.parentRequired) {
      err(`nodes[${i}].parent`, `a ${n.kind} must sit in ${def.parents.map((k) => `a ${k}`).join(' or ')}`);
    }
    for (const [name, p] of Object.entries(def.props)) {
      if (p.type !== 'ref') continue;
      const v = n.props?.[name];
      if (typeof v !== 'string') continue;
      const target = byId.get(v);
      if (!target) err(`nodes[${i}].props.${name}`, `no node with id "${v}"`);
      else if (!p.refKinds.includes(target.kind))
        err(`nodes[${i}].props.${name}`, `"${v}" is a ${target.kind}; expected ${p.refKinds.join(' or ')}`);
    }
  });
  // Parent chains have no cycles.
  for (const [id] of byId) {
    const seen = new Set<string>();
    for (let cur: string | null | undefined = id; cur; cur = byId.get(cur)?.parent) {
      if (seen.has(cur)) {
        err(`nodes[${byId.get(id)!.index}].parent`, `parent chain loops back to "${cur}"`);
        break;
      }
      seen.add(cur);
    }
  }
  const pairs = new Set<string>();
  (doc.edges ?? []).forEach((e, i) => {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (!a) err(`edges[${i}].from`, `no node with id "${e.from}"`);
    if (!b) err(`edges[${i}].to`, `no node with id "${e.to}"`);
    if (!a || !b) return;
    const key = `${e.from}\u0000${e.to}`;
    if (pairs.has(key)) err(`edges[${i}]`, `duplicate edge ${e.from} → ${e.to}`);
    pairs.add(key);
    const c = checkEdge(
      { kind: a.kind, parent: a.parent, id: e.from },
      { kind: b.kind, parent: b.parent, id: e.to },
      (pid) => byId.get(pid)?.kind,
    );
    if (!c.ok) err(`edges[${i}]`, c.reason);
  });
  (doc.faults ?? []).forEach((f, i) => {
    const n = byId.get(f.node);
    if (!n) return err(`faults[${i}].node`, `no node with id "${f.node}"`);
    const want = FAULT_TARGETS[f.kind];
    if (!want.includes(n.kind)) err(`faults[${i}].node`, `${f.kind} applies to ${want.join(' or ')}, not a ${n.kind}`);
  });
  (doc.locked ?? []).forEach((id, i) => {
    if (!byId.has(id)) err(`locked[${i}]`, `no node with id "${id}"`);
  });
  if (doc.goal) checkGoal(doc.goal, err); // rule ids and states that exist, so the goal can both fail and pass
  checkScript(doc, byId, err);
  checkTeaching(doc, err);
  return errors;
}

/** v1.1 teaching fields: answers index their options; skills are exam-guide ids. */
function checkTeaching(doc: ArchDoc, err: Err): void {
  (doc.questions ?? []).forEach((q, i) => {
    if (q.answer >= q.options.length)
      err(`questions[${i}].answer`, `${q.answer} is not an option index (0–${q.options.length - 1})`);
  });
  (doc.script ?? []).forEach((s, i) => {
    if (s.answer !== undefined && (!s.options || s.answer >= s.options.length))
      err(
        `script[${i}].answer`,
        s.options ? `${s.answer} is not an option index (0–${s.options.length - 1})` : 'an answer needs options',
      );
    if (s.options && !s.ask) err(`script[${i}].options`, 'options answer a question: the step needs an "ask"');
  });
  (doc.skills ?? []).forEach((s, i) => {
    if (!isSkillId(s)) err(`skills[${i}]`, `"${s}" is not an item of the exam guide (exam-skills.md)`);
  });
}

type Err = (path: string, message: string) => void;
type Nodes = Map<string, { kind: Kind; parent?: string | null; index: number }>;

/**
 * Problems of a puzzle's solution against its document: it must change nodes and edges that exist (in the
 * document or among the nodes it adds). Checked when the solution is applied (`--apply-solution`), not on
 * load: deleting a node in the editor may leave a solution naming it, and the file must still open.
 */
export function solutionErrors(doc: ArchDoc): LoadError[] {
  const errors: LoadError[] = [];
  const err: Err = (path, message) => errors.push({ path, message });
  const byId = new Set(doc.nodes.map((n) => n.id));
  const s = doc.solution;
  if (!s) return errors;
  const added = new Set((s.addNodes ?? []).map((n) => n.id));
  const known = (id: string) => byId.has(id) || added.has(id);
  for (const id of Object.keys(s.setProps ?? {}))
    if (!known(id)) err(`solution.setProps.${id}`, `no node with id "${id}"`);
  for (const [id, parent] of Object.entries(s.setParent ?? {})) {
    if (!known(id)) err(`solution.setParent.${id}`, `no node with id "${id}"`);
    else if (parent && !known(parent)) err(`solution.setParent.${id}`, `no node with id "${parent}"`);
  }
  (s.removeNodes ?? []).forEach((id, i) => {
    if (!byId.has(id)) err(`solution.removeNodes[${i}]`, `no node with id "${id}"`);
  });
  const edges = new Set((doc.edges ?? []).map((e) => `${e.from}\u0000${e.to}`));
  (s.removeEdges ?? []).forEach((e, i) => {
    if (!edges.has(`${e.from}\u0000${e.to}`)) err(`solution.removeEdges[${i}]`, `no edge ${e.from} → ${e.to}`);
  });
  return errors;
}

/**
 * A demo script's faults are real faults (they are injected into the run), on a node they apply to. A fault
 * or a focus naming a node that is no longer there (deleted in the editor) is skipped by the run.
 */
function checkScript(doc: ArchDoc, byId: Nodes, err: Err): void {
  (doc.script ?? []).forEach((step, i) => {
    if (!step.fault) return;
    const r = faultSchema.safeParse({ atSec: step.atSec, ...step.fault });
    if (!r.success) {
      for (const issue of r.error.issues)
        err(formatPath(['script', i, 'fault', ...issue.path]), describe(issue, step.fault));
      return;
    }
    const n = byId.get(r.data.node);
    if (n && !FAULT_TARGETS[r.data.kind].includes(n.kind))
      err(
        `script[${i}].fault.node`,
        `${r.data.kind} applies to ${FAULT_TARGETS[r.data.kind].join(' or ')}, not a ${n.kind}`,
      );
  });
}

/** Which kinds each fault or timed action applies to. */
export const FAULT_TARGETS: Record<string, readonly Kind[]> = {
  'spot-interruption': ['training-job', 'tuning-job'],
  'traffic-spike': ['client'],
  'large-payloads': ['client'],
  'data-drift': ['realtime-endpoint', 'serverless-endpoint', 'async-endpoint', 'multi-model-endpoint'],
  'bias-shift': ['realtime-endpoint', 'serverless-endpoint', 'async-endpoint', 'multi-model-endpoint'],
  approve: ['model-registry'],
  'data-arrival': ['s3-bucket'],
};

function renameUnknownProp(kind: Kind) {
  return (e: LoadError): LoadError =>
    e.message === 'unknown field' ? { ...e, message: `unknown prop for a ${kind}` } : e;
}

/** JSON writes -0 as 0; turn -0 into 0 on load so that load → save → load is identity. */
function positiveZero<T>(v: T): T {
  if (typeof v === 'number') return (Object.is(v, -0) ? 0 : v) as T;
  if (!v || typeof v !== 'object') return v;
  let copy: Record<string, unknown> | unknown[] | null = null;
  for (const k of Object.keys(v)) {
    const before = (v as Record<string, unknown>)[k];
    const after = positiveZero(before);
    if (!Object.is(after, before)) {
      copy ??= Array.isArray(v) ? v.slice() : { ...(v as object) };
      (copy as Record<string, unknown>)[k] = after;
    }
  }
  return (copy ?? v) as T;
}

/** The errors as lines for a terminal or a message box: `path: reason`. */
export function formatErrors(errors: readonly LoadError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

/** Serialise a document as the file people save (stable key order of the document as given). */
export function saveText(doc: ArchDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
