import type { z } from 'zod';
import { checkEdge } from '../catalog/edges';
import { STEP_KINDS, kindDef } from '../catalog/kinds';
import type { Kind } from '../catalog/types';
import { propsSchema } from './props';
import { LIMITS } from '../catalog/limits';
import { checkGoal } from './goals';
import { type ArchDoc, FORMAT, docSchema, faultSchema } from './schema';
import { isSkillId } from './skills';
import { shapeErrors } from './bounds';
import { formatPath } from './path';
import { tooLarge } from './decode';
import { sgConstraints } from './sg';
import { nodeConstraints } from './constraints';
import { registerLoad } from './loader';

/** One reason a document was refused: a JSON path (`nodes[3].props.inputMode`) and what is wrong there. */
export interface LoadError {
  path: string;
  message: string;
}
export type LoadResult = { ok: true; doc: ArchDoc } | { ok: false; errors: LoadError[] };

export { formatPath };

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
          : `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `too long (${issue.message.replace(/^Too big: /, '')})`
        : `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
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

/**
 * One issue per bound and path: an integer past 2^53 breaks both the safe-integer bound and the field's own
 * maximum; only the tighter bound is reported.
 */
function tightest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const bound = (i: z.core.$ZodIssue) =>
    i.code === 'too_big' || i.code === 'too_small' ? `${i.code}\u0000${formatPath(i.path)}` : null;
  const best = new Map<string, z.core.$ZodIssue>();
  for (const i of issues) {
    const k = bound(i);
    if (!k) continue;
    const prev = best.get(k);
    if (!prev) best.set(k, i);
    else if (i.code === 'too_big' && prev.code === 'too_big' && Number(i.maximum) < Number(prev.maximum))
      best.set(k, i);
    else if (i.code === 'too_small' && prev.code === 'too_small' && Number(i.minimum) > Number(prev.minimum))
      best.set(k, i);
  }
  // a value of the wrong type gets that one message, not also the bounds of the type it should have had
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
  return issues.filter((i) => {
    if (i.code !== 'invalid_type' && wrongType.has(formatPath(i.path))) return false;
    const k = bound(i);
    return !k || best.get(k) === i;
  });
}

function fromZod(error: z.ZodError, input: unknown, prefix: PropertyKey[] = []): LoadError[] {
  return tightest(error.issues).flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: formatPath([...prefix, ...i.path, k]), message: 'unknown field' }))
      : [{ path: formatPath([...prefix, ...i.path]), message: describe(i, input) }],
  );
}

/**
 * Parse text (a file, a share link, an autosave) into a document, or say precisely why not. `source` labels
 * the errors that concern the text as a whole: `(file)`, `(link)`.
 */
export function loadText(text: string, source: 'file' | 'link' = 'file'): LoadResult {
  const bytes = text.length > LIMITS.bytes / 3 ? new TextEncoder().encode(text).length : text.length * 3;
  if (bytes > LIMITS.bytes)
    return fail(
      `(${source})`,
      source === 'file'
        ? tooLarge(bytes)
        : `the document in the link is ${(bytes / 1048576).toFixed(1)} MB; documents are limited to ` +
            `${LIMITS.bytes / 1048576} MB`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`(${source})`, `not valid JSON: ${(e as Error).message}`);
  }
  return loadJson(json);
}

const fail = (path: string, message: string): LoadResult => ({ ok: false, errors: [{ path, message }] });

/** Validate an already-parsed value as a document. */
export function loadJson(json: unknown): LoadResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return fail('(root)', 'expected a JSON object');
  const shape = shapeErrors(json);
  if (shape.length) return { ok: false, errors: shape };
  const obj = json as Record<string, unknown>;
  if (typeof obj.format === 'string' && obj.format !== FORMAT && /^sagesim\/architecture@\d+$/.test(obj.format)) {
    return fail('format', `"${obj.format}" is a newer or unknown version; this SageSim reads "${FORMAT}"`);
  }
  if (Array.isArray(obj.nodes) && obj.nodes.length > LIMITS.nodes)
    return fail('nodes', `${obj.nodes.length} nodes; the limit is ${LIMITS.nodes}`);
  if (Array.isArray(obj.edges) && obj.edges.length > LIMITS.edges)
    return fail('edges', `${obj.edges.length} edges; the limit is ${LIMITS.edges}`);
  try {
    return validate(json);
  } catch (e) {
    // only values that no JSON text produces reach here (an object without a prototype where a number is due)
    return fail('(root)', `could not be validated: ${(e as Error).message}`);
  }
}

function validate(json: unknown): LoadResult {
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
  const groups = new Set(doc.nodes.filter((n) => n.kind === 'security-group').map((n) => n.id));
  doc.nodes.forEach((n, i) => {
    const ps = propsSchema(n.kind).safeParse(n.props ?? {});
    if (!ps.success) errors.push(...fromZod(ps.error, n.props, ['nodes', i, 'props']).map(renameUnknownProp(n.kind)));
    if (ps.success) for (const [prop, message] of nodeConstraints(n)) err(`nodes[${i}].props.${prop}`, message);
    if (ps.success) for (const [prop, message] of sgConstraints(n, groups)) err(`nodes[${i}].props.${prop}`, message);
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
    const alarms = (n.props?.deployment as { rollbackAlarms?: unknown } | null | undefined)?.rollbackAlarms;
    if (Array.isArray(alarms))
      alarms.forEach((a, j) => {
        if (typeof a !== 'string') return; // not an id at all: the schema says what it expected
        const target = byId.get(a);
        const path = `nodes[${i}].props.deployment.rollbackAlarms[${j}]`;
        if (!target) err(path, `no node with id "${a}"`);
        else if (target.kind !== 'cloudwatch') err(path, `"${a}" is a ${target.kind}; expected a cloudwatch alarm`);
      });
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
    else if (f.kind === 'update-weights') checkWeights(f.weights, doc.nodes[n.index], `faults[${i}].weights`, err);
  });
  checkTargetVariants(doc, byId, err);
  (doc.locked ?? []).forEach((id, i) => {
    if (!byId.has(id)) err(`locked[${i}]`, `no node with id "${id}"`);
  });
  checkStepCycles(doc, byId, err);
  if (doc.goal) checkGoal(doc.goal, err); // rule ids and states that exist, so the goal can both fail and pass
  checkScript(doc, byId, err);
  checkTeaching(doc, err);
  return errors;
}

/** The production (non-shadow) variants of a real-time endpoint node as written, with the catalog default. */
function productionVariants(node: ArchDoc['nodes'][number]): { name: string; weight: number }[] {
  const vs = (node.props?.variants ?? kindDef('realtime-endpoint').props.variants.default) as {
    name: string;
    weight: number;
    shadow?: boolean;
  }[];
  // a variant whose name is not a string is reported by the props check; it names no variant here
  return Array.isArray(vs) ? vs.filter((v) => v && typeof v.name === 'string' && !v.shadow) : [];
}

/** An update-weights action names production variants of its endpoint and leaves one of them a weight above 0. */
function checkWeights(weights: Record<string, number>, node: ArchDoc['nodes'][number], path: string, err: Err): void {
  const prod = productionVariants(node);
  const names = prod.map((v) => v.name);
  for (const name of Object.keys(weights))
    if (!names.includes(name))
      err(`${path}.${name}`, `endpoint ${node.id} has no production variant "${name}" (it has ${names.join(', ')})`);
  if (!prod.some((v) => (Object.hasOwn(weights, v.name) ? weights[v.name] : v.weight) > 0))
    err(path, 'at least one production variant needs a weight above 0 after the update');
}

/**
 * A client's targetVariant (the TargetVariant header) names a production variant of each real-time endpoint it calls.
 */
function checkTargetVariants(doc: ArchDoc, byId: Nodes, err: Err): void {
  for (const e of doc.edges ?? []) {
    const a = byId.get(e.from),
      b = byId.get(e.to);
    if (a?.kind !== 'client' || b?.kind !== 'realtime-endpoint') continue;
    const client = doc.nodes[a.index];
    const target = client.props?.targetVariant;
    if (typeof target !== 'string' || !target) continue;
    const names = productionVariants(doc.nodes[b.index]).map((v) => v.name);
    if (!names.includes(target))
      err(
        `nodes[${a.index}].props.targetVariant`,
        `endpoint ${e.to} has no production variant "${target}" (it has ${names.join(', ')})`,
      );
  }
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
 * A pipeline's steps form a directed acyclic graph: SageMaker refuses a definition whose steps depend on each
 * other in a loop (https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines-sdk.html). Each cycle is named once,
 * at the edge that closes it. Iterative, so a long chain of steps cannot overflow the stack.
 */
function checkStepCycles(doc: ArchDoc, byId: Nodes, err: Err): void {
  const isStep = (id: string) => {
    const n = byId.get(id);
    return (
      !!n && (STEP_KINDS as readonly string[]).includes(n.kind) && !!n.parent && byId.get(n.parent)?.kind === 'pipeline'
    );
  };
  const out = new Map<string, { to: string; index: number }[]>();
  (doc.edges ?? []).forEach((e, index) => {
    if (e.from === e.to || !isStep(e.from) || !isStep(e.to)) return;
    if (byId.get(e.from)!.parent !== byId.get(e.to)!.parent) return;
    const l = out.get(e.from);
    if (l) l.push({ to: e.to, index });
    else out.set(e.from, [{ to: e.to, index }]);
  });
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 1);
    while (path.length) {
      const id = path[path.length - 1];
      const succ = out.get(id) ?? [];
      const k = next[next.length - 1]++;
      if (k >= succ.length) {
        state.set(id, 2);
        path.pop();
        next.pop();
        continue;
      }
      const { to, index } = succ[k];
      const st = state.get(to);
      if (st === 1) {
        const loop = [...path.slice(path.indexOf(to)), to];
        err(
          `edges[${index}]`,
          `the steps of pipeline "${byId.get(to)!.parent}" form a cycle ${loop.join(' → ')}; a pipeline's ` +
            `steps are a directed acyclic graph, and SageMaker refuses this definition`,
        );
      } else if (st === undefined) {
        state.set(to, 1);
        path.push(to);
        next.push(0);
      }
    }
  }
}

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
  'model-update': ['realtime-endpoint'],
  'update-weights': ['realtime-endpoint'],
  'code-push': ['codepipeline'],
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

export { saveText } from './save';

registerLoad({ loadJson, loadText, formatErrors });
