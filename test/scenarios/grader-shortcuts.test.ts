/**
 * Issue 14's shortcuts through the teacher's grader (`--check --puzzle`, src/cli/check.ts), on EVERY shipped
 * puzzle rather than the few the review named: the submission's own goal, locks and palette are ignored;
 * deleting a locked node, changing a locked scenario prop, removing a locked connection or adding a kind
 * outside the palette fails with the reason; a wildcard role never passes a least-privilege goal, and adding
 * every VPC endpoint type never passes a puzzle that asks for only the endpoints its jobs use.
 */
import { describe, expect, it } from 'vitest';
import { kindDef } from '../../src/catalog/kinds';
import type { PropDef } from '../../src/catalog/types';
import { gradeSubmission } from '../../src/cli/check';
import { lockedEdges } from '../../src/model/puzzle';
import { formatErrors, loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { applySolution } from '../../src/model/solution';
import { effectiveProps } from '../../src/model/submission';
import { isLockedProp } from '../../src/model/puzzle';
import { loadPuzzle, puzzleFiles } from './catalog';

const puzzles = puzzleFiles().map(loadPuzzle);
const SERVICES = ['s3', 'ecr.api', 'ecr.dkr', 'sagemaker.api', 'sagemaker.runtime', 'logs', 'monitoring', 'sts', 'kms'];

/** The learner's file: the reference design, with the submission's own goal, locks and palette emptied. */
function solvedSubmission(p: ArchDoc): ArchDoc {
  return { ...structuredClone(applySolution(p, p.solution!)), goal: {}, locked: [], palette: undefined };
}
function grade(puzzle: ArchDoc, sub: ArchDoc) {
  const r = loadJson(sub);
  if (!r.ok) throw new Error(`the submission does not load:\n${formatErrors(r.errors)}`);
  return gradeSubmission(puzzle, r.doc).report.goal!;
}
/** Another valid value for a prop (null when none is easy to make). */
function otherValue(def: PropDef, v: unknown): unknown {
  switch (def.type) {
    case 'boolean':
      return !v;
    case 'enum':
      return def.options.find((o) => o !== v) ?? null;
    case 'number': {
      const n = typeof v === 'number' ? v : (def.min ?? 1);
      const up = n + (def.integer ? 1 : Math.max(1, Math.abs(n) * 0.5));
      return def.max === undefined || up <= def.max
        ? up
        : Math.max(def.min ?? 0, n - 1) !== n
          ? Math.max(def.min ?? 0, n - 1)
          : null;
    }
    default:
      return null;
  }
}

describe.each(puzzles.map((p) => [p.path, p.doc] as const))('%s through the grader', (_path, puzzle) => {
  it(
    'a correct design passes whatever goal, locks and palette the submission carries; the shipped one with an ' +
      'emptied goal fails',
    () => {
      expect(grade(puzzle, solvedSubmission(puzzle))).toEqual({ met: true, failed: [] });
      const shipped = { ...structuredClone(puzzle), goal: {}, locked: [], palette: undefined };
      expect(grade(puzzle, shipped).met).toBe(false);
    },
  );

  it('deleting any locked node from the solved design fails, naming it', () => {
    for (const id of puzzle.locked ?? []) {
      const sub = solvedSubmission(puzzle);
      const kind = sub.nodes.find((n) => n.id === id)!.kind;
      sub.nodes = sub.nodes.filter((n) => n.id !== id && n.parent !== id);
      sub.edges = (sub.edges ?? []).filter(
        (e) => sub.nodes.some((n) => n.id === e.from) && sub.nodes.some((n) => n.id === e.to),
      );
      const g = gradeSubmission(puzzle, { ...sub }).report.goal!;
      expect(g.met, id).toBe(false);
      expect(g.failed, id).toContain(`locked node ${id} (${kind}) was deleted`);
    }
  });

  it('changing any locked scenario prop of the solved design fails, naming it', () => {
    let tried = 0;
    for (const node of puzzle.nodes) {
      for (const [prop, def] of Object.entries(kindDef(node.kind).props)) {
        if (!isLockedProp(puzzle, node.id, prop)) continue;
        const sub = solvedSubmission(puzzle);
        const target = sub.nodes.find((n) => n.id === node.id)!;
        const value = otherValue(def, effectiveProps(target)[prop]);
        if (value === null) continue;
        target.props = { ...(target.props ?? {}), [prop]: value };
        const r = loadJson(sub);
        if (!r.ok) continue; // a value the kind refuses in this design (a bound that depends on another prop)
        const g = gradeSubmission(puzzle, r.doc).report.goal!;
        expect(g.met, `${node.id}.${prop} = ${JSON.stringify(value)}`).toBe(false);
        expect(g.failed.some((f) => f.startsWith(`locked scenario prop ${node.id}.${prop} was changed`))).toBe(true);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('removing any locked connection fails, naming it', () => {
    for (const e of lockedEdges(puzzle)) {
      const sub = solvedSubmission(puzzle);
      sub.edges = (sub.edges ?? []).filter((x) => !(x.from === e.from && x.to === e.to));
      const g = grade(puzzle, sub);
      expect(g.failed, `${e.from} → ${e.to}`).toContain(`locked connection ${e.from} → ${e.to} was removed`);
    }
  });

  it('adding a kind outside the palette fails', () => {
    if (!puzzle.palette) return;
    const outside = (['lambda', 'sns', 'macie'] as const).find((k) => !puzzle.palette!.includes(k))!;
    const sub = solvedSubmission(puzzle);
    sub.nodes.push({ id: 'extra-node', kind: outside });
    const r = loadJson(sub);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = gradeSubmission(puzzle, r.doc).report.goal!;
    expect(g.met).toBe(false);
    expect(g.failed.join('\n')).toMatch(/node extra-node is a .*, which the puzzle's palette does not offer/);
  });

  it('a wildcard role ("*" on "*") never passes a least-privilege goal, nor fixes the shipped design', () => {
    const roles = puzzle.nodes.filter((n) => n.kind === 'iam-role').map((n) => n.id);
    if (!roles.length) return;
    const star = (d: ArchDoc) => {
      for (const n of d.nodes)
        if (roles.includes(n.id)) n.props = { ...(n.props ?? {}), actions: ['*'], s3Resources: ['*'] };
      return d;
    };
    const shipped = star({ ...structuredClone(puzzle), goal: {} });
    expect(gradeSubmission(puzzle, shipped).report.goal!.met).toBe(false);
    if (puzzle.goal?.leastPrivilege) expect(grade(puzzle, star(solvedSubmission(puzzle))).met).toBe(false);
  });

  it('adding every VPC endpoint type never passes a puzzle that asks for only the endpoints its jobs use', () => {
    const subnets = puzzle.nodes.filter((n) => n.kind === 'subnet').map((n) => n.id);
    if (!subnets.length || !puzzle.goal?.noUnneededEndpoints) return;
    const sub = solvedSubmission(puzzle);
    for (const parent of subnets) {
      const have = new Set(
        sub.nodes.filter((n) => n.kind === 'vpc-endpoint' && n.parent === parent).map((n) => n.props?.service ?? 's3'),
      );
      for (const s of SERVICES)
        if (!have.has(s))
          sub.nodes.push({
            id: `all-${parent}-${s.replace('.', '-')}`,
            kind: 'vpc-endpoint',
            parent,
            props: { service: s },
          });
    }
    const g = grade(puzzle, sub);
    expect(g.met).toBe(false);
    expect(g.failed.join('\n')).toMatch(/ is not needed: nothing in /);
  });
});
