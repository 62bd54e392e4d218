import { describe, expect, it } from 'vitest';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import {
  applyVariant,
  variableErrors,
  fillText,
  textNow,
  variantCount,
  variantFromName,
  variantValues,
} from '../../src/model/variants';

const doc = {
  format: 'sagesim/architecture@1',
  mode: 'puzzle',
  title: 'A {size} GB job',
  story: 'The {format} data is {size} GB.',
  hints: ['Read {format}.'],
  nodes: [
    { id: 'data', kind: 's3-bucket', props: { datasetGB: 1 } },
    { id: 'train', kind: 'training-job' },
  ],
  edges: [{ from: 'data', to: 'train' }],
  variables: {
    size: { values: [40, 60, 80], set: ['data.datasetGB'] },
    format: { values: ['csv', 'parquet'], set: ['data.format'] },
  },
  solution: { setProps: { train: { volumeGB: 200 }, data: { format: '$format' } } },
} as unknown as ArchDoc;

describe('puzzle variants', () => {
  it('count every combination and pick each once over 0 … count−1 (first variable fastest)', () => {
    expect(variantCount(doc)).toBe(6);
    const seen = new Set<string>();
    for (let n = 0; n < 6; n++) seen.add(JSON.stringify(variantValues(doc.variables, n)));
    expect(seen.size).toBe(6);
    expect(variantValues(doc.variables, 1)).toEqual({ size: 60, format: 'csv' });
    expect(variantValues(doc.variables, 3)).toEqual({ size: 40, format: 'parquet' });
    expect(variantValues(doc.variables, 9)).toEqual(variantValues(doc.variables, 3));
  });

  it('write the picked values to their props, the text and the solution, and record the variant', () => {
    const v = applyVariant(doc, 5);
    expect(v.nodes[0].props).toEqual({ datasetGB: 80, format: 'parquet' });
    expect(v.title).toBe('A 80 GB job');
    expect(v.story).toBe('The parquet data is 80 GB.');
    expect(v.hints).toEqual(['Read parquet.']);
    expect(v.solution?.setProps?.data).toEqual({ format: 'parquet' });
    expect(v.variant).toBe(5);
    expect(loadJson(v).ok).toBe(true);
    expect(doc.nodes[0].props).toEqual({ datasetGB: 1 });
  });

  it('leave a document without variables as it is', () => {
    const plain = { ...doc, variables: undefined };
    expect(applyVariant(plain, 3)).toBe(plain);
    expect(variantCount(plain)).toBe(1);
  });

  it('a puzzle opened as written reads its placeholders from the props as they stand', () => {
    expect(textNow(doc, doc.story!)).toBe('The csv data is 1 GB.');
    expect(textNow(applyVariant(doc, 5), 'Read {format}.')).toBe('Read parquet.');
  });

  it('leave unknown placeholders as written', () => {
    expect(fillText('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('derive the same variant from the same name (trimmed, any case), spread over the variants', () => {
    expect(variantFromName(' Ada Lovelace ', 6)).toBe(variantFromName('ada lovelace', 6));
    const names = ['ada', 'bob', 'carl', 'dina', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon', 'kim', 'lou'];
    expect(new Set(names.map((n) => variantFromName(n, 6))).size).toBeGreaterThan(2);
    for (const n of names) expect(variantFromName(n, 6)).toBeLessThan(6);
    expect(variantFromName('ada', 1)).toBe(0);
  });

  it('name real nodes (checked for shipped puzzles), and answers must index their options', () => {
    const bad = { ...doc, variables: { size: { values: [1, 2], set: ['nope.datasetGB'] } } } as ArchDoc;
    expect(variableErrors(bad)).toEqual([['variables.size.set[0]', 'no node with id "nope"']]);
    expect(applyVariant(bad, 1).nodes).toEqual(bad.nodes);
    const q = loadJson({ ...doc, questions: [{ q: 'Why?', options: ['a', 'b', 'c'], answer: 3, why: 'because' }] });
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.errors[0].path).toBe('questions[0].answer');
  });
});
