/**
 * Puzzles and demos as data (format.md section 6): which rule a puzzle teaches, the checks every
 * shipped puzzle and demo must pass, their order, and the README index of the shipped puzzles.
 * Pure functions over documents; no file system (the tests and the UI read the files).
 *
 * Decision on demo faults: a demo's `script[].fault` is narration of a fault that is ALSO listed in
 * the document's `faults`, the one source of what happens in the run. So the CLI, the worker and a
 * presenter replay the same run, and the presenter only pauses and narrates at `atSec`; it never
 * injects a script fault itself. `checkDemo` refuses a script fault with no identical `faults` entry,
 * and `demoFaults` reads the script's faults (validated) to compare them.
 */
import { defaultProps, kindDef, propsByName } from '../catalog/kinds';
import { RULE_INDEX } from '../catalog/rule-index';
import type { Domain, Kind } from '../catalog/types';
import { forbiddenRules, goalNodes } from './goals';
import { isInside } from './layout';
import { variableErrors } from './variants';
import { type ArchDoc, type ArchEdge, type ArchNode, type Fault, type Solution, faultSchema } from './schema';
import { hasOwn, own } from './own';
import { countChanges } from './solution';

/** Exam domains, in order, with their names. */
export const DOMAIN_NAMES: Readonly<Record<Domain, string>> = {
  D1: 'Data preparation',
  D2: 'Model development',
  D3: 'Deployment and orchestration',
  D4: 'Monitoring and security',
};

/** Fewest shipped puzzles per domain (the exam's weights, issue 8). */
export const DOMAIN_MINIMUMS: Readonly<Record<Domain, number>> = { D1: 7, D2: 6, D3: 5, D4: 6 };

/**
 * The rule a puzzle teaches: the one rule id its goal forbids (`noIncidents` ∪ `noFindings`), or null
 * when the goal forbids none or several. Other goal keys (states, served requests, cost, incidents that
 * must happen such as a drift the monitor must catch) only make the goal strict.
 */
export function puzzleRule(doc: ArchDoc): string | null {
  const ids = forbiddenRules(doc.goal);
  return ids.length === 1 ? ids[0] : null;
}

/** A capstone incident (issue 17): several faults at once, graded with a `par`; its goal forbids each fault's rule. */
export const isCapstone = (doc: ArchDoc): boolean => doc.par !== undefined;

/** The rules a puzzle teaches: its one rule, or every rule a capstone's goal forbids (empty when none fits). */
export function puzzleRules(doc: ArchDoc): string[] {
  if (isCapstone(doc)) return forbiddenRules(doc.goal);
  const rule = puzzleRule(doc);
  return rule ? [rule] : [];
}

/** The position of a puzzle in its domain, from its file name `NN-slug.json` (NaN when missing). */
export function puzzleOrder(fileName: string): number {
  const m = /(?:^|\/)(\d+)-[^/]*\.json$/.exec(fileName);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * Edges the player may not remove: between two locked nodes, unless the reference solution removes
 * them. (A goal cannot see how much data a job read, so cutting a locked bucket from its locked job
 * would otherwise "fix" a data puzzle; the lock is what forbids that.)
 */
export function lockedEdges(doc: ArchDoc): ArchEdge[] {
  const locked = new Set(doc.locked ?? []);
  const removed = new Set((doc.solution?.removeEdges ?? []).map((e) => `${e.from}\u0000${e.to}`));
  return (doc.edges ?? []).filter(
    (e) => locked.has(e.from) && locked.has(e.to) && !removed.has(`${e.from}\u0000${e.to}`),
  );
}

/**
 * Whether a prop of a node is part of the puzzle's scenario (the player may not change it): a prop the
 * puzzle's `lockedProps` lists for the node; for a locked node `lockedProps` does not list, every prop
 * but those the reference solution sets (v1). Outside puzzle mode nothing is locked.
 */
export function isLockedProp(doc: ArchDoc, id: string, prop: string): boolean {
  if (doc.mode !== 'puzzle') return false;
  const listed = own(doc.lockedProps, id);
  if (listed) return listed.includes(prop);
  if (!(doc.locked ?? []).includes(id)) return false;
  return !hasOwn(own(doc.solution?.setProps, id), prop);
}

/** Problems with a puzzle's metadata (empty when it is well formed). Running it is the test's job. */
export function checkPuzzle(doc: ArchDoc): string[] {
  const out: string[] = [];
  const ids = new Set(doc.nodes.map((n) => n.id));
  if (doc.mode !== 'puzzle') out.push('mode must be "puzzle"');
  if (!doc.domain) out.push('no domain');
  if (!doc.title) out.push('no title');
  if (!doc.story || doc.story.length < 80) out.push('no story (a team, a symptom, a deadline)');
  if (doc.seed === undefined) out.push('no seed');
  if (doc.durationSec === undefined) out.push('no durationSec');
  if (doc.hints?.length !== 3) out.push(`${doc.hints?.length ?? 0} hints, not 3`);
  if (!doc.goal) out.push('no goal');
  if (!doc.solution) out.push('no solution');
  if (!doc.locked?.length) out.push('no locked nodes');
  const rules = puzzleRules(doc);
  if (isCapstone(doc)) {
    if (rules.length < 2) out.push('a capstone (with a par) must forbid at least two rules: one per fault');
    const n = doc.solution ? countChanges(doc.solution) : 0;
    if (doc.solution && n !== doc.par) out.push(`par ${doc.par}, but the reference solution makes ${n} changes`);
    if (doc.domain && !rules.some((r) => RULE_INDEX.get(r)?.domain === doc.domain))
      out.push(`none of the capstone's rules is in its domain ${doc.domain}`);
  } else if (!rules.length)
    out.push('the goal must forbid exactly one rule (noIncidents / noFindings): the rule the puzzle teaches');
  for (const rule of rules) {
    const def = RULE_INDEX.get(rule);
    if (!def) out.push(`unknown rule ${rule}`);
    // a capstone's faults may come from other domains (checked above: at least one is its own)
    else if (doc.domain && def.domain !== doc.domain && !isCapstone(doc))
      out.push(`rule ${rule} is in ${def.domain}, the puzzle in ${doc.domain}`);
    if (doc.story?.includes(rule) || doc.hints?.some((h) => h.includes(rule)))
      out.push(`the story or a hint names the rule id ${rule}`);
  }
  if (!doc.goal?.nodeStates || !Object.keys(doc.goal.nodeStates).length) out.push('the goal names no node state');
  for (const id of doc.locked ?? []) if (!ids.has(id)) out.push(`locked node ${id} does not exist`);
  for (const id of goalNodes(doc.goal)) {
    if (!ids.has(id)) out.push(`the goal names ${id}, which is not in the puzzle as shipped`);
  }
  const s = doc.solution;
  const locked = new Set(doc.locked ?? []);
  for (const id of s?.removeNodes ?? []) if (locked.has(id)) out.push(`the solution removes locked node ${id}`);
  for (const [id, parent] of Object.entries(s?.setParent ?? {}))
    if (locked.has(id)) out.push(`the solution moves locked node ${id} to ${parent}`);
  for (const [path, message] of variableErrors(doc)) out.push(`${path}: ${message}`);
  if (doc.palette) {
    for (const n of s?.addNodes ?? [])
      if (!doc.palette.includes(n.kind)) out.push(`the solution adds a ${n.kind}, which the palette does not offer`);
  }
  return out;
}

/** The faults a demo's script narrates, validated (a step's fault without `atSec` takes the step's). */
export function demoFaults(doc: ArchDoc): Fault[] {
  return (doc.script ?? [])
    .filter((s) => s.fault)
    .map((s, i) => {
      const r = faultSchema.safeParse({ atSec: s.atSec, ...s.fault });
      if (!r.success)
        throw new Error(
          `script fault ${i} (${JSON.stringify(s.fault)}) is not a fault: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        );
      return r.data;
    });
}

const sameFault = (a: Fault, b: Fault) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Problems with a demo (empty when it is well formed): a narrated script whose faults are real. */
export function checkDemo(doc: ArchDoc): string[] {
  const out: string[] = [];
  const ids = new Set(doc.nodes.map((n) => n.id));
  if (doc.mode !== 'demo') out.push('mode must be "demo"');
  if (!doc.title) out.push('no title');
  const script = doc.script ?? [];
  if (script.length < 4) out.push('a demo needs a script of at least 4 steps');
  if (!script.some((s) => s.ask)) out.push('no step asks the class "what happens next?"');
  if (!doc.skills?.length) out.push('no skills (exam-skills.md ids)');
  for (const s of script) {
    if (s.ask && (!s.options || s.options.length < 3 || s.options.length > 4 || s.answer === undefined))
      out.push(`the question at ${s.atSec} s needs 3–4 options and an answer (a show of hands)`);
  }
  for (let i = 1; i < script.length; i++)
    if (script[i].atSec < script[i - 1].atSec) out.push(`script step ${i} goes back in time`);
  for (const s of script) {
    if (s.focus && !ids.has(s.focus)) out.push(`a step focuses ${s.focus}, which is not in the demo`);
    if (!s.say && !s.ask && !s.fault) out.push(`the step at ${s.atSec} s says nothing`);
    if (s.atSec > (doc.durationSec ?? 3600)) out.push(`the step at ${s.atSec} s is after the run ends`);
  }
  let faults: Fault[] = [];
  try {
    faults = demoFaults(doc);
  } catch (e) {
    out.push((e as Error).message);
  }
  for (const f of faults) {
    if (!(doc.faults ?? []).some((g) => sameFault(f, g)))
      out.push(`script fault ${f.kind} on ${f.node} at ${f.atSec} s is not in faults`);
  }
  return out;
}

/** One shipped puzzle, for the index. */
export interface PuzzleEntry {
  file: string;
  domain: Domain;
  order: number;
  title: string;
  rule: string;
}

/** The README of scenarios/puzzles: every puzzle by domain and order, with the rule it teaches. */
export function renderPuzzleIndex(entries: readonly PuzzleEntry[]): string {
  const lines = [
    '# Puzzles',
    '',
    'Broken architectures to fix, one rule of the cheat sheet each (format.md section 6). Within a domain',
    'they go from easy to hard. `test/scenarios/puzzles.test.ts` proves every file: it fails its goal as',
    'shipped, meets it with its `solution`, shows its rule, and deleting a locked node does not pass.',
    'This index is checked by that test; regenerate it with',
    '`npx tsx -e "import(\'./test/scenarios/catalog.ts\').then((m) => m.writeIndex())"`.',
    '',
  ];
  for (const d of Object.keys(DOMAIN_NAMES) as Domain[]) {
    const list = entries.filter((e) => e.domain === d).sort((a, b) => a.order - b.order);
    lines.push(
      `## ${d} · ${DOMAIN_NAMES[d]} (${list.length})`,
      '',
      '| # | puzzle | rule | file |',
      '|---|---|---|---|',
    );
    for (const e of list) lines.push(`| ${e.order} | ${e.title} | \`${e.rule}\` | [${e.file}](${e.file}) |`);
    lines.push('');
  }
  return lines.join('\n');
}

/* ---------------- making puzzles, checklists and the puzzle guard (the app's puzzle mode) ---------------- */

const edgeKey = (e: { from: string; to: string }) => `${e.from}\u0000${e.to}`;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The reference solution that turns `broken` into `fixed` (what a puzzle author built): nodes added and
 * removed, props set, parents changed, edges added and removed. A prop the fixed design dropped is
 * set to null when the prop may be null, else to its default (the same design, written out).
 * Positions, labels and sizes are not part of a solution. `applySolution(broken, diffSolution(broken, fixed))`
 * gives `fixed` up to those and to props written at their defaults.
 */
export function diffSolution(broken: ArchDoc, fixed: ArchDoc): Solution {
  const before = new Map(broken.nodes.map((n) => [n.id, n]));
  const after = new Map(fixed.nodes.map((n) => [n.id, n]));
  const s: Solution = {};
  const removeNodes = broken.nodes.filter((n) => !after.has(n.id)).map((n) => n.id);
  const addNodes = fixed.nodes
    .filter((n) => !before.has(n.id) || before.get(n.id)!.kind !== n.kind)
    .map((n) => structuredClone(n));
  for (const n of fixed.nodes) if (before.has(n.id) && before.get(n.id)!.kind !== n.kind) removeNodes.push(n.id);
  const gone = new Set(removeNodes);
  const setProps: Record<string, Record<string, unknown>> = {};
  const setParent: Record<string, string | null> = {};
  for (const b of broken.nodes) {
    const f = after.get(b.id);
    if (!f || gone.has(b.id)) continue;
    const changed: Record<string, unknown> = {};
    const bp = b.props ?? {},
      fp = f.props ?? {};
    for (const [k, v] of Object.entries(fp)) if (!sameJson(bp[k], v)) changed[k] = structuredClone(v);
    for (const k of Object.keys(bp)) if (!(k in fp)) changed[k] = droppedValue(f.kind, k);
    if (Object.keys(changed).length) setProps[b.id] = changed;
    if ((b.parent ?? null) !== (f.parent ?? null)) setParent[b.id] = f.parent ?? null;
  }
  const had = new Set((broken.edges ?? []).filter((e) => !gone.has(e.from) && !gone.has(e.to)).map(edgeKey));
  const has = new Set((fixed.edges ?? []).map(edgeKey));
  const removeEdges = (broken.edges ?? [])
    .filter((e) => !gone.has(e.from) && !gone.has(e.to) && !has.has(edgeKey(e)))
    .map((e) => ({ from: e.from, to: e.to }));
  const addEdges = (fixed.edges ?? []).filter((e) => !had.has(edgeKey(e))).map((e) => ({ from: e.from, to: e.to }));
  if (addNodes.length) s.addNodes = addNodes;
  if (addEdges.length) s.addEdges = addEdges;
  if (Object.keys(setProps).length) s.setProps = setProps;
  if (Object.keys(setParent).length) s.setParent = setParent;
  if (removeNodes.length) s.removeNodes = removeNodes;
  if (removeEdges.length) s.removeEdges = removeEdges;
  return s;
}

function droppedValue(kind: Kind, prop: string): unknown {
  const def = kindDef(kind).props[prop];
  if (!def) return null;
  if (def.type === 'ref' || ('nullable' in def && def.nullable)) return null;
  const d = propsByName(defaultProps(kind))[prop];
  return d === undefined ? null : structuredClone(d);
}

/** True when a solution changes nothing. */
export const emptySolution = (s: Solution): boolean =>
  Object.values(s).every((v) => !v || (Array.isArray(v) ? !v.length : !Object.keys(v).length));

export { type Criterion, goalCriteria } from './goals';

/**
 * Why the puzzle forbids a command (null when it allows it), beyond what the commands refuse themselves
 * (deleting or moving a locked node out of its parent): adding a kind the palette does not offer,
 * deleting a container that holds a locked node, removing a connection `lockedEdges` keeps.
 */
export function puzzleRefusal(doc: ArchDoc, command: string, args: unknown): string | null {
  const a = (args ?? {}) as Record<string, unknown>;
  const palette = doc.palette;
  const offer = () => (palette!.length ? palette!.map((k) => kindDef(k).label).join(', ') : 'nothing');
  const notOffered = (kinds: Kind[]) => kinds.find((k) => !palette!.includes(k));
  if (palette && command === 'addNode') {
    const k = a.kind as Kind;
    if (!palette.includes(k))
      return `This puzzle's palette offers only: ${offer()}. ${kindDef(k).label} is not part of the fix.`;
  }
  if (palette && (command === 'paste' || command === 'duplicate')) {
    const kinds =
      command === 'paste'
        ? ((a.fragment as { nodes?: ArchNode[] })?.nodes ?? []).map((n) => n.kind)
        : doc.nodes.filter((n) => ((a.ids as string[]) ?? []).some((id) => isInside(doc, n.id, id))).map((n) => n.kind);
    const k = notOffered(kinds);
    if (k) return `This puzzle's palette offers only: ${offer()}. ${kindDef(k).label} is not part of the fix.`;
  }
  const locked = new Set(doc.locked ?? []);
  if (command === 'removeNodes' && locked.size) {
    for (const id of (a.ids as string[]) ?? []) {
      if (locked.has(id)) return `"${id}" is locked by the puzzle.`;
      const inner = doc.nodes.find((n) => n.id !== id && locked.has(n.id) && isInside(doc, n.id, id));
      if (inner) return `"${id}" holds "${inner.id}", which is locked by the puzzle.`;
    }
  }
  if (command === 'setProp' && doc.mode === 'puzzle') {
    const id = a.id as string,
      name = a.name as string;
    if (isLockedProp(doc, id, name)) {
      const n = doc.nodes.find((x) => x.id === id);
      const def = n ? kindDef(n.kind) : null;
      const what = def?.props[name]?.label ?? name;
      return `${n?.label ?? id}'s ${what.toLowerCase()} is part of the puzzle's scenario and stays as it is: the fix is elsewhere.`;
    }
  }
  if (command === 'disconnect' && locked.size) {
    const keep = new Set(lockedEdges(doc).map(edgeKey));
    const e = ((a.edges as { from: string; to: string }[]) ?? []).find((x) => keep.has(edgeKey(x)));
    if (e) return `The connection ${e.from} → ${e.to} is locked by the puzzle: the fix is elsewhere.`;
  }
  return null;
}
