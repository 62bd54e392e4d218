import { computeLayout } from '../../src/model/autolayout';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMANDS, type Command, copyFragment, execute } from '../../src/model/commands';
import { History } from '../../src/model/history';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { KINDS, type Kind } from '../../src/catalog/types';

const empty = (): ArchDoc => ({ format: 'sagesim/architecture@1', nodes: [], edges: [] });

/** Run a command, expecting success; returns the new doc and the result. */
function run<A>(doc: ArchDoc, cmd: Command<A>, args: A) {
  const o = execute(doc, cmd, args);
  if (!o.ok) throw new Error(`refused: ${o.reason}`);
  return o;
}
function refused<A>(doc: ArchDoc, cmd: Command<A>, args: A): string {
  const o = execute(doc, cmd, args);
  if (o.ok) throw new Error('expected a refusal');
  return o.reason;
}

function privateTraining(): ArchDoc {
  let d = empty();
  d = run(d, COMMANDS.addNode, { kind: 'vpc', id: 'vpc', position: { x: 0, y: 0 } }).doc;
  d = run(d, COMMANDS.addNode, { kind: 'subnet', id: 'priv', parent: 'vpc', position: { x: 20, y: 40 } }).doc;
  d = run(d, COMMANDS.addNode, { kind: 'training-job', id: 'train', parent: 'priv', position: { x: 30, y: 50 } }).doc;
  d = run(d, COMMANDS.addNode, { kind: 's3-bucket', id: 'data', position: { x: -300, y: 0 } }).doc;
  return run(d, COMMANDS.connect, { from: 'data', to: 'train' }).doc;
}

describe('commands', () => {
  it('builds the private-training architecture and it loads', () => {
    const d = privateTraining();
    expect(loadJson(d).ok).toBe(true);
    expect(d.nodes.find((n) => n.id === 'train')!.parent).toBe('priv');
    expect(d.edges).toEqual([{ from: 'data', to: 'train' }]);
  });

  it('gives fresh ids per kind', () => {
    let d = empty();
    const a = run(d, COMMANDS.addNode, { kind: 'training-job' });
    d = a.doc;
    const b = run(d, COMMANDS.addNode, { kind: 'training-job' });
    expect([a.result, b.result]).toEqual(['training-job-1', 'training-job-2']);
  });

  it('refuses parents the catalog does not allow, saying why', () => {
    const d = privateTraining();
    expect(refused(d, COMMANDS.addNode, { kind: 'training-job', parent: 'vpc' })).toMatch(
      /Training job can sit in a Subnet or a SageMaker Pipeline, not directly in a VPC/,
    );
    expect(refused(d, COMMANDS.addNode, { kind: 's3-bucket', parent: 'priv' })).toMatch(/AWS-managed service/);
    expect(refused(d, COMMANDS.setParent, { id: 'priv', parent: null, position: { x: 0, y: 0 } })).toMatch(
      /must sit inside a VPC/,
    );
    expect(refused(d, COMMANDS.setParent, { id: 'vpc', parent: 'priv', position: { x: 0, y: 0 } })).toMatch(
      /cannot sit inside/,
    );
  });

  it('refuses an edge that is not in the table, with the reason', () => {
    const d = privateTraining();
    expect(refused(d, COMMANDS.connect, { from: 'train', to: 'vpc' })).toMatch(/Training job cannot connect to VPC/);
    expect(refused(d, COMMANDS.connect, { from: 'data', to: 'train' })).toMatch(/already connected/);
  });

  it('removing a container removes what is inside, its edges and refs to it', () => {
    let d = privateTraining();
    d = run(d, COMMANDS.addNode, { kind: 'kms-key', id: 'key' }).doc;
    d = run(d, COMMANDS.setProp, { id: 'train', name: 'VolumeKmsKeyId', value: 'key' }).doc;
    const r = run(d, COMMANDS.removeNodes, { ids: ['vpc'] });
    expect(r.doc.nodes.map((n) => n.id)).toEqual(['data', 'key']);
    expect(r.doc.edges).toEqual([]);
    const r2 = run(d, COMMANDS.removeNodes, { ids: ['key'] });
    expect(r2.doc.nodes.find((n) => n.id === 'train')!.props?.VolumeKmsKeyId).toBeUndefined();
    expect(loadJson(r2.doc).ok).toBe(true);
  });

  it('setProp validates against the catalog and drops defaults', () => {
    let d = privateTraining();
    expect(refused(d, COMMANDS.setProp, { id: 'train', name: 'inputMode', value: 'Stream' })).toMatch(/Input mode/);
    expect(refused(d, COMMANDS.setProp, { id: 'train', name: 'instanceCount', value: 0 })).toMatch(/Instance count/);
    expect(refused(d, COMMANDS.setProp, { id: 'train', name: 'role', value: 'data' })).toMatch(/IAM role/);
    d = run(d, COMMANDS.setProp, { id: 'train', name: 'inputMode', value: 'Pipe' }).doc;
    expect(d.nodes.find((n) => n.id === 'train')!.props).toEqual({ inputMode: 'Pipe' });
    d = run(d, COMMANDS.setProp, { id: 'train', name: 'inputMode', value: 'File' }).doc;
    expect(d.nodes.find((n) => n.id === 'train')!.props).toBeUndefined();
  });

  it('taking a step out of its pipeline drops the step edges that no longer hold', () => {
    let d = empty();
    d = run(d, COMMANDS.addNode, { kind: 'pipeline', id: 'pipe' }).doc;
    d = run(d, COMMANDS.addNode, { kind: 'processing-job', id: 'prep', parent: 'pipe' }).doc;
    d = run(d, COMMANDS.addNode, { kind: 'training-job', id: 'train', parent: 'pipe' }).doc;
    d = run(d, COMMANDS.connect, { from: 'prep', to: 'train' }).doc;
    const r = run(d, COMMANDS.setParent, { id: 'train', parent: null, position: { x: 600, y: 0 } });
    expect(r.result).toEqual({ droppedEdges: 1 });
    expect(loadJson(r.doc).ok).toBe(true);
  });

  it('duplicate copies a container with its children and inner edges, under fresh ids', () => {
    const d = privateTraining();
    const r = run(d, COMMANDS.duplicate, { ids: ['priv'] });
    expect(r.result).toEqual(['priv-1', 'train-1']);
    const copy = r.doc.nodes.find((n) => n.id === 'train-1')!;
    expect(copy.parent).toBe('priv-1');
    expect(r.doc.nodes.find((n) => n.id === 'priv-1')!.parent).toBe('vpc');
    expect(loadJson(r.doc).ok).toBe(true);
  });

  it('paste keeps edges inside the fragment only', () => {
    const d = privateTraining();
    const frag = copyFragment(d, ['data', 'train']);
    expect(frag.edges).toHaveLength(1);
    const r = run(d, COMMANDS.paste, { fragment: frag });
    expect(r.doc.edges).toContainEqual({ from: 'data-1', to: 'train-1' });
  });

  it('auto-layout places every node and sizes containers around their children', () => {
    const d = privateTraining();
    const stripped: ArchDoc = { ...d, nodes: d.nodes.map(({ position: _p, size: _s, ...n }) => n) };
    const r = run(stripped, COMMANDS.autoLayout, { layout: computeLayout(stripped) });
    for (const n of r.doc.nodes) expect(n.position).toBeDefined();
    const priv = r.doc.nodes.find((n) => n.id === 'priv')!;
    const train = r.doc.nodes.find((n) => n.id === 'train')!;
    expect(train.position!.x + 208).toBeLessThanOrEqual(priv.size!.width);
    expect(train.position!.y).toBeGreaterThanOrEqual(40);
  });
});

describe('history', () => {
  it('undoes and redoes moves and prop edits', () => {
    const h = new History();
    let d = privateTraining();
    const start = d;
    const step = <A>(cmd: Command<A>, args: A, key?: string, at = 0) => {
      const o = run(d, cmd, args);
      h.push({ label: cmd.label, patches: o.patches, inverse: o.inverse, key, at });
      d = o.doc;
    };
    step(COMMANDS.move, { positions: { data: { x: 5, y: 6 } } });
    step(COMMANDS.setProp, { id: 'train', name: 'spot', value: true });
    expect(h.undoLabel).toBe('Edit property');
    d = h.undo(d)!;
    expect(d.nodes.find((n) => n.id === 'train')!.props).toBeUndefined();
    d = h.undo(d)!;
    expect(d).toEqual(start);
    d = h.redo(d)!;
    d = h.redo(d)!;
    expect(d.nodes.find((n) => n.id === 'data')!.position).toEqual({ x: 5, y: 6 });
    expect(h.canRedo).toBe(false);
  });

  it('keeps at least 100 steps and coalesces typing into one step', () => {
    const h = new History();
    let d = privateTraining();
    const start = d;
    for (let i = 0; i < 150; i++) {
      const o = run(d, COMMANDS.move, { positions: { data: { x: i, y: i } } });
      h.push({ label: 'Move', patches: o.patches, inverse: o.inverse, at: i * 10_000 });
      d = o.doc;
    }
    let undone = 0;
    while (h.canUndo) {
      d = h.undo(d)!;
      undone++;
    }
    expect(undone).toBe(150);
    expect(d).toEqual(start);
    for (const [i, v] of [1, 12, 123].entries()) {
      const o = run(d, COMMANDS.setProp, { id: 'train', name: 'volumeGB', value: v });
      h.push({ label: 'Edit', patches: o.patches, inverse: o.inverse, key: 'train.volumeGB', at: 1_000_000 + i * 200 });
      d = o.doc;
    }
    expect(h.depth).toBe(1);
    d = h.undo(d)!;
    expect(d).toEqual(start);
  });

  it('random command sequences keep the document loadable and undo back to the start', () => {
    const kinds = KINDS.filter((k) => k !== 'pipeline') as Kind[];
    const op = fc.oneof(
      fc.record({
        t: fc.constant('add' as const),
        kind: fc.constantFrom(...kinds, 'pipeline' as Kind),
        parent: fc.nat(20),
      }),
      fc.record({ t: fc.constant('connect' as const), a: fc.nat(30), b: fc.nat(30) }),
      fc.record({ t: fc.constant('remove' as const), a: fc.nat(30) }),
      fc.record({ t: fc.constant('reparent' as const), a: fc.nat(30), b: fc.nat(30) }),
      fc.record({ t: fc.constant('dup' as const), a: fc.nat(30) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const h = new History(1000);
        const start = privateTraining();
        let d = start;
        const ids = () => d.nodes.map((n) => n.id);
        const pick = (i: number) => ids()[i % Math.max(1, ids().length)];
        for (const o of ops) {
          const res =
            o.t === 'add'
              ? execute(d, COMMANDS.addNode, { kind: o.kind, parent: o.parent % 3 === 0 ? null : pick(o.parent) })
              : o.t === 'connect'
                ? execute(d, COMMANDS.connect, { from: pick(o.a), to: pick(o.b) })
                : o.t === 'remove'
                  ? execute(d, COMMANDS.removeNodes, { ids: ids().length ? [pick(o.a)] : [] })
                  : o.t === 'reparent'
                    ? execute(d, COMMANDS.setParent, {
                        id: pick(o.a),
                        parent: o.b % 4 === 0 ? null : pick(o.b),
                        position: { x: 1, y: 2 },
                      })
                    : execute(d, COMMANDS.duplicate, { ids: [pick(o.a)] });
          if (!res.ok) continue;
          h.push({ label: 'x', patches: res.patches, inverse: res.inverse, at: 0 });
          d = res.doc;
          const l = loadJson(d);
          if (!l.ok) throw new Error(JSON.stringify(l.errors));
        }
        while (h.canUndo) d = h.undo(d)!;
        expect(d).toEqual(start);
      }),
      { numRuns: 200 },
    );
  });
});

describe('containers grow to fit what is put in them', () => {
  it('a node added past the bottom-right of a subnet grows the subnet and then its VPC', () => {
    let d = empty();
    d = run(d, COMMANDS.addNode, { kind: 'vpc', id: 'vpc', position: { x: 0, y: 0 } }).doc;
    d = run(d, COMMANDS.addNode, { kind: 'subnet', id: 'priv', parent: 'vpc', position: { x: 28, y: 48 } }).doc;
    const before = d.nodes.find((n) => n.id === 'priv')!.size!;
    d = run(d, COMMANDS.addNode, {
      kind: 'vpc-endpoint',
      id: 'e',
      parent: 'priv',
      position: { x: before.width - 40, y: before.height - 20 },
    }).doc;
    const priv = d.nodes.find((n) => n.id === 'priv')!;
    const e = d.nodes.find((n) => n.id === 'e')!;
    expect(priv.size!.width).toBeGreaterThanOrEqual(e.position!.x + 208 + 28);
    expect(priv.size!.height).toBeGreaterThanOrEqual(e.position!.y + 64 + 28);
    const vpc = d.nodes.find((n) => n.id === 'vpc')!;
    expect(vpc.size!.width).toBeGreaterThanOrEqual(priv.position!.x + priv.size!.width + 28);
  });
  it('a node dropped sticking out at the top-left is nudged in below the title band; nothing shrinks', () => {
    let d = privateTraining();
    d = run(d, COMMANDS.setParent, { id: 'train', parent: 'priv', position: { x: -50, y: 0 } }).doc;
    const train = d.nodes.find((n) => n.id === 'train')!;
    expect(train.position!.x).toBeGreaterThanOrEqual(14);
    expect(train.position!.y).toBeGreaterThanOrEqual(48);
    const size = d.nodes.find((n) => n.id === 'priv')!.size!;
    d = run(d, COMMANDS.move, { positions: { train: { x: 20, y: 60 } } }).doc;
    expect(d.nodes.find((n) => n.id === 'priv')!.size).toEqual(size);
  });
});
