import { describe, expect, it } from 'vitest';
import { defaultProps, propsByName } from '../../src/catalog/kinds';
import { gradeGoal } from '../../src/engine/goal';
import { diffSolution, emptySolution, goalCriteria, lockedEdges, puzzleRefusal } from '../../src/model/puzzle';
import { execute, removeNodes, setParent } from '../../src/model/commands';
import type { ArchDoc, ArchNode } from '../../src/model/schema';
import { applySolution } from '../../src/model/solution';
import { loadPuzzle, puzzleFiles } from '../scenarios/catalog';

/** A document reduced to what a solution can say: nodes by id (kind, parent, props without defaults), edge pairs. */
function shape(doc: ArchDoc) {
  const props = (n: ArchNode) => {
    const d = propsByName(defaultProps(n.kind));
    return Object.fromEntries(
      Object.entries(n.props ?? {})
        .filter(([k, v]) => v !== null && JSON.stringify(v) !== JSON.stringify(d[k]))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  };
  return {
    nodes: [...doc.nodes]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((n) => ({ id: n.id, kind: n.kind, parent: n.parent ?? null, props: props(n) })),
    edges: (doc.edges ?? []).map((e) => `${e.from}->${e.to}`).sort(),
  };
}

const doc = (nodes: ArchNode[], edges: { from: string; to: string }[] = []): ArchDoc => ({
  format: 'sagesim/architecture@1',
  nodes,
  edges,
});

describe('diffSolution', () => {
  const broken = doc(
    [
      { id: 'vpc', kind: 'vpc' },
      { id: 'a', kind: 'subnet', parent: 'vpc', props: { access: 'private' } },
      { id: 'b', kind: 'subnet', parent: 'vpc', props: { access: 'public' } },
      { id: 'key', kind: 'kms-key' },
      { id: 'data', kind: 's3-bucket', props: { datasetGB: 20 } },
      { id: 'train', kind: 'training-job', parent: 'a', props: { inputMode: 'File', volumeKmsKey: 'key' } },
      { id: 'old', kind: 'sns' },
    ],
    [
      { from: 'data', to: 'train' },
      { from: 'train', to: 'old' },
    ],
  );

  it('is empty between a design and itself', () => {
    expect(emptySolution(diffSolution(broken, broken))).toBe(true);
    expect(diffSolution(broken, broken)).toEqual({});
  });

  it('records added, removed and moved nodes, props set and dropped, edges added and removed', () => {
    const fixed = doc(
      [
        { id: 'vpc', kind: 'vpc' },
        { id: 'a', kind: 'subnet', parent: 'vpc', props: { access: 'private' } },
        { id: 'b', kind: 'subnet', parent: 'vpc', props: { access: 'public' } },
        { id: 'key', kind: 'kms-key' },
        { id: 'data', kind: 's3-bucket', props: { datasetGB: 20 } },
        { id: 'train', kind: 'training-job', parent: 'b', props: { inputMode: 'FastFile' } },
        { id: 'ep', kind: 'vpc-endpoint', parent: 'a', props: { service: 'ecr.api' } },
      ],
      [{ from: 'data', to: 'train' }],
    );
    const s = diffSolution(broken, fixed);
    expect(s.removeNodes).toEqual(['old']);
    expect(s.addNodes?.map((n) => n.id)).toEqual(['ep']);
    expect(s.setParent).toEqual({ train: 'b' });
    expect(s.setProps?.train?.inputMode).toBe('FastFile');
    expect(s.setProps?.train).toHaveProperty('volumeKmsKey', null);
    expect(s.removeEdges).toBeUndefined(); // train -> old goes with old
    expect(shape(applySolution(broken, s))).toEqual(shape(fixed));
  });

  it('removes an edge between kept nodes and adds a new one', () => {
    const fixed = {
      ...broken,
      edges: [
        { from: 'train', to: 'old' },
        { from: 'data', to: 'old' },
      ],
    };
    const s = diffSolution(broken, fixed);
    expect(s.removeEdges).toEqual([{ from: 'data', to: 'train' }]);
    expect(s.addEdges).toEqual([{ from: 'data', to: 'old' }]);
    expect(shape(applySolution(broken, s))).toEqual(shape(fixed));
  });

  it('a node whose kind changed under the same id is removed and added', () => {
    const fixed = {
      ...broken,
      nodes: broken.nodes.map((n) => (n.id === 'old' ? { id: 'old', kind: 'sqs' as const } : n)),
    };
    const s = diffSolution(broken, fixed);
    expect(s.removeNodes).toEqual(['old']);
    expect(s.addNodes?.map((n) => n.kind)).toEqual(['sqs']);
    expect(shape(applySolution(broken, s))).toEqual(shape(fixed));
  });

  it("recovers every shipped puzzle's fix: applySolution(broken, diff(broken, fixed)) is fixed", () => {
    const files = puzzleFiles();
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const f of files) {
      const { doc: broken, path } = loadPuzzle(f);
      const fixed = applySolution(broken, broken.solution!);
      const again = applySolution(broken, diffSolution(broken, fixed));
      expect(shape(again), path).toEqual(shape(fixed));
    }
  });
});

describe('goalCriteria', () => {
  it('splits a goal into criteria that together are the goal', () => {
    const goal = {
      noIncidents: ['a', 'b'],
      noFindings: ['c'],
      incidents: ['d'],
      nodeStates: { x: 'Completed' },
      minServed: { ep: 100 },
      maxFailedRatio: 0.01,
      maxP99Ms: 300,
      maxCostUSD: 5,
    };
    const cs = goalCriteria(goal);
    expect(cs.map((c) => c.key)).toEqual([
      'noIncidents:a',
      'noIncidents:b',
      'noFindings:c',
      'incidents:d',
      'nodeStates:x',
      'minServed:ep',
      'maxFailedRatio',
      'maxP99Ms',
      'maxCostUSD',
    ]);
    const merged = cs.reduce<Record<string, unknown>>((acc, c) => {
      for (const [k, v] of Object.entries(c.goal))
        acc[k] = Array.isArray(v)
          ? [...((acc[k] as unknown[]) ?? []), ...v]
          : typeof v === 'object'
            ? { ...(acc[k] as object), ...v }
            : v;
      return acc;
    }, {});
    expect(merged).toEqual(goal);
    expect(goalCriteria(undefined)).toEqual([]);
  });

  it('grading each criterion alone agrees with grading the whole goal', () => {
    const goal = { noIncidents: ['payload-too-large'], nodeStates: { ep: 'InService' }, minServed: { ep: 100 } };
    const report = {
      findings: [],
      incidents: [{ rule: 'payload-too-large', node: 'ep', count: 3, firstAtSec: 1, message: '' }],
      nodes: { ep: { state: 'InService', requests: 150, ok: 147, failed: 3 } },
      costUSD: 1,
    };
    const each = goalCriteria(goal).map((c) => gradeGoal(c.goal, report).met);
    expect(each).toEqual([false, true, true]);
    expect(gradeGoal(goal, report).met).toBe(each.every(Boolean));
  });
});

describe('puzzleRefusal', () => {
  const p: ArchDoc = {
    ...doc(
      [
        { id: 'vpc', kind: 'vpc' },
        { id: 'priv', kind: 'subnet', parent: 'vpc' },
        { id: 'data', kind: 's3-bucket' },
        { id: 'train', kind: 'training-job', parent: 'priv' },
        { id: 'free', kind: 'sns' },
      ],
      [
        { from: 'data', to: 'train' },
        { from: 'train', to: 'free' },
      ],
    ),
    mode: 'puzzle',
    locked: ['data', 'train'],
    palette: ['vpc-endpoint'],
  };
  it('refuses kinds the palette does not offer, with the offer', () => {
    expect(puzzleRefusal(p, 'addNode', { kind: 'vpc-endpoint' })).toBeNull();
    expect(puzzleRefusal(p, 'addNode', { kind: 'lambda' })).toMatch(/offers only: VPC endpoint/);
    expect(puzzleRefusal(p, 'duplicate', { ids: ['free'] })).toMatch(/not part of the fix/);
    expect(puzzleRefusal(p, 'paste', { fragment: { nodes: [{ id: 'x', kind: 'lambda' }], edges: [] } })).toMatch(
      /offers only/,
    );
    expect(puzzleRefusal({ ...p, palette: undefined }, 'addNode', { kind: 'lambda' })).toBeNull();
  });
  it('refuses deleting a locked node or a container that holds one', () => {
    expect(puzzleRefusal(p, 'removeNodes', { ids: ['train'] })).toMatch(/locked/);
    expect(puzzleRefusal(p, 'removeNodes', { ids: ['vpc'] })).toMatch(/"vpc" holds "train"/);
    expect(puzzleRefusal(p, 'removeNodes', { ids: ['free'] })).toBeNull();
    // the command alone would take the locked job with its VPC
    expect(execute(p, removeNodes, { ids: ['vpc'] }).ok).toBe(true);
  });
  it('refuses removing a locked connection, not others', () => {
    expect(lockedEdges(p)).toEqual([{ from: 'data', to: 'train' }]);
    expect(puzzleRefusal(p, 'disconnect', { edges: [{ from: 'data', to: 'train' }] })).toMatch(
      /data → train is locked/,
    );
    expect(puzzleRefusal(p, 'disconnect', { edges: [{ from: 'train', to: 'free' }] })).toBeNull();
  });
  it('leaves moving a locked node out of its parent to the command, which refuses it', () => {
    expect(puzzleRefusal(p, 'setParent', { id: 'train', parent: null, position: { x: 0, y: 0 } })).toBeNull();
    expect(execute(p, setParent, { id: 'train', parent: null, position: { x: 0, y: 0 } })).toMatchObject({ ok: false });
  });
});
