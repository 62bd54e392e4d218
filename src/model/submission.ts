/**
 * Grading a learner's design against the teacher's copy of a puzzle (format.md section 7, `--check
 * --puzzle`): the puzzle decides the goal, the locks and the palette; the submission only contributes
 * its design. Pure functions over documents, shared by the runner and the page.
 */
import { defaultProps, kindDef } from '../catalog/kinds';
import { isLockedProp, lockedEdges } from './puzzle';
import type { ArchDoc, ArchNode } from './schema';

/** The props of a node with every default filled in (so that `{}` and a prop written at its default agree). */
export function effectiveProps(n: ArchNode): Record<string, unknown> {
  return { ...defaultProps(n.kind), ...(n.props ?? {}) };
}

const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));
const edgeKey = (e: { from: string; to: string }) => `${e.from}\u0000${e.to}`;

/**
 * What a submission changed that the puzzle forbids, one sentence each (empty when it keeps to the rules):
 * a locked node deleted, re-kinded or re-parented; a locked scenario prop changed; a locked connection
 * removed; a node of a kind outside the palette added.
 */
export function lockViolations(puzzle: ArchDoc, submission: ArchDoc): string[] {
  const out: string[] = [];
  const mine = new Map(submission.nodes.map((n) => [n.id, n]));
  const theirs = new Map(puzzle.nodes.map((n) => [n.id, n]));
  for (const id of puzzle.locked ?? []) {
    const want = theirs.get(id);
    const got = mine.get(id);
    if (!want) continue;
    if (!got) {
      out.push(`locked node ${id} (${want.kind}) was deleted`);
      continue;
    }
    if (got.kind !== want.kind) {
      out.push(`locked node ${id} was replaced: it is a ${got.kind}, the puzzle's is a ${want.kind}`);
      continue;
    }
    if ((got.parent ?? null) !== (want.parent ?? null))
      out.push(
        `locked node ${id} was moved from ${want.parent ?? 'the top level'} to ${got.parent ?? 'the top level'}`,
      );
  }
  const scenario = { ...puzzle, mode: 'puzzle' as const };
  for (const want of puzzle.nodes) {
    const got = mine.get(want.id);
    if (!got || got.kind !== want.kind) continue;
    const a = effectiveProps(want),
      b = effectiveProps(got);
    for (const prop of Object.keys(kindDef(want.kind).props)) {
      if (!isLockedProp(scenario, want.id, prop)) continue;
      if (JSON.stringify(a[prop]) !== JSON.stringify(b[prop]))
        out.push(`locked scenario prop ${want.id}.${prop} was changed from ${show(a[prop])} to ${show(b[prop])}`);
    }
  }
  const has = new Set((submission.edges ?? []).map(edgeKey));
  for (const e of lockedEdges(puzzle)) {
    if (!has.has(edgeKey(e))) out.push(`locked connection ${e.from} → ${e.to} was removed`);
  }
  if (puzzle.palette) {
    for (const n of submission.nodes) {
      const before = theirs.get(n.id);
      if (before && before.kind === n.kind) continue;
      if (!puzzle.palette.includes(n.kind))
        out.push(
          `node ${n.id} is a ${n.kind}, which the puzzle's palette does not offer (it offers ` +
            `${puzzle.palette.length ? puzzle.palette.join(', ') : 'nothing'})`,
        );
    }
  }
  return out;
}

/**
 * The document to run when grading `submission` against `puzzle`: the submission's nodes and edges with the
 * puzzle's goal, locks, palette, seed, duration, budgets (a story's budget is part of the scenario) and faults (the
 * scenario's traffic and events; faults on
 * nodes the submission no longer has are dropped — the lock check reports those). The submission's own
 * goal, locked, palette, lockedProps, solution and rulebook are ignored (the puzzle's rulebook applies).
 */
export function gradedDocument(puzzle: ArchDoc, submission: ArchDoc): ArchDoc {
  const ids = new Set(submission.nodes.map((n) => n.id));
  const { rulebook: _own, ...design } = submission;
  const rulebook = puzzle.rulebook;
  return {
    ...design,
    ...(rulebook === undefined ? {} : { rulebook }),
    mode: 'puzzle',
    goal: puzzle.goal,
    locked: puzzle.locked,
    lockedProps: puzzle.lockedProps,
    palette: puzzle.palette,
    seed: puzzle.seed,
    durationSec: puzzle.durationSec,
    budgets: puzzle.budgets,
    faults: (puzzle.faults ?? []).filter((f) => ids.has(f.node)),
    solution: undefined,
    variables: undefined,
  };
}
