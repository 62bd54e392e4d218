import { describe, expect, it } from 'vitest';
import { checkDemo, checkPuzzle, demoFaults, lockedEdges, puzzleOrder, puzzleRule } from './puzzle';
import type { ArchDoc } from './schema';

const base = (over: Partial<ArchDoc> = {}): ArchDoc => ({
  format: 'sagesim/architecture@1',
  mode: 'puzzle',
  domain: 'D4',
  title: 'T',
  seed: 1,
  durationSec: 600,
  story:
    'A team moved training into a private subnet. Since then every job fails before it reads a byte; the model ' +
    'is due Friday.',
  nodes: [
    { id: 'data', kind: 's3-bucket' },
    { id: 'train', kind: 'training-job' },
    { id: 'old', kind: 'sns' },
  ],
  edges: [
    { from: 'data', to: 'train' },
    { from: 'train', to: 'old' },
  ],
  goal: { noIncidents: ['ecr-pull-blocked'], nodeStates: { train: 'Completed' } },
  hints: ['a', 'b', 'c'],
  locked: ['data', 'train'],
  palette: ['vpc-endpoint'],
  solution: { addNodes: [{ id: 'e', kind: 'vpc-endpoint' }] },
  ...over,
});

describe('puzzleRule', () => {
  it('is the one rule the goal forbids, whether as an incident or a finding', () => {
    expect(puzzleRule(base())).toBe('ecr-pull-blocked');
    expect(puzzleRule(base({ goal: { noFindings: ['iam-wildcard'], incidents: ['data-drift-detected'] } }))).toBe(
      'iam-wildcard',
    );
    expect(puzzleRule(base({ goal: { noIncidents: ['iam-wildcard'], noFindings: ['iam-wildcard'] } }))).toBe(
      'iam-wildcard',
    );
  });
  it('is null when the goal forbids no rule or several', () => {
    expect(puzzleRule(base({ goal: { nodeStates: { train: 'Completed' } } }))).toBeNull();
    expect(puzzleRule(base({ goal: { noIncidents: ['ecr-pull-blocked', 's3-unreachable'] } }))).toBeNull();
  });
});

describe('checkPuzzle', () => {
  it('accepts a well-formed puzzle', () => expect(checkPuzzle(base())).toEqual([]));
  it('names each problem', () => {
    expect(checkPuzzle(base({ hints: ['only one'] }))).toContain('1 hints, not 3');
    expect(checkPuzzle(base({ domain: 'D1' }))).toContain('rule ecr-pull-blocked is in D4, the puzzle in D1');
    expect(checkPuzzle(base({ story: `${base().story} It is ecr-pull-blocked.` }))).toContain(
      'the story or a hint names the rule id ecr-pull-blocked',
    );
    expect(checkPuzzle(base({ solution: { removeNodes: ['train'] } }))).toContain(
      'the solution removes locked node train',
    );
    expect(checkPuzzle(base({ solution: { addNodes: [{ id: 'n', kind: 'sns' }] } }))).toContain(
      'the solution adds a sns, which the palette does not offer',
    );
    expect(checkPuzzle(base({ goal: { noIncidents: ['nope'], nodeStates: { ghost: 'Completed' } } }))).toEqual([
      'unknown rule nope',
      'the goal names ghost, which is not in the puzzle as shipped',
    ]);
    expect(checkPuzzle(base({ mode: 'sandbox', locked: ['missing'] }))).toEqual([
      'mode must be "puzzle"',
      'locked node missing does not exist',
    ]);
  });
});

describe('lockedEdges and puzzleOrder', () => {
  it('locks edges between locked nodes unless the solution removes them', () => {
    expect(lockedEdges(base())).toEqual([{ from: 'data', to: 'train' }]);
    expect(lockedEdges(base({ solution: { removeEdges: [{ from: 'data', to: 'train' }] } }))).toEqual([]);
  });
  it('reads the order from NN-slug.json', () => {
    expect(puzzleOrder('scenarios/puzzles/d3/07-prime-time.json')).toBe(7);
    expect(puzzleOrder('prime-time.json')).toBeNaN();
  });
});

describe('demos: script faults are real faults, mirrored in faults', () => {
  const demo = (over: Partial<ArchDoc> = {}): ArchDoc => ({
    format: 'sagesim/architecture@1',
    mode: 'demo',
    title: 'D',
    skills: ['K3.1.5'],
    durationSec: 600,
    nodes: [
      { id: 'c', kind: 'client' },
      { id: 'ep', kind: 'realtime-endpoint' },
    ],
    edges: [{ from: 'c', to: 'ep' }],
    faults: [{ atSec: 60, kind: 'large-payloads', node: 'c', sizeMB: 8 }],
    script: [
      { atSec: 0, say: 'hello', focus: 'ep' },
      { atSec: 50, ask: 'what happens next?', options: ['413', '200', 'a timeout'], answer: 0 },
      { atSec: 60, fault: { kind: 'large-payloads', node: 'c', sizeMB: 8 } },
      { atSec: 70, say: 'rejected' },
    ],
    ...over,
  });
  it('demoFaults takes the step time', () =>
    expect(demoFaults(demo())).toEqual([{ atSec: 60, kind: 'large-payloads', node: 'c', sizeMB: 8 }]));
  it('checkDemo accepts it, and refuses a script fault that is not in faults', () => {
    expect(checkDemo(demo())).toEqual([]);
    expect(checkDemo(demo({ faults: [] }))).toEqual(['script fault large-payloads on c at 60 s is not in faults']);
    expect(checkDemo(demo({ faults: [{ atSec: 60, kind: 'large-payloads', node: 'c', sizeMB: 9 }] }))).toHaveLength(1);
  });
  it('needs skills, and 3–4 options with an answer for each question to the class', () => {
    expect(checkDemo(demo({ skills: undefined }))).toEqual(['no skills (exam-skills.md ids)']);
    const script = demo().script!.map((s) => (s.ask ? { atSec: s.atSec, ask: s.ask } : s));
    expect(checkDemo(demo({ script }))).toEqual([
      'the question at 50 s needs 3–4 options and an answer (a show of hands)',
    ]);
  });
  it('refuses a fault that is not one, a step back in time, an unknown focus, a script with no question', () => {
    expect(() => demoFaults(demo({ script: [{ atSec: 1, fault: { kind: 'meteor', node: 'c' } }] }))).toThrow(
      /script fault 0/,
    );
    const bad = demo({
      script: [
        { atSec: 9, say: 'a' },
        { atSec: 5, say: 'b', focus: 'ghost' },
        { atSec: 6, say: 'c' },
        { atSec: 7, say: 'd' },
      ],
    });
    expect(checkDemo({ ...bad, skills: ['K3.1.5'] })).toEqual([
      'no step asks the class "what happens next?"',
      'script step 1 goes back in time',
      'a step focuses ghost, which is not in the demo',
    ]);
  });
});
