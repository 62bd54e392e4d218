/** Issue 13, item 8: a pipeline whose steps depend on each other in a loop is refused (AWS refuses the definition). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { COMMANDS, execute } from '../../src/model/commands';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { capture } from '../cli/capture';

const pipeline = (edges: [string, string][]): unknown => ({
  format: 'sagesim/architecture@1',
  nodes: [
    { id: 'p', kind: 'pipeline' },
    { id: 'prep', kind: 'processing-job', parent: 'p' },
    { id: 'train', kind: 'training-job', parent: 'p' },
    { id: 'eval', kind: 'processing-job', parent: 'p' },
  ],
  edges: edges.map(([from, to]) => ({ from, to })),
});

describe('cycles among pipeline steps', () => {
  it('the loader names the cycle at the edge that closes it', () => {
    const r = loadJson(
      pipeline([
        ['prep', 'train'],
        ['train', 'eval'],
        ['eval', 'prep'],
      ]),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'edges[2]',
          message:
            'the steps of pipeline "p" form a cycle prep → train → eval → prep; a pipeline\'s steps are a ' +
            'directed acyclic graph, and SageMaker refuses this definition',
        },
      ],
    });
  });

  it('a two-step loop too; a diamond is fine', () => {
    expect(
      loadJson(
        pipeline([
          ['prep', 'train'],
          ['train', 'prep'],
        ]),
      ).ok,
    ).toBe(false);
    expect(
      loadJson(
        pipeline([
          ['prep', 'train'],
          ['prep', 'eval'],
          ['train', 'eval'],
        ]),
      ).ok,
    ).toBe(true);
  });

  it('the runner exits 2 (it used to report the pipeline Succeeded with its steps Pending)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagesim-cycle-'));
    const file = join(dir, 'cycle.json');
    writeFileSync(
      file,
      JSON.stringify(
        pipeline([
          ['prep', 'train'],
          ['train', 'prep'],
        ]),
      ),
    );
    const { code, err } = capture(main, [file]);
    expect(code).toBe(2);
    expect(err).toContain('form a cycle prep → train → prep');
  });

  it('the editor refuses the connection that would close a loop, so an autosave always loads', () => {
    const r = loadJson(
      pipeline([
        ['prep', 'train'],
        ['train', 'eval'],
      ]),
    );
    if (!r.ok) throw new Error('fixture');
    const o = execute(r.doc as ArchDoc, COMMANDS.connect, { from: 'eval', to: 'prep' });
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.reason).toMatch(/prep already runs before eval: eval → prep would close a loop in pipeline p/);
    expect(execute(r.doc as ArchDoc, COMMANDS.connect, { from: 'prep', to: 'eval' }).ok).toBe(true);
  });
});
