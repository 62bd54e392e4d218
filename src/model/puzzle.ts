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
import { RULE_INDEX } from '../catalog/rule-index';
import type { Domain } from '../catalog/types';
import { forbiddenRules, goalNodes } from './goals';
import { variableErrors } from './variants';
import { type ArchDoc, type Fault, faultSchema } from './schema';
import { countChanges } from './solution';
import { DOMAIN_NAMES } from './domains';

export { isLockedProp, lockedEdges, puzzleRefusal } from './locks';
export { diffSolution, emptySolution } from './diff';
export { DOMAIN_NAMES } from './domains';

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
          `script fault ${i} (${JSON.stringify(s.fault)}) is not a fault: ` +
            `${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
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

export { type Criterion, goalCriteria } from './goals';
