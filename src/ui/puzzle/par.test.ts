import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../model/load';
import { applySolution } from '../../model/solution';
import type { ArchDoc } from '../../model/schema';
import { parScore } from './Debrief';

const load = (path: string): ArchDoc => {
  const r = loadText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(path);
  return r.doc;
};
const capstone = load('scenarios/puzzles/d4/15-incident-monday-morning.json');

describe('parScore (the capstone debrief)', () => {
  it('counts the reference solution as par', () => {
    const s = parScore(capstone, applySolution(capstone, capstone.solution!))!;
    expect(s).toMatchObject({ par: 3, made: 3 });
    expect(s.words).toMatch(/par\.$/);
  });

  it('counts every extra change the learner made', () => {
    const extra = applySolution(capstone, {
      ...capstone.solution!,
      setProps: { ...capstone.solution!.setProps, ep: { dataCapture: true, instanceCount: 2 } },
    });
    const s = parScore(capstone, extra)!;
    expect(s.made).toBe(4);
    expect(s.words).toContain('1 more than the fewest');
  });

  it('is null for a puzzle without a par', () => {
    const plain = load('scenarios/puzzles/d4/14-denied-whatever-the-role-says.json');
    expect(parScore(plain, plain)).toBeNull();
  });
});
