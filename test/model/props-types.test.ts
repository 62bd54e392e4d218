import { describe, expect, expectTypeOf, it } from 'vitest';
import { type PropsOf, defaultProps, propsByName } from '../../src/catalog/kinds';
import type { AutoscalingValue, VariantValue } from '../../src/catalog/types';
import { type GNode, Graph } from '../../src/model/graph';
import type { Autoscaling, Variant } from '../../src/model/props';
import { arch, node } from '../harness';

/* Types checked by `tsc` (test/ is type-checked): a wrong prop name or value type fails the build. */
describe('props typed per kind from the catalog', () => {
  it('gives each prop the type its catalog definition says', () => {
    expectTypeOf<PropsOf<'training-job'>['inputMode']>().toEqualTypeOf<'File' | 'Pipe' | 'FastFile'>();
    expectTypeOf<PropsOf<'training-job'>['checkpointS3Uri']>().toEqualTypeOf<string | null>();
    expectTypeOf<PropsOf<'training-job'>['maxWaitSec']>().toEqualTypeOf<number | null>();
    expectTypeOf<PropsOf<'training-job'>['instanceCount']>().toEqualTypeOf<number>();
    expectTypeOf<PropsOf<'training-job'>['spot']>().toEqualTypeOf<boolean>();
    expectTypeOf<PropsOf<'training-job'>['role']>().toEqualTypeOf<string | null>();
    expectTypeOf<PropsOf<'tuning-job'>['warmStart']>().toEqualTypeOf<
      'IDENTICAL_DATA_AND_ALGORITHM' | 'TRANSFER_LEARNING' | null
    >();
    expectTypeOf<PropsOf<'iam-role'>['actions']>().toEqualTypeOf<string[]>();
    expectTypeOf<PropsOf<'realtime-endpoint'>['autoscaling']>().toEqualTypeOf<AutoscalingValue | null>();
    expectTypeOf<PropsOf<'realtime-endpoint'>['variants']>().toEqualTypeOf<VariantValue[]>();
    expectTypeOf<keyof PropsOf<'sqs'>>().toEqualTypeOf<never>();
    // @ts-expect-error a client has no instanceType
    expectTypeOf<PropsOf<'client'>['instanceType']>();
    // the zod schemas of the two structured props give exactly the catalog's value types
    expectTypeOf<Autoscaling>().toEqualTypeOf<AutoscalingValue>();
    expectTypeOf<Variant>().toEqualTypeOf<VariantValue>();
  });

  it('narrows a graph node by kind; defaults fill every prop', () => {
    const g = new Graph(arch(node('t', 'training-job', { spot: true }), node('b', 's3-bucket')));
    const t = g.nodeOf('t', 'training-job');
    expectTypeOf(t).toEqualTypeOf<GNode<'training-job'>>();
    expect(t.props.spot).toBe(true);
    expect(t.props.inputMode).toBe('File');
    expect(g.ofKind('s3-bucket').map((b) => b.props.format)).toEqual(['csv']);
    const any = g.node('t');
    if (any.kind === 'training-job') expectTypeOf(any.props.volumeGB).toEqualTypeOf<number>();
    expect(() => g.nodeOf('b', 'training-job')).toThrow('node "b" is a s3-bucket, not a training-job');
    expect(propsByName(defaultProps('client')).instanceType).toBeUndefined();
    expect(Object.keys(defaultProps('training-job'))).toContain('evalMetric');
  });
});
