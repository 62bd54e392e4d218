import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from '../../harness';

/** raw → prep → clean → train → ep: the prep job's transforms and the raw data's traits decide the model. */
const chain = (
  transforms: string[],
  traits: Record<string, unknown> = {},
  train: Record<string, unknown> = {},
  prep: Record<string, unknown> = {},
) =>
  arch(
    node('raw', 's3-bucket', { datasetGB: 2, ...traits }),
    node('prep', 'processing-job', { transforms, ...prep }),
    node('clean', 's3-bucket'),
    node('train', 'training-job', train),
    node('ep', 'realtime-endpoint'),
    edge('raw', 'prep'),
    edge('prep', 'clean'),
    edge('clean', 'train'),
    edge('train', 'ep'),
  );
const go = (doc: ReturnType<typeof chain>) => run(doc, { durationSec: 3600 });
const served = (r: ReturnType<typeof go>) => r.node('ep') as { validation: number; production: number };

describe('one-hot encoding and cardinality', () => {
  it('one-hot on 50,000 categories runs a scikit-learn job out of memory, naming the figures', () => {
    const r = go(chain(['one-hot'], { cardinality: 50_000 }));
    expect(r.state('prep')).toBe('Failed');
    expect(r.incident('one-hot-high-cardinality', 'prep')?.message).toMatch(
      /^MemoryError: prep ran out of memory one-hot encoding a column with 50000 categories: 2 GB of input grows to about 5002 GB, more than the 16 GiB of ml\.m5\.xlarge\.$/,
    );
    expect(r.finding('one-hot-high-cardinality', 'prep')).toBeDefined();
  });

  it('a handful of categories one-hot encodes fine; out-of-fold target encoding or PySpark handle many', () => {
    expect(go(chain(['one-hot'], { cardinality: 12 })).state('prep')).toBe('Completed');
    expect(go(chain(['target-encoding-oof'], { cardinality: 50_000 })).state('prep')).toBe('Completed');
    const spark = go(chain(['one-hot'], { cardinality: 50_000 }, {}, { framework: 'pyspark', instanceCount: 2 }));
    expect(spark.state('prep')).toBe('Completed');
  });

  it('Data Wrangler has more memory (ml.m5.4xlarge) but not for 50,000 categories', () => {
    const doc = (cardinality: number) =>
      arch(
        node('raw', 's3-bucket', { datasetGB: 2, cardinality }),
        node('dw', 'data-wrangler', { transforms: ['one-hot'] }),
        edge('raw', 'dw'),
      );
    expect(go(doc(50_000)).state('dw')).toBe('Failed');
    expect(go(doc(200)).state('dw')).toBe('Completed');
  });
});

describe('leaking transforms', () => {
  it('target encoding on every row inflates validation; out-of-fold does not', () => {
    const leak = go(chain(['target-encoding']));
    const oof = go(chain(['target-encoding-oof']));
    expect(leak.incident('target-encoding-leakage', 'prep')?.message).toMatch(
      /scored validation auc 0\.\d+ but serves at 0\.\d+ on ep/,
    );
    expect(served(leak).validation - served(leak).production).toBeCloseTo(0.06, 2);
    expect(oof.rules().has('target-encoding-leakage')).toBe(false);
    expect(served(oof).validation).toBe(served(oof).production);
  });

  it('SMOTE before the split inflates validation; SMOTE on the training split treats the rare class', () => {
    const rare = { positiveClassRatio: 0.03 };
    const before = go(chain(['smote-before-split'], rare, { evalMetric: 'accuracy' }));
    const after = go(chain(['smote'], rare, { evalMetric: 'accuracy' }));
    const none = go(chain([], rare, { evalMetric: 'accuracy' }));
    expect(before.incident('resampling-before-split', 'prep')).toBeDefined();
    expect(after.rules().has('resampling-before-split')).toBe(false);
    // without resampling the accuracy-judged model is a majority-class model; with it, a real one
    expect(served(none).production).toBeLessThan(0.55);
    expect(served(after).production).toBeGreaterThan(0.8);
  });
});

describe('data traits and the transforms that treat them', () => {
  const val = (doc: ReturnType<typeof chain>) => served(go(doc)).production;

  it('missing values: XGBoost copes; Linear Learner loses AUC until they are imputed', () => {
    const holes = { missingRatio: 0.2 };
    expect(val(chain([], holes))).toBe(val(chain([], {})));
    const ll = { algorithm: 'linear-learner' };
    expect(val(chain([], holes, ll))).toBeCloseTo(val(chain([], {}, ll)) - 0.05, 3);
    expect(val(chain(['median-impute'], holes, ll))).toBe(val(chain([], {}, ll)));
  });

  it('under outliers the median imputes better than the mean', () => {
    const t = { missingRatio: 0.2, outliers: true };
    const ll = { algorithm: 'linear-learner' };
    expect(val(chain(['mean-impute'], t, ll))).toBeLessThan(val(chain(['median-impute'], t, ll)));
  });

  it('right skew: a log transform helps a linear model, trees do not care', () => {
    const skew = { skew: 'right' };
    const ll = { algorithm: 'linear-learner' };
    expect(val(chain([], skew, ll))).toBeLessThan(val(chain(['log'], skew, ll)));
    expect(val(chain([], skew))).toBe(val(chain(['log'], skew)));
  });

  it('a neural network needs scaled features; outliers need clipping before min-max', () => {
    const nn = { algorithm: 'custom' };
    const raw = { skew: 'right' };
    expect(val(chain(['log'], raw, nn))).toBeLessThan(val(chain(['log', 'z-score'], raw, nn)));
    // data that declares no raw traits is taken as ready: no penalty without a prep job
    expect(val(chain([], {}, nn))).toBe(val(chain(['z-score'], {}, nn)));
    const o = { outliers: true };
    expect(val(chain(['min-max'], o, nn))).toBeLessThan(val(chain(['clip-outliers', 'min-max'], o, nn)));
  });

  it('refuses an unknown transform on load, naming the path', () => {
    expect(() => chain(['standardise'])).toThrow(/transforms/);
    expect(findings(chain(['z-score'])).map((f) => f.rule)).toEqual([]);
  });
});

describe('Clarify pre-training bias (S3 → Clarify)', () => {
  const doc = (facetShare: number, labelRateGap: number, limits: Record<string, unknown> = {}) =>
    arch(
      node('loans', 's3-bucket', { datasetGB: 3, facetShare, labelRateGap }),
      node('bias', 'clarify', limits),
      edge('loans', 'bias'),
    );

  it('computes CI = 1 − 2·facet share and DPL = qa − qd, and flags them beyond the limits', () => {
    const r = go(doc(0.1, 0.2));
    expect(r.state('bias')).toBe('Completed');
    expect(r.node('bias').classImbalance).toBe(0.8);
    expect(r.node('bias').dpl).toBe(0.2);
    const i = r.incident('pretraining-bias', 'bias');
    expect(i?.message).toBe(
      'Clarify pre-training bias report for loans: class imbalance CI = 0.8, difference in proportions of ' +
        'labels DPL = 0.2 (limits |CI| ≤ 0.5, |DPL| ≤ 0.1).',
    );
    // a Clarify processing job: start plus a pass over 3 GB
    expect(i?.firstAtSec).toBe(120 + 60 * 3);
  });

  it("balanced data passes; the limits are the team's choice", () => {
    expect(go(doc(0.45, 0.02)).rules().has('pretraining-bias')).toBe(false);
    expect(go(doc(0.3, 0.05)).rules().has('pretraining-bias')).toBe(false);
    expect(
      go(doc(0.3, 0.05, { maxClassImbalance: 0.3 }))
        .rules()
        .has('pretraining-bias'),
    ).toBe(true);
  });

  it('a processing job that rebalances the facet writes data with CI 0; the label gap stays', () => {
    const rebalanced = (transforms: string[]) =>
      go(
        arch(
          node('raw', 's3-bucket', { datasetGB: 3, facetShare: 0.1, labelRateGap: 0.05 }),
          node('prep', 'processing-job', { transforms }),
          node('clean', 's3-bucket', { datasetGB: 3, facetShare: 0.1, labelRateGap: 0.05 }),
          node('bias', 'clarify'),
          edge('raw', 'prep'),
          edge('prep', 'clean'),
          edge('clean', 'bias'),
        ),
      );
    expect(rebalanced([]).node('bias').classImbalance).toBe(0.8);
    expect(rebalanced([]).rules().has('pretraining-bias')).toBe(true);
    const fixed = rebalanced(['facet-rebalance']);
    expect(fixed.node('bias').classImbalance).toBe(0);
    expect(fixed.node('bias').dpl).toBe(0.05);
    expect(fixed.rules().has('pretraining-bias')).toBe(false);
  });

  it('a Clarify node with no data edge runs no pre-training job', () => {
    const r = go(arch(node('bias', 'clarify')));
    expect(r.state('bias')).toBeUndefined();
  });
});

describe('data-quality gate (Glue Data Quality / Deequ rules in a processing step)', () => {
  /** raw → prep → clean → train, prep and train steps of a pipeline (prep, then train). */
  const pipeline = (traits: Record<string, unknown>, prep: Record<string, unknown> = {}) =>
    arch(
      node('raw', 's3-bucket', { datasetGB: 2, ...traits }),
      node('pipe', 'pipeline'),
      node('prep', 'processing-job', prep, 'pipe'),
      node('clean', 's3-bucket', { datasetGB: 2 }),
      node('train', 'training-job', { trainingMinutes: 10 }, 'pipe'),
      edge('raw', 'prep'),
      edge('prep', 'clean'),
      edge('clean', 'train'),
      edge('prep', 'train'),
    );

  it('a completeness rule stops the pipeline at the step on a broken batch, naming the rule and the figure', () => {
    const r = go(pipeline({ missingRatio: 0.4 }, { qualityRules: ['completeness'] }));
    expect(r.state('prep')).toBe('Failed');
    expect(r.incident('data-quality-check-failed', 'prep')?.message).toBe(
      'ClientError: data quality evaluation of raw failed: rule Completeness "*" >= 0.95 (measured 0.6); ' +
        'stopping the job on the failed ruleset.',
    );
    expect(r.state('pipe')).toBe('Failed');
    expect(r.state('train')).toBe('Pending');
    expect(r.rules().has('trained-on-bad-data')).toBe(false);
  });

  it('without a rule the broken batch trains a worse model (0.1 AUC lower than the model before it)', () => {
    const r = go(pipeline({ missingRatio: 0.4 }));
    expect(r.state('train')).toBe('Completed');
    const i = r.incident('trained-on-bad-data', 'train');
    expect(i?.message).toMatch(/^Model train:v1 trained by train scores validation auc 0\.\d+, down from 0\.\d+/);
    const clean = go(pipeline({ missingRatio: 0.02 }));
    const v = (x: ReturnType<typeof go>) => Number(x.node('train').validation);
    expect(v(clean) - v(r)).toBeCloseTo(0.1, 5);
    expect(clean.rules().has('trained-on-bad-data')).toBe(false);
  });

  it('imputing does not rescue a broken batch; a normal share of missing values passes the rule', () => {
    expect(
      go(pipeline({ missingRatio: 0.4 }, { transforms: ['median-impute'] }))
        .rules()
        .has('trained-on-bad-data'),
    ).toBe(true);
    const ok = go(pipeline({ missingRatio: 0.02 }, { qualityRules: ['completeness', 'range'] }));
    expect(ok.state('prep')).toBe('Completed');
    expect(ok.state('pipe')).toBe('Succeeded');
  });

  it('the range rule fails on outliers; the threshold is the team’s', () => {
    const range = go(pipeline({ outliers: true }, { qualityRules: ['range'] }));
    expect(range.incident('data-quality-check-failed', 'prep')?.message).toMatch(/ColumnValues "\*" between/);
    const lax = go(pipeline({ missingRatio: 0.4 }, { qualityRules: ['completeness'], minCompleteness: 0.5 }));
    expect(lax.state('prep')).toBe('Completed');
    expect(lax.rules().has('trained-on-bad-data')).toBe(true);
  });
});

describe('format choice: a job that uses a few columns (columnsRead)', () => {
  const job = (format: string, columnsRead: number, framework = 'pyspark') =>
    go(
      arch(
        node('raw', 's3-bucket', { datasetGB: 100, format }),
        node('prep', 'processing-job', { framework, instanceCount: 2, columnsRead }),
        edge('raw', 'prep'),
      ),
    );

  it('reads only the selected columns of Parquet or ORC, every byte of CSV or JSON', () => {
    expect(job('parquet', 0.05).node('prep').scannedGB).toBe(5);
    expect(job('orc', 0.05).node('prep').scannedGB).toBe(5);
    expect(job('csv', 0.05).node('prep').scannedGB).toBe(100);
    expect(job('jsonlines', 0.05).node('prep').scannedGB).toBe(100);
  });

  it('a narrow read of a row format is reported with the figures; the columnar job is faster and cheaper', () => {
    const csv = job('csv', 0.05);
    expect(csv.incident('row-format-full-scan', 'prep')?.message).toBe(
      'Processing job prep scans 100 GB of input to use 5% of its columns (100 GB of it read row by row).',
    );
    const parquet = job('parquet', 0.05);
    expect(parquet.rules().has('row-format-full-scan')).toBe(false);
    expect(parquet.state('prep')).toBe('Completed');
    expect(Number(parquet.node('prep').costUSD)).toBeLessThan(Number(csv.node('prep').costUSD) / 5);
  });

  it('a job using most columns reads everything either way and is not reported', () => {
    expect(job('csv', 0.8).rules().has('row-format-full-scan')).toBe(false);
    expect(job('parquet', 0.8).node('prep').scannedGB).toBe(80);
  });
});

describe('joining sources (S3 and Redshift) in one processing job', () => {
  const join = (prep: Record<string, unknown>, clicksGB = 60) =>
    go(
      arch(
        node('clicks', 's3-bucket', { datasetGB: clicksGB, format: 'parquet' }),
        node('crm', 'data-source', { engine: 'redshift', datasetGB: 20 }),
        node('prep', 'processing-job', prep),
        edge('clicks', 'prep'),
        edge('crm', 'prep'),
      ),
    );

  it('pandas on one instance runs out of memory joining 80 GB, naming both sides and the figures', () => {
    const r = join({ framework: 'sklearn', instanceType: 'ml.m5.4xlarge' });
    expect(r.state('prep')).toBe('Failed');
    expect(r.incident('join-out-of-memory', 'prep')?.message).toBe(
      'MemoryError: processing job prep ran out of memory joining clicks and crm (80 GB of input): the join ' +
        'needs about 160 GB in memory, more than the 64 GiB of ml.m5.4xlarge.',
    );
  });

  it('PySpark spreads the join; a small join fits one instance; one source is not a join', () => {
    expect(join({ framework: 'pyspark', instanceCount: 4 }).state('prep')).toBe('Completed');
    expect(join({ framework: 'sklearn', instanceType: 'ml.r5.4xlarge' }, 10).state('prep')).toBe('Completed');
    const one = go(
      arch(
        node('clicks', 's3-bucket', { datasetGB: 80 }),
        node('prep', 'processing-job', { framework: 'sklearn' }),
        edge('clicks', 'prep'),
      ),
    );
    expect(one.rules().has('join-out-of-memory')).toBe(false);
  });
});
