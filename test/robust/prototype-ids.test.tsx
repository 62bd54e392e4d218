// @vitest-environment jsdom
/**
 * Issue 13, item 1: `constructor` is a valid node id (a-z), and a lookup keyed by it on a plain object reads
 * `Object.prototype.constructor`. Every place that keys records by node id reads them as own properties.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NO_OVERLAY, toFlowNodes } from '../../src/ui/canvas/adapter';
import { computeLayout } from '../../src/model/autolayout';
import { applySolution } from '../../src/model/solution';
import { loadJson } from '../../src/model/load';
import { gradeGoal } from '../../src/engine/goal';
import { puzzleRefusal } from '../../src/model/puzzle';
import { useRunNode } from '../../src/ui/run/context';
import { WorkspaceContext } from '../../src/ui/state/context';
import { Workspace } from '../../src/ui/workspace';
import type { ArchDoc } from '../../src/model/schema';

const doc: ArchDoc = {
  format: 'sagesim/architecture@1',
  nodes: [
    { id: 'constructor', kind: 'sns', position: { x: 40, y: 80 } },
    { id: 'vpc', kind: 'vpc', position: { x: 400, y: 0 } },
    { id: 'sub', kind: 'subnet', parent: 'vpc', position: { x: 20, y: 40 } },
    { id: 'job', kind: 'training-job', position: { x: 0, y: 300 } },
  ],
};

describe('node ids that name Object.prototype members', () => {
  it('the canvas places a node called constructor where the document says', () => {
    const nodes = toFlowNodes(doc, new Set(), NO_OVERLAY, new Map(), new Map());
    const n = nodes.find((x) => x.id === 'constructor')!;
    expect(n.position).toEqual({ x: 40, y: 80 });
    expect(n.width).toBe(208);
  });

  it(
    'auto-layout (dagre) of a document with a node called constructor ' + 'and no positions (found by the fuzz suite)',
    () => {
      const r = loadJson({
        format: 'sagesim/architecture@1',
        nodes: [
          { id: 'constructor', kind: 'client' },
          { id: 'ep', kind: 'realtime-endpoint' },
        ],
        edges: [{ from: 'constructor', to: 'ep' }],
      });
      if (!r.ok) throw new Error('fixture');
      const l = computeLayout(r.doc);
      expect(l.positions.get('constructor')!.x).toBeLessThan(l.positions.get('ep')!.x);
    },
  );

  it('a solution that moves another node gives constructor no parent (not a function)', () => {
    const out = applySolution(doc, { setParent: { job: 'sub' }, setProps: { job: { instanceCount: 2 } } });
    const c = out.nodes.find((n) => n.id === 'constructor')!;
    expect(c).toBe(doc.nodes[0]);
    expect('parent' in c).toBe(false);
    expect(loadJson(out).ok).toBe(true);
  });

  it('a goal naming constructor grades it as absent when it is not in the report', () => {
    const g = gradeGoal(
      { nodeStates: { constructor: 'InService' }, minServed: { constructor: 1 } },
      { findings: [], incidents: [], nodes: {}, costUSD: 0 },
    );
    expect(g.failed).toEqual([
      'node constructor is absent, not InService',
      'node constructor served 0 requests, fewer than 1',
    ]);
  });

  it('a locked constructor node in a puzzle refuses a prop its solution does not set', () => {
    const puzzle = { ...doc, mode: 'puzzle' as const, locked: ['constructor'], solution: { setProps: {} } };
    expect(puzzleRefusal(puzzle, 'setProp', { id: 'constructor', name: 'displayName' })).toMatch(/stays as it is/);
  });

  it('the live figures of a node called constructor are undefined before a run (no crash)', () => {
    const ws = new Workspace({ doc });
    let seen: unknown = 'unset';
    function Probe() {
      seen = useRunNode('constructor');
      return null;
    }
    render(
      <WorkspaceContext.Provider value={ws}>
        <Probe />
      </WorkspaceContext.Provider>,
    );
    expect(seen).toBeUndefined();
    ws.dispose();
  });
});
