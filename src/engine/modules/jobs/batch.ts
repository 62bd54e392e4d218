import { httpStatus } from '../../../catalog/rules';
import { FALLBACK_INSTANCE_TYPE, instanceCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import { JOB_TIMING as T } from './constants';
import { miniBatchMB, sourcesOf } from './data';
import type { OnEnd } from './prep';
import { JobRun } from './run';

/** Latency of a mini-batch rejected for its size, ms. */
const REJECT_MS = 5;

/**
 * A batch transform job: Starting (image pull, model download) → Transforming: the input dataset is
 * read in mini-batches (see data.ts miniBatchMB), each a request counted in the node's requests /
 * ok / failed with its latency (size ÷ `transformMBps`); progress is accounted every
 * `transformTickSec` across `instanceCount` instances → Uploading → Completed.
 * A mini-batch bigger than MaxPayloadInMB (0 = no limit) is rejected (payload-too-large): the first
 * such request on each instance fails and the job fails, as AWS fails the whole transform job.
 * SplitType defaults to None as on AWS (TransformInput.SplitType): whole files are sent, so a file over
 * MaxPayloadInMB fails the job; BatchStrategy SingleRecord sends one record per request.
 */
export function startBatch(sim: Simulation, n: GNode<'batch-transform'>, onEnd: OnEnd, execution?: number): JobRun {
  const g = sim.graph;
  const count = Number(n.props.instanceCount);
  const limit = Number(n.props.MaxPayloadInMB);
  const split = String(n.props.SplitType);
  const sources = sourcesOf(g, n.id);
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: n.id,
    costNode: n.id,
    name: n.id,
    runningName: 'Transforming',
    usdPerSec: instanceCostUSD(String(n.props.instanceType ?? FALLBACK_INSTANCE_TYPE), 1, count),
    billed: ['Downloading', 'Running', 'Uploading'],
    verbose: true,
    execution,
  });
  const m = sim.metrics(n.id);
  const end = () => onEnd(run);
  // every source is read in turn; mini-batches of each
  const strategy = String(n.props.BatchStrategy);
  const batches = sources.map((s) => ({
    s,
    mb: miniBatchMB(split, limit, s.format, s.gb, strategy),
    totalMB: s.gb * 1024,
  }));
  if (!run.gate('create')) return (end(), run);
  run.go('START', 'Launching requested ML instances');
  run.gate('logs');
  run.after(T.startingSec, 'instances ready', () => {
    if (!run.gate('image-pull')) return end();
    run.go('PROVISIONED', 'Downloading the model artifacts');
    if (!run.gate('model-download')) return end();
    run.after(T.transferOverheadSec, 'model loaded', () => {
      if (sources.length && !run.gate('data-download')) return end();
      run.go(
        'DOWNLOADED',
        `Transforming ${round(
          sources.reduce((a, s) => a + s.gb, 0),
          2,
        )} GB in mini-batches (SplitType ${split}, BatchStrategy ${strategy}, MaxPayloadInMB ${limit})`,
      );
      const big = batches.find((b) => limit > 0 && b.mb > limit && b.totalMB > 0);
      if (big) {
        m.requests += count;
        m.failed += count;
        m.latency.addMany(REJECT_MS, count);
        sim.counter('payload-too-large', n.id).add(sim.now, count, {
          status: httpStatus('payload-too-large', 'batch-transform')!,
          variant: 'the transform container',
          detail: 'Request payload exceeds MaxPayloadInMB',
          sizeMB: round(big.mb, 3),
          limitMB: limit,
          endpointType: 'batch transform',
        });
        run.failWith(
          `ClientError: a mini-batch of ${round(big.mb, 3)} MB from ${big.s.node.id} exceeds MaxPayloadInMB ` +
            `(${limit} MB) with SplitType "${split}": each file is sent as one record`,
          'payload-too-large',
        );
        return end();
      }
      let i = 0,
        doneMB = 0;
      const tick = () => {
        let budget = T.transformMBps * count * T.transformTickSec;
        while (budget > 0 && i < batches.length) {
          const b = batches[i];
          const take = Math.min(budget, b.totalMB - doneMB);
          const reqs = b.mb > 0 ? Math.ceil((doneMB + take) / b.mb) - Math.ceil(doneMB / b.mb) : 0;
          if (reqs > 0) {
            m.requests += reqs;
            m.ok += reqs;
            m.latency.addMany((b.mb / T.transformMBps) * 1000, reqs);
          }
          doneMB += take;
          budget -= take;
          if (doneMB >= b.totalMB) {
            i++;
            doneMB = 0;
          }
        }
        if (i >= batches.length) {
          run.go('RAN', 'Writing the transform output to S3');
          return run.after(T.transferOverheadSec, 'output written', () => {
            run.go('UPLOADED', 'Transform job completed');
            end();
          });
        }
        run.after(T.transformTickSec, 'transform progress', tick);
      };
      run.after(T.transformTickSec, 'transform progress', tick);
    });
  });
  return run;
}
