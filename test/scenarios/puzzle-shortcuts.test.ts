import { NET_SERVICES } from '../../src/catalog/types';
/**
 * Shortcuts an outside review found: changing the scenario instead of fixing the design (making the
 * private subnet public, declaring patient notes not sensitive, shrinking the dataset, switching the
 * algorithm the story fixes…) met the goal. In puzzle mode the props of locked nodes are the scenario:
 * the editor refuses to change any of them except those the reference solution changes.
 */
import { describe, expect, it } from 'vitest';
import { KIND_BY_NAME } from '../../src/catalog/kinds';
import { puzzleRefusal } from '../../src/model/puzzle';
import { loadPuzzle, puzzleFiles } from './catalog';
import { gradeSubmission } from '../../src/cli/check';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';

const puzzles = puzzleFiles().map(loadPuzzle);
const byName = (prefix: string) => {
  const p = puzzles.find((x) => x.path.startsWith(`scenarios/puzzles/${prefix}-`));
  if (!p) throw new Error(`no puzzle ${prefix}`);
  return p.doc;
};

/** The review's shortcuts: [puzzle, node, prop, value]. Each met its goal through the runner before. */
const SHORTCUTS: [string, string, string, unknown][] = [
  ['d4/04', 'priv', 'access', 'private-with-nat'],
  ['d1/02', 'notes', 'sensitive', false],
  ['d4/05', 'claims', 'encryption', 'sse-s3'],
  ['d4/05', 'train', 'role', null],
  ['d1/01', 'history', 'datasetGB', 20],
  ['d2/01', 'train', 'algorithm', 'xgboost'],
  ['d2/04', 'train', 'modelSizeGB', 10],
  ['d2/03', 'train', 'trainingMinutes', 20],
  ['d2/07', 'transactions', 'positiveClassRatio', 0.5],
  ['d3/07', 'ep', 'modelLatencyMs', 5],
  // finetune16: the deep network's GPU timing and the fine-tuning method are the scenario
  ['d2/20', 'train', 'gpuNetwork', false],
  ['d2/27', 'llama', 'fineTune', 'domain-adaptation'],
];

describe('puzzle scenario props are locked', () => {
  it.each(SHORTCUTS)('%s: setting %s.%s is refused with a reason', (name, node, prop, value) => {
    const doc = byName(name);
    const target = doc.nodes.find((n) => n.id === node);
    expect(target && prop in (KIND_BY_NAME.get(target.kind)?.props ?? {}), `${name} has ${node}.${prop}`).toBe(true);
    const why = puzzleRefusal(doc, 'setProp', { id: node, name: prop, value });
    expect(why).toMatch(/part of the puzzle's scenario/);
  });

  it('every prop the reference solution sets stays editable, on every puzzle', () => {
    for (const p of puzzles) {
      for (const [id, props] of Object.entries(p.doc.solution?.setProps ?? {})) {
        for (const [name, value] of Object.entries(props))
          expect(puzzleRefusal(p.doc, 'setProp', { id, name, value }), `${p.path} ${id}.${name}`).toBeNull();
      }
    }
  });

  it('outside puzzle mode, and on nodes the player added, props are free', () => {
    const doc = byName('d4/04');
    expect(
      puzzleRefusal({ ...doc, mode: 'sandbox' }, 'setProp', { id: 'priv', name: 'access', value: 'public' }),
    ).toBeNull();
    expect(puzzleRefusal(doc, 'setProp', { id: 'vpc-endpoint-1', name: 'service', value: 'ecr.api' })).toBeNull();
  });
});

/**
 * Issue 14's shortcuts, each graded through the teacher's grader (`--check --puzzle`): the learner's design
 * runs with the puzzle's goal and locks. Each must fail, and say why.
 */
describe('reviewer-grade shortcuts fail the grader', () => {
  // every VPC endpoint a design can add: the catalog's network services but the internet
  const ALL_SERVICES = NET_SERVICES.filter((s) => s !== 'internet');
  const grade = (name: string, edit: (d: ArchDoc) => void) => {
    const puzzle = byName(name);
    const sub = structuredClone(puzzle);
    edit(sub);
    const r = loadJson(sub);
    if (!r.ok) throw new Error(`${name}: the shortcut does not load: ${JSON.stringify(r.errors)}`);
    return gradeSubmission(puzzle, r.doc).report.goal!;
  };
  const setProps = (d: ArchDoc, id: string, props: Record<string, unknown>) => {
    const n = d.nodes.find((x) => x.id === id)!;
    n.props = { ...(n.props ?? {}), ...props };
  };
  const everyEndpoint = (parent: string) => (d: ArchDoc) => {
    const have = new Set(d.nodes.filter((n) => n.kind === 'vpc-endpoint').map((n) => n.props?.service));
    for (const s of ALL_SERVICES)
      if (!have.has(s))
        d.nodes.push({ id: `ep-${s.replace('.', '-')}`, kind: 'vpc-endpoint', parent, props: { service: s } });
  };

  it.each([
    ['d4/04', 'priv'],
    ['d4/06', 'priv'],
    ['d4/08', 'priv'],
  ])('%s: adding every endpoint type fixes the run but fails noUnneededEndpoints', (name, parent) => {
    const g = grade(name, everyEndpoint(parent));
    expect(g.met).toBe(false);
    expect(
      g.failed.every((f) => / is not needed: nothing in /.test(f)),
      g.failed.join('\n'),
    ).toBe(true);
  });

  it('d4/05: kms:* fails least privilege although the job completes', () => {
    const g = grade('d4/05', (d) =>
      setProps(d, 'role', { actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'kms:*'] }),
    );
    expect(g.failed).toEqual(['not least privilege: role role grants the wildcard action "kms:*"']);
  });

  it('d4/05 and d4/09: a role with no permissions fails (AccessDenied in the run)', () => {
    for (const name of ['d4/05', 'd4/09']) {
      const g = grade(name, (d) => setProps(d, 'role', { actions: [], s3Resources: [] }));
      expect(g.met, name).toBe(false);
      expect(g.failed.join('\n'), name).toMatch(/node train is Failed, not Completed/);
      expect(g.failed.join('\n'), name).toMatch(/does not grant s3:GetObject/);
    }
  });

  it('d4/09: "*" on everything fails least privilege (and the wildcard finding stays)', () => {
    const g = grade('d4/09', (d) => setProps(d, 'role', { actions: ['*'], s3Resources: ['*'] }));
    expect(g.met).toBe(false);
    expect(g.failed.join('\n')).toMatch(/wildcard action "\*"/);
  });

  it('d3/06: raising cachedModels alone does not make the models fit (memory decides)', () => {
    const g = grade('d3/06', (d) => setProps(d, 'mme', { cachedModels: 100_000 }));
    expect(g.failed.join('\n')).toMatch(/mme-cache-thrash/);
  });

  it('d2/07: an AUC gate alone blocks the untreated model, so no new model goes live', () => {
    const g = grade('d2/07', (d) => {
      setProps(d, 'train', { evalMetric: 'auc' });
      setProps(d, 'gate', { metric: 'auc', threshold: 0.8 });
    });
    expect(g.failed).toEqual(['endpoint ep serves train:v0, not a version train trained in this run']);
  });

  it('d2/07: treating the imbalance but keeping the accuracy gate still teaches nothing (misleading-accuracy)', () => {
    const g = grade('d2/07', (d) => setProps(d, 'train', { imbalance: 'class-weights' }));
    expect(g.failed.join('\n')).toMatch(/misleading-accuracy/);
  });

  it('d1/01: shrinking the dataset instead of fixing is a locked-prop change', () => {
    const g = grade('d1/01', (d) => setProps(d, 'history', { datasetGB: 20 }));
    expect(g.failed[0]).toBe('locked scenario prop history.datasetGB was changed from 60 to 20');
  });
});
