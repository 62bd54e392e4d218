import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_DEFS } from '../../src/catalog/kinds';
import { formatErrors, loadJson, loadText, saveText, solutionErrors } from '../../src/model/load';
import { applyLayout } from '../../src/model/layout';
import { LIMITS, type ArchDoc } from '../../src/model/schema';

const everyKind = readFileSync(new URL('../fixtures/every-kind.json', import.meta.url), 'utf8');
const base = { format: 'sagesim/architecture@1' };

function errorsOf(json: unknown): string {
  const r = loadJson(json);
  if (r.ok) throw new Error('expected the document to be refused');
  return formatErrors(r.errors);
}

describe('loading documents', () => {
  it('loads a file that uses every kind', () => {
    const r = loadText(everyKind);
    expect(r.ok).toBe(true);
    const kinds = new Set(r.ok ? r.doc.nodes.map((n) => n.kind) : []);
    expect([...kinds].sort()).toEqual(KIND_DEFS.map((k) => k.kind).sort());
  });

  it('load → save → load is identity', () => {
    const a = loadText(everyKind);
    if (!a.ok) throw new Error('fixture invalid');
    const b = loadText(saveText(a.doc));
    expect(b.ok && b.doc).toEqual(a.doc);
    expect(saveText(b.ok ? b.doc : a.doc)).toBe(saveText(a.doc));
  });

  it('names the JSON path and the reason', () => {
    const msg = errorsOf({ ...base, nodes: [{ id: 't', kind: 'training-job', props: { inputMode: 'Stream' } }] });
    expect(msg).toBe('nodes[0].props.inputMode: expected "File" | "Pipe" | "FastFile"');
    expect(errorsOf({ ...base, nodes: [{ id: 't', kind: 'client', props: { rps: '5' } }] })).toBe(
      'nodes[0].props.rps: expected number, got string',
    );
    expect(errorsOf({ ...base, nodes: [{ id: 't', kind: 'client', props: { speed: 5 } }] })).toBe(
      'nodes[0].props.speed: unknown prop for a client',
    );
    expect(errorsOf({ ...base, nodes: [{ id: 'A b', kind: 'client' }] })).toMatch(/^nodes\[0\]\.id: /);
    expect(errorsOf({ ...base, nodes: [{ id: 'x', kind: 'robot' }] })).toMatch(
      /^nodes\[0\]\.kind: unknown kind "robot"/,
    );
    expect(errorsOf({ format: 'sagesim/architecture@2', nodes: [] })).toMatch(/^format: .*newer/);
    expect(errorsOf({ nodes: [] })).toMatch(/^format: /);
  });

  it('checks ids, parents, edges, references and faults across the document', () => {
    const nodes = [
      { id: 'vpc', kind: 'vpc' },
      { id: 'sub', kind: 'subnet' },
      { id: 'a', kind: 'training-job', parent: 'nowhere', props: { role: 'vpc' } },
      { id: 'a', kind: 's3-bucket' },
      { id: 'c', kind: 'condition-step' },
    ];
    const msg = errorsOf({
      ...base,
      nodes,
      edges: [
        { from: 'a', to: 'vpc' },
        { from: 'x', to: 'a' },
      ],
      faults: [{ atSec: 5, kind: 'approve', node: 'a' }],
    });
    expect(msg).toContain('nodes[3].id: duplicate id "a"');
    expect(msg).toContain('nodes[1].parent: a subnet must sit in a vpc');
    expect(msg).toContain('nodes[2].parent: no node with id "nowhere"');
    expect(msg).toContain('nodes[2].props.role: "vpc" is a vpc; expected iam-role');
    expect(msg).toContain('nodes[4].parent: a condition-step must sit in a pipeline');
    expect(msg).toContain('edges[1].from: no node with id "x"');
    expect(msg).toMatch(/edges\[0\]: Training job cannot connect to VPC/);
    expect(msg).toContain('faults[0].node: approve applies to model-registry, not a training-job');
  });

  it('a rollback alarm that is not an id is named by its path and type, never as "[object Object]"', () => {
    const ep = (rollbackAlarms: unknown[]) => ({
      ...base,
      nodes: [
        { id: 'ep', kind: 'realtime-endpoint', props: { deployment: { type: 'canary', rollbackAlarms } } },
        { id: 'q', kind: 'sqs' },
      ],
    });
    const msg = errorsOf(ep([[{}]]));
    expect(msg).toMatch(/nodes\[0\]\.props\.deployment\.rollbackAlarms\[0\]: expected string/);
    expect(msg).not.toContain('[object Object]');
    expect(errorsOf(ep(['gone']))).toContain('nodes[0].props.deployment.rollbackAlarms[0]: no node with id "gone"');
    expect(errorsOf(ep(['q']))).toContain('rollbackAlarms[0]: "q" is a sqs; expected a cloudwatch alarm');
  });

  it('refuses parent cycles and step edges across pipelines', () => {
    expect(
      errorsOf({
        ...base,
        nodes: [
          { id: 'p', kind: 'pipeline', parent: 'q' },
          { id: 'q', kind: 'pipeline', parent: 'p' },
        ],
      }),
    ).toMatch(/pipeline/);
    const msg = errorsOf({
      ...base,
      nodes: [
        { id: 'p', kind: 'pipeline' },
        { id: 'a', kind: 'processing-job', parent: 'p' },
        { id: 'b', kind: 'training-job' },
      ],
      edges: [{ from: 'a', to: 'b' }],
    });
    expect(msg).toContain(
      'edges[0]: Processing job → Training job is a pipeline step order: put both inside one pipeline first.',
    );
  });

  it('holds the size limits', () => {
    const many = Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'sns' }));
    expect(errorsOf({ ...base, nodes: many })).toBe(`nodes: ${LIMITS.nodes + 1} nodes; the limit is ${LIMITS.nodes}`);
    const edges = Array.from({ length: LIMITS.edges + 1 }, () => ({ from: 'a', to: 'b' }));
    expect(errorsOf({ ...base, nodes: [], edges })).toMatch(/^edges: 10001 edges; the limit is 10000/);
    const big = JSON.stringify({ ...base, nodes: [], title: 'x'.repeat(LIMITS.bytes) });
    const r = loadText(big);
    expect(!r.ok && r.errors[0].message).toMatch(/limited to 5 MB/);
  });

  it('container sizes and positions: the schema and the layout hold the same limits (LIMITS, one place)', () => {
    const { min, max } = LIMITS.containerSize;
    const vpc = (width: number, height: number) => ({
      ...base,
      nodes: [{ id: 'v', kind: 'vpc', size: { width, height } }],
    });
    expect(loadJson(vpc(max, min)).ok).toBe(true);
    expect(errorsOf(vpc(max + 1, min))).toMatch(/^nodes\[0\]\.size\.width: /);
    expect(errorsOf(vpc(max, min - 1))).toMatch(/^nodes\[0\]\.size\.height: /);
    const doc = { ...base, title: 't', nodes: [{ id: 'v', kind: 'vpc' }], edges: [] } as unknown as ArchDoc;
    const laid = applyLayout(
      doc,
      {
        positions: new Map([['v', { x: 10 * LIMITS.coord, y: -10 * LIMITS.coord }]]),
        sizes: new Map([['v', { width: 10 * max, height: min / 10 }]]),
      },
      false,
    );
    expect(laid.nodes[0].position).toEqual({ x: LIMITS.coord, y: -LIMITS.coord });
    expect(laid.nodes[0].size).toEqual({ width: max, height: min });
    expect(loadJson(laid).ok).toBe(true);
  });

  it('reports bad JSON without a stack trace', () => {
    const r = loadText('{ "format": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].path).toBe('(file)');
    expect(!r.ok && r.errors[0].message).toMatch(/^not valid JSON/);
    expect(!r.ok && r.errors[0].message).not.toMatch(/\n\s+at /);
  });
});

/* ---------- property tests: anything loads or is refused with a path, never throws ---------- */

const PATH_RE = /^(\(file\)|\(root\)|[A-Za-z_$][\w$]*|\[)/;
function assertLoadsOrRefused(json: unknown) {
  const r = loadJson(json);
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.path).toMatch(PATH_RE);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
  return r;
}

/** Replace the value at a random path of a JSON value with another value. */
function mutate(value: unknown, pick: number[], replacement: unknown): unknown {
  if (pick.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [i, ...rest] = pick;
  if (Array.isArray(value)) {
    if (!value.length) return replacement;
    const copy = value.slice();
    const k = i % copy.length;
    copy[k] = mutate(copy[k], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value as object);
  if (!keys.length) return replacement;
  const k = keys[i % keys.length];
  return { ...(value as object), [k]: mutate((value as Record<string, unknown>)[k], rest, replacement) };
}

describe('property: untrusted input', () => {
  const valid = JSON.parse(everyKind);

  it('random JSON values never throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        assertLoadsOrRefused(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('random documents with the right format never throw', () => {
    const nodeArb = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'vpc', 'sub'), fc.string()),
        kind: fc.oneof(fc.constantFrom(...KIND_DEFS.map((k) => k.kind)), fc.string()),
        parent: fc.option(fc.constantFrom('a', 'b', 'vpc', 'sub', 'zz')),
        props: fc.option(
          fc.dictionary(
            fc.constantFrom('rps', 'access', 'service', 'role', 'variants', 'autoscaling', 'memoryMB', 'x'),
            fc.jsonValue(),
          ),
        ),
      },
      { requiredKeys: ['id', 'kind'] },
    );
    const docArb = fc.record({
      format: fc.constant('sagesim/architecture@1'),
      nodes: fc.array(nodeArb, { maxLength: 8 }),
      edges: fc.array(
        fc.record({ from: fc.constantFrom('a', 'b', 'c', 'q'), to: fc.constantFrom('a', 'b', 'c', 'q') }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(docArb, (d) => {
        assertLoadsOrRefused(d);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutations of a valid document load or name a path', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 5 }), fc.jsonValue(), (pick, replacement) => {
        const r = assertLoadsOrRefused(mutate(valid, pick, replacement));
        if (r.ok) {
          const again = loadText(saveText(r.doc));
          expect(again.ok && again.doc).toEqual(r.doc);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numbers JSON cannot keep', () => {
  it('-0 loads as 0, so load → save → load is identity', () => {
    const r = loadJson({
      format: 'sagesim/architecture@1',
      seed: -0,
      nodes: [{ id: 'c', kind: 'client', props: { startSec: -0 } }],
    });
    expect(r.ok && Object.is(r.doc.seed, 0)).toBe(true);
    expect(r.ok && Object.is(r.doc.nodes[0].props?.startSec, 0)).toBe(true);
  });
});

describe('puzzle and demo fields name real things', () => {
  const nodes = [
    { id: 'ep', kind: 'realtime-endpoint' },
    { id: 'c', kind: 'client' },
  ];
  const edges = [{ from: 'c', to: 'ep' }];
  it('a goal names rules of the catalog and states of the report (a deleted node just fails it)', () => {
    const msg = errorsOf({
      ...base,
      nodes,
      edges,
      goal: { noIncidents: ['payload-too-big'], nodeStates: { zz: 'InService', ep: 'Bogus' }, minServed: { nope: 1 } },
    });
    expect(msg).toContain('goal.noIncidents[0]: "payload-too-big" is not a rule id');
    expect(msg).toMatch(/goal\.nodeStates\.ep: "Bogus" is not a state/);
    expect(msg).not.toContain('zz');
    expect(
      loadJson({ ...base, nodes, edges, goal: { noIncidents: ['payload-too-large'], nodeStates: { ep: 'InService' } } })
        .ok,
    ).toBe(true);
  });

  it('a solution changes nodes and edges that exist (checked when it is applied)', () => {
    const r = loadJson({
      ...base,
      nodes,
      edges,
      solution: {
        setProps: { ghost: { rps: 1 } },
        removeNodes: ['nope'],
        removeEdges: [{ from: 'ep', to: 'c' }],
        setParent: { ep: 'vpc9' },
      },
    });
    if (!r.ok) throw new Error('a solution naming missing nodes still loads');
    const msg = formatErrors(solutionErrors(r.doc));
    expect(msg).toContain('solution.setProps.ghost: no node with id "ghost"');
    expect(msg).toContain('solution.removeNodes[0]: no node with id "nope"');
    expect(msg).toContain('solution.removeEdges[0]: no edge ep → c');
    expect(msg).toContain('solution.setParent.ep: no node with id "vpc9"');
    const ok = loadJson({
      ...base,
      nodes,
      edges,
      solution: { addNodes: [{ id: 'n', kind: 'sns' }], setProps: { n: {}, c: { rps: 2 } } },
    });
    expect(ok.ok && solutionErrors(ok.doc)).toEqual([]);
  });

  it('a demo script fault is a real fault on a node it applies to (a deleted node is skipped)', () => {
    expect(
      errorsOf({ ...base, nodes, edges, script: [{ atSec: 5, fault: { kind: 'large-payloads', node: 'ep' } }] }),
    ).toContain('script[0].fault.node: large-payloads applies to client, not a realtime-endpoint');
    expect(errorsOf({ ...base, nodes, edges, script: [{ atSec: 5, fault: { kind: 'meteor', node: 'c' } }] })).toMatch(
      /^script\[0\]\.fault\.kind: /m,
    );
    expect(
      loadJson({
        ...base,
        nodes,
        edges,
        script: [{ atSec: 5, say: 'hi', focus: 'zz', fault: { kind: 'traffic-spike', node: 'gone' } }],
      }).ok,
    ).toBe(true);
  });

  it('says "an integer" for a fractional seed', () => {
    expect(errorsOf({ ...base, seed: 1.5, nodes: [] })).toBe('seed: expected an integer, got 1.5');
  });
});
