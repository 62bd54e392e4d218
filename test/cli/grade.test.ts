/**
 * The teacher's grader (format.md section 7): `sim SUBMISSION --check --puzzle PUZZLE` grades with the
 * puzzle's goal, locks and palette, ignoring the submission's own; `npm run grade` prints a CSV row per
 * submission, unreadable ones included.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as sim } from '../../src/cli/sim';
import { main as grade, csvField } from '../../src/cli/grade';
import { capture } from './capture';
import { applySolution } from '../../src/model/solution';
import type { ArchDoc } from '../../src/model/schema';

const ROOT = new URL('../..', import.meta.url).pathname;
const PUZZLE = join(ROOT, 'scenarios/puzzles/d4/04-no-route-to-ecr.json');
const puzzle = JSON.parse(readFileSync(PUZZLE, 'utf8')) as ArchDoc;
const dir = mkdtempSync(join(tmpdir(), 'sagesim-grade-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
/** The solved design, with the submission's own goal and locks emptied (a learner's attempt to cheat). */
const solved = (): ArchDoc => ({
  ...applySolution(puzzle, puzzle.solution!),
  goal: {},
  locked: [],
  palette: undefined,
  solution: undefined,
});
const check = (sub: unknown, ...more: string[]) => {
  const r = capture(sim, [
    file(`s${Math.random().toString(36).slice(2)}.json`, sub),
    '--check',
    '--puzzle',
    PUZZLE,
    '--json',
    ...more,
  ]);
  return { ...r, goal: r.out ? JSON.parse(r.out).goal : undefined };
};

describe('sim --check --puzzle', () => {
  it('passes a correct design whatever goal and locks the submission carries', () => {
    const r = check(solved());
    expect(r.goal).toEqual({ met: true, failed: [] });
    expect(r.code).toBe(0);
  });

  it("grades with the teacher's goal: the shipped design fails even though its own goal is emptied", () => {
    const r = check({ ...puzzle, goal: {} });
    expect(r.code).toBe(3);
    expect(r.goal.failed.join('\n')).toMatch(/ecr-pull-blocked/);
  });

  it("runs under the puzzle's rulebook, not the submission's; the grader's --rulebook overrides it", () => {
    const sub = { ...puzzle, rulebook: 'aws' };
    const own = capture(sim, [file('rb.json', sub), '--check', '--puzzle', PUZZLE, '--json']);
    expect(JSON.parse(own.out).rulebook).toBe('sheet');
    expect(own.code).toBe(3);
    const flag = capture(sim, [file('rb2.json', puzzle), '--check', '--puzzle', PUZZLE, '--json', '--rulebook', 'aws']);
    const r = JSON.parse(flag.out);
    expect(r.rulebook).toBe('aws');
    // under the AWS docs, image pulls take the platform path: the blocked pull the sheet teaches does not happen
    expect(r.incidents.map((i: { rule: string }) => i.rule)).not.toContain('ecr-pull-blocked');
  });

  it('deleting a locked node fails (exit 3) with the reason', () => {
    const sub = solved();
    sub.nodes = sub.nodes.filter((n) => n.id !== 'vpce-logs');
    const r = check(sub);
    expect(r.code).toBe(3);
    expect(r.goal.failed).toContain('locked node vpce-logs (vpc-endpoint) was deleted');
  });

  it('re-parenting a locked node fails', () => {
    const sub = solved();
    sub.nodes = sub.nodes.map((n) => (n.id === 'train' ? { ...n, parent: undefined } : n));
    const r = check(sub);
    expect(r.code).toBe(3);
    expect(r.goal.failed).toContain('locked node train was moved from priv to the top level');
  });

  it('changing a locked scenario prop fails (a NAT route instead of endpoints)', () => {
    const sub = structuredClone(puzzle);
    sub.nodes.find((n) => n.id === 'priv')!.props = { access: 'private-with-nat' };
    const r = check(sub);
    expect(r.code).toBe(3);
    expect(r.goal.failed).toContain(
      'locked scenario prop priv.access was changed from "private" to "private-with-nat"',
    );
  });

  it('writing a locked prop out at its default value is no change', () => {
    const sub = solved();
    sub.nodes = sub.nodes.map((n) => (n.id === 'train' ? { ...n, props: { ...n.props, instanceCount: 1 } } : n));
    expect(check(sub).code).toBe(0);
  });

  it('removing a locked connection fails', () => {
    const sub = solved();
    sub.edges = sub.edges!.filter((e) => !(e.from === 'data' && e.to === 'train'));
    const r = check(sub);
    expect(r.code).toBe(3);
    expect(r.goal.failed).toContain('locked connection data → train was removed');
  });

  it('adding a kind outside the palette fails', () => {
    const sub = solved();
    sub.nodes.push({ id: 'fn', kind: 'lambda' });
    const r = check(sub);
    expect(r.code).toBe(3);
    expect(r.goal.failed.join('\n')).toMatch(/node fn is a lambda, which the puzzle's palette does not offer/);
  });

  it('refuses a puzzle that cannot be loaded or has no goal (exit 2)', () => {
    const sub = file('ok.json', solved());
    expect(capture(sim, [sub, '--check', '--puzzle', join(dir, 'missing.json')]).code).toBe(2);
    const noGoal = file('nogoal.json', { ...puzzle, goal: undefined });
    const r = capture(sim, [sub, '--check', '--puzzle', noGoal]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has no "goal"/);
    expect(capture(sim, [sub, '--puzzle', PUZZLE]).err).toMatch(/use it with --check/);
  });

  it('--variant N builds the variant: each fails as shipped and passes with its reference', () => {
    const varied = join(ROOT, 'scenarios/puzzles/d1/01-volume-too-small.json');
    for (const v of ['0', '1', '2']) {
      const shipped = capture(sim, [varied, '--variant', v, '--check', '--json']);
      expect(shipped.code, `variant ${v}`).toBe(3);
      expect(capture(sim, [varied, '--variant', v, '--apply-solution', '--check']).code, `variant ${v}`).toBe(0);
    }
    const r = capture(sim, [varied, '--variant', '2', '--json']);
    expect(JSON.parse(r.out).incidents[0].message).toMatch(/downloading 120 GB to a 30 GB volume/);
    expect(capture(sim, [varied, '--variant', '1.5']).code).toBe(2);
  });

  it('--check --puzzle grades against the variant the submission records (or --variant)', () => {
    const varied = join(ROOT, 'scenarios/puzzles/d1/01-volume-too-small.json');
    const base = JSON.parse(readFileSync(varied, 'utf8')) as ArchDoc;
    // variant 2's data is 120 GB: a 100 GB volume is enough for variant 0 (60 GB) but not for variant 2
    const sub = structuredClone(base);
    sub.nodes.find((n) => n.id === 'train')!.props!.volumeGB = 100;
    sub.nodes.find((n) => n.id === 'history')!.props!.datasetGB = 120;
    const f = file('variant2.json', { ...sub, attempt: { variant: 2 } });
    const recorded = capture(sim, [f, '--check', '--puzzle', varied, '--json']);
    expect(recorded.code).toBe(3);
    expect(JSON.parse(recorded.out).goal.failed.join('\n')).toMatch(/file-mode-disk-full/);
    const asVariant0 = capture(sim, [f, '--check', '--puzzle', varied, '--variant', '0', '--json']);
    expect(JSON.parse(asVariant0.out).goal.failed[0]).toBe(
      'locked scenario prop history.datasetGB was changed from 60 to 120',
    );
  });

  it('--variant on a file without variables other than 0 is refused', () => {
    const r = capture(sim, [PUZZLE, '--variant', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/declares no variables/);
  });
});

describe('npm run grade', () => {
  const cls = join(dir, 'class');
  const good = solved();
  file('class/ada.json', {
    ...good,
    attempt: { learner: 'Ada', hints: 2, solutionShown: false, timeSpentSec: 412.6, answers: [0, 1] },
  });
  file('class/bob.json', { ...puzzle, attempt: { learner: 'Bob', hints: 3, solutionShown: true } });
  file('class/carl.json', '{ "format": "sagesim/architecture@1", "nodes": [ ');
  file('class/notes.txt', 'ignored: not a .json file');

  it('prints the header and one row per submission, an unreadable file included, in path order', () => {
    const r = capture(grade, ['--puzzle', PUZZLE, cls, join(dir, 'nobody.json')]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0].startsWith('file,met,failed,hints,solutionShown,variant')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/class\/ada\.json,true,,2,false,,Ada,413,/);
    expect(lines[2]).toMatch(/class\/bob\.json,false,.*ecr-pull-blocked.*,3,true,,Bob,/);
    expect(lines[3]).toMatch(/class\/carl\.json,false,.*could not be loaded/);
    expect(lines[4]).toMatch(/nobody\.json,false,cannot read submission .*no such file/);
  });

  it('refuses a missing --puzzle or no submissions (exit 2), never printing a half CSV', () => {
    expect(capture(grade, [cls]).code).toBe(2);
    const r = capture(grade, ['--puzzle', PUZZLE]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(3)).toBe('3');
    expect(csvField(undefined)).toBe('');
  });

  it('works through npm run --silent grade (the real command)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'grade', '--', '--puzzle', PUZZLE, join(cls, 'ada.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/ada\.json,true,/);
  });
});
