import { describe, expect, it } from 'vitest';
import { checkPuzzle, diffSolution } from '../../model/puzzle';
import type { ArchDoc } from '../../model/schema';
import { applySolution } from '../../model/solution';
import { EMPTY_GOAL, buildPuzzle, goalOf } from './build';

const broken: ArchDoc = {
  format: 'sagesim/architecture@1',
  title: 'Sandbox',
  mode: 'demo',
  script: [{ atSec: 0, say: 'x' }],
  nodes: [
    { id: 'vpc', kind: 'vpc' },
    { id: 'priv', kind: 'subnet', parent: 'vpc' },
    { id: 'train', kind: 'training-job', parent: 'priv' },
  ],
  edges: [],
};

describe('the puzzle maker', () => {
  it('builds a goal with only the keys the author filled', () => {
    expect(goalOf(EMPTY_GOAL)).toEqual({});
    expect(
      goalOf({ ...EMPTY_GOAL, noIncidents: ['ecr-pull-blocked'], nodeStates: { train: 'Completed' }, maxCostUSD: 0 }),
    ).toEqual({ noIncidents: ['ecr-pull-blocked'], nodeStates: { train: 'Completed' }, maxCostUSD: 0 });
  });
  it('builds a well-formed puzzle from the broken design, the words and the captured fix', () => {
    const fixed: ArchDoc = {
      ...broken,
      nodes: [...broken.nodes, { id: 'ecr', kind: 'vpc-endpoint', parent: 'priv', props: { service: 'ecr.api' } }],
    };
    const solution = diffSolution(broken, fixed);
    const doc = buildPuzzle(
      broken,
      {
        title: ' No route ',
        domain: 'D4',
        story:
          'A bank moved training into a private subnet; now every job fails before it reads a byte, and the ' +
          'model is due Thursday.',
        hints: ['one', ' ', 'three'],
        goal: { ...EMPTY_GOAL, noIncidents: ['ecr-pull-blocked'], nodeStates: { train: 'Completed' } },
        locked: ['train', 'gone'],
        palette: ['vpc-endpoint'],
      },
      solution,
    );
    expect(doc).toMatchObject({
      mode: 'puzzle',
      title: 'No route',
      domain: 'D4',
      seed: 1,
      durationSec: 3600,
      hints: ['one', 'three'],
      locked: ['train'],
      palette: ['vpc-endpoint'],
    });
    expect(doc.script).toBeUndefined();
    expect(checkPuzzle(doc)).toEqual(['2 hints, not 3']);
    expect(applySolution(doc, doc.solution!).nodes.map((n) => n.id)).toEqual(['vpc', 'priv', 'train', 'ecr']);
  });
});
