import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, markSolved, readProgress } from './progress';

const mem = (init: Record<string, string> = {}) => {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('puzzle progress', () => {
  it('starts empty and keeps what was solved', () => {
    const s = mem();
    expect(readProgress(s)).toEqual({});
    markSolved(s, 'd1/01-a.json', false, 0);
    markSolved(s, 'd2/03-b.json', true, 1000);
    expect(readProgress(s)).toEqual({
      'd1/01-a.json': { solvedAt: '1970-01-01T00:00:00.000Z' },
      'd2/03-b.json': { solvedAt: '1970-01-01T00:00:01.000Z', withSolution: true },
    });
  });
  it('a later solve without the solution clears the mark; with it, an honest solve stays honest', () => {
    const s = mem();
    markSolved(s, 'p', true);
    markSolved(s, 'p', false);
    expect(readProgress(s).p.withSolution).toBeUndefined();
    markSolved(s, 'p', true);
    expect(readProgress(s).p.withSolution).toBeUndefined();
  });
  it('tolerates damaged, foreign and partly bad values', () => {
    for (const bad of [
      '{',
      'null',
      '42',
      '"x"',
      '[]',
      '{"format":"sagesim/progress@2","puzzles":{"a":{"solvedAt":"x"}}}',
      '{"format":"sagesim/progress@1","puzzles":[]}',
    ]) {
      expect(readProgress(mem({ [PROGRESS_KEY]: bad }))).toEqual({});
    }
    const mixed = JSON.stringify({
      format: 'sagesim/progress@1',
      puzzles: { ok: { solvedAt: 'T' }, bad: 3, worse: { solvedAt: 5 } },
    });
    expect(readProgress(mem({ [PROGRESS_KEY]: mixed }))).toEqual({ ok: { solvedAt: 'T' } });
    const s = mem({ [PROGRESS_KEY]: '{broken' });
    expect(markSolved(s, 'x', false, 0)).toEqual({ x: { solvedAt: '1970-01-01T00:00:00.000Z' } });
  });
  it('a storage that throws counts as no progress', () => {
    expect(
      readProgress({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toEqual({});
  });
});
