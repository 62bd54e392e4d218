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
        for (const [name, value] of Object.entries(props)) expect(puzzleRefusal(p.doc, 'setProp', { id, name, value }), `${p.path} ${id}.${name}`).toBeNull();
      }
    }
  });

  it('outside puzzle mode, and on nodes the player added, props are free', () => {
    const doc = byName('d4/04');
    expect(puzzleRefusal({ ...doc, mode: 'sandbox' }, 'setProp', { id: 'priv', name: 'access', value: 'public' })).toBeNull();
    expect(puzzleRefusal(doc, 'setProp', { id: 'vpc-endpoint-1', name: 'service', value: 'ecr.api' })).toBeNull();
  });
});
