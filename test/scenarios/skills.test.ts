/**
 * Exam coverage (issues 16 and 17): the shipped puzzles and demos together name at least 90% of the exam guide's
 * 70 "Skills in" ids, and each id they name exists in the guide. The ids are counted from the model's table of the
 * guide (src/model/skills.ts), which test/docs checks against shared/spec/exam-skills.md.
 */
import { describe, expect, it } from 'vitest';
import { SKILL_COUNTS } from '../../src/model/skills';
import { demoFiles, loadDemo, loadPuzzle, puzzleFiles } from './catalog';

const ALL_SKILLS = Object.entries(SKILL_COUNTS).flatMap(([task, c]) =>
  Array.from({ length: c.S }, (_, i) => `S${task}.${i + 1}`),
);

function named(): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const s of [...puzzleFiles().map(loadPuzzle), ...demoFiles().map(loadDemo)]) {
    for (const id of (s.doc as { skills?: string[] }).skills ?? []) by.set(id, [...(by.get(id) ?? []), s.path]);
  }
  return by;
}

describe('puzzles and demos cover the exam guide', () => {
  const by = named();

  it('the guide has 70 skill ids', () => {
    expect(ALL_SKILLS).toHaveLength(70);
  });

  it('at least 90% of the skill ids are named by a puzzle or demo', () => {
    const missing = ALL_SKILLS.filter((id) => !by.has(id));
    const share = (ALL_SKILLS.length - missing.length) / ALL_SKILLS.length;
    expect(share, `skills no content names: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('each domain has at least 80% of its skill ids named', () => {
    for (const d of ['1', '2', '3', '4']) {
      const ids = ALL_SKILLS.filter((id) => id.startsWith(`S${d}.`));
      const missing = ids.filter((id) => !by.has(id));
      expect(
        (ids.length - missing.length) / ids.length,
        `domain ${d} misses ${missing.join(', ')}`,
      ).toBeGreaterThanOrEqual(0.8);
    }
  });
});
