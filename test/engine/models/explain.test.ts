/**
 * Clarify explainability (issue 16, skill S2.3.5): a column set after the outcome inflates validation only, a
 * post-training explainability job (training-job → clarify) shows it dominating the SHAP attributions, and a
 * feature-attribution monitor sees live attributions drift from the baseline (nDCG < 0.9). Dropping the column in
 * a prep step upstream removes all three.
 */
import { describe, expect, it } from 'vitest';
import { attributionNdcg, shapAttributions } from '../../../src/engine/modules/shared/explain';
import { Graph } from '../../../src/model/graph';
import { arch, edge, node, run } from '../../harness';

const FEATURES = ['amount', 'tenure', 'prior_claims', 'shop_risk'];

function doc(o: { leak?: string | null; drop?: string[]; monitor?: boolean; wrangler?: boolean } = {}) {
  const { leak = 'refund_flag', drop = [], monitor = true, wrangler = false } = o;
  return arch(
    node('raw', 's3-bucket', {
      datasetGB: 2,
      task: 'binary-classification',
      positiveClassRatio: 0.2,
      featureNames: FEATURES,
      leakyFeature: leak,
    }),
    // the drop happens in a Data Wrangler flow exported to the processing job, or in the processing job itself
    ...(wrangler
      ? [node('flow', 'data-wrangler', { dropColumns: drop }), edge('raw', 'flow'), edge('flow', 'prep')]
      : []),
    node('prep', 'processing-job', { dropColumns: wrangler ? [] : drop }),
    node('features', 's3-bucket', { datasetGB: 2, positiveClassRatio: 0.2 }),
    node('train', 'training-job', { trainingMinutes: 10 }),
    node('clarify', 'clarify'),
    node('ep', 'realtime-endpoint', { dataCapture: true }),
    node('c', 'client', { rps: 1 }),
    ...(monitor
      ? [node('mon', 'model-monitor', { monitorType: 'feature-attribution', baseline: true, scheduleMinutes: 60 })]
      : []),
    edge('raw', 'prep'),
    edge('prep', 'features'),
    edge('features', 'train'),
    edge('train', 'clarify'),
    edge('train', 'ep'),
    edge('c', 'ep'),
    ...(monitor ? [edge('ep', 'mon'), edge('mon', 'clarify')] : []),
  );
}

describe('label leakage and SHAP explainability', () => {
  it('a leaked column inflates validation by 0.1 only, and shows when the model serves', () => {
    const leaky = run(doc(), { durationSec: 7200 });
    const clean = run(doc({ leak: null }), { durationSec: 7200 });
    const v = (r: typeof leaky) => Number(r.node('train').validation);
    expect(v(leaky) - v(clean)).toBeCloseTo(0.1, 3);
    expect(leaky.node('train').production).toBe(clean.node('train').production);
    expect(leaky.incident('label-leakage', 'raw')!.message).toMatch(
      /^Model quality degraded in production: train:v0, trained by train on data with column refund_flag \(from raw\), scored validation auc [\d.]+ but serves at [\d.]+ on ep\.$/,
    );
    expect(clean.rules().has('label-leakage')).toBe(false);
  });

  it(
    'the explainability report ranks the leaked column first with 60–75% of mean |SHAP|; without it, the first ' +
      'named feature leads',
    () => {
      const leaky = run(doc(), { durationSec: 7200 });
      const c = leaky.node('clarify');
      expect(c.state).toBe('Completed');
      expect(c.topFeature).toBe('refund_flag');
      expect(Number(c.topShare)).toBeGreaterThanOrEqual(0.6);
      expect(Number(c.topShare)).toBeLessThanOrEqual(0.75);
      expect(
        leaky.report.timeline.some(
          (l) => l.node === 'clarify' && /global SHAP .*: refund_flag 0\.\d+, amount/.test(l.event),
        ),
      ).toBe(true);
      const fixed = run(doc({ drop: ['refund_flag'] }), { durationSec: 7200 }).node('clarify');
      expect(fixed.topFeature).toBe('amount');
      expect(Number(fixed.topShare)).toBeLessThan(0.5);
    },
  );

  it(
    'the feature-attribution monitor reports drift (nDCG below 0.9) ' + 'only while the leaked column is in the model',
    () => {
      const leaky = run(doc(), { durationSec: 7200 });
      const i = leaky.incident('feature-attribution-drift', 'mon')!;
      expect(i.message).toMatch(
        /^feature_attribution_drift_check: the nDCG of the global SHAP values of live traffic vs the baseline constraints is 0\.\d+, below 0\.9 \(label label0\)\.$/,
      );
      expect(Number(leaky.node('mon').lastNdcg)).toBeLessThan(0.9);
      const fixed = run(doc({ drop: ['refund_flag'] }), { durationSec: 7200 });
      expect(fixed.rules().has('feature-attribution-drift')).toBe(false);
      expect(Number(fixed.node('mon').lastNdcg)).toBeGreaterThanOrEqual(0.9);
      expect(fixed.rules().has('label-leakage')).toBe(false);
    },
  );

  it('a Data Wrangler step upstream drops the column as well; dropping another column does not', () => {
    expect(
      run(doc({ drop: ['refund_flag'], wrangler: true }), { durationSec: 7200 })
        .rules()
        .has('label-leakage'),
    ).toBe(false);
    expect(
      run(doc({ drop: ['amount'] }), { durationSec: 7200 })
        .rules()
        .has('label-leakage'),
    ).toBe(true);
  });

  it('attributions sum to 1, are seeded, and nDCG is 1 for the same ranking', () => {
    const g = new Graph(doc());
    const a = shapAttributions(g, 'train', 7);
    expect(a.baseline.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 2);
    expect(a.live.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 2);
    expect(shapAttributions(g, 'train', 7)).toEqual(a);
    expect(a.leaked).toEqual(['refund_flag']);
    expect(attributionNdcg(a.baseline, a.baseline)).toBe(1);
    expect(attributionNdcg(a.baseline, a.live)).toBeLessThan(0.9);
  });
});
