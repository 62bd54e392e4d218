/**
 * README.md's counts against what ships: the puzzles, starters and demos, the real CloudFormation templates and the
 * undo depth. A stream that adds a puzzle (or a starter, a demo) updates the README's sentence with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { History } from '../src/model/history';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const files = (dir: string, re: RegExp): string[] =>
  readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' }).filter((f) => re.test(f));
/** The number README.md states in the sentence `re` matches (its first group); NaN when the sentence is gone. */
const stated = (re: RegExp): number => Number(readme.match(re)?.[1]);
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

describe('README.md counts what ships', () => {
  it('the puzzles (File › Puzzles, N of them)', () => {
    expect(stated(/File › Puzzles, (\d+) of them/)).toBe(files('scenarios/puzzles/', /^d\d\/.*\.json$/).length);
  });

  it('the starters on the start screen', () => {
    expect(stated(/Pick one of the (\d+) starters/)).toBe(files('scenarios/sandbox/', /\.json$/).length);
  });

  it('the classroom demos', () => {
    expect(stated(/File › Classroom demos, (\d+) of them/)).toBe(files('scenarios/demos/', /\.json$/).length);
  });

  it('the real CloudFormation templates kept as their authors wrote them', () => {
    const word = readme.match(/`test\/fixtures\/cfn\/real\/` keeps (\w+) aws-samples templates/)?.[1];
    expect(WORDS.indexOf(word ?? '')).toBe(files('test/fixtures/cfn/real/', /\.ya?ml$/).length);
  });

  it('the undo depth', () => {
    expect(stated(/undo\/redo (\d+) steps/)).toBe(new History().limit);
  });
});
