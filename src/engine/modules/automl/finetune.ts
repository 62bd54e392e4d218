import { BYTES_PER_PARAMETER, FINE_TUNE_TIMING as T } from '../../../catalog/automl';
import { instanceCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import type { Simulation } from '../../sim';
import { TOPICS } from '../../topics';
import type { Blocker } from '../../types';
import { round } from '../../util';
import { fineTuneDataProblem, fineTuneJobName, fineTuneOf } from '../shared/finetune';
import { jumpstartOf } from './jumpstart';

/** Seconds of each phase of a JumpStart model's fine-tuning job. */
export function fineTunePlan(m: GNode<'jumpstart-model'>): {
  startingSec: number;
  downloadSec: number;
  trainingSec: number;
  uploadSec: number;
} {
  const weightsGB = Number(m.props.parametersB) * BYTES_PER_PARAMETER;
  return {
    startingSec: T.startingSec,
    downloadSec: T.downloadSec,
    trainingSec: Number(m.props.fineTuneMinutes) * 60,
    uploadSec: weightsGB / T.uploadGBps,
  };
}

/**
 * A JumpStart model's fine-tuning job (fineTune domain-adaptation or instruction-tuning), run on the node itself:
 * InProgress from Starting (not billed) through Downloading, Training and Uploading (billed on fineTuneInstanceType),
 * then Completed with the fine-tuned model, or Failed: with no s3-bucket it waits (Pending); a gated model whose EULA
 * is not accepted fails when its instances are ready (AWS: the EULA must be accepted before fine-tuning); data its
 * method cannot read fails the job when Training starts (fine-tuning-data-format).
 */
export function startFineTune(sim: Simulation, m: GNode<'jumpstart-model'>): void {
  const method = fineTuneOf(m);
  if (!method) return;
  const g = sim.graph;
  const buckets = g.in(m.id, 's3-bucket');
  const x = sim.metrics(m.id).extra;
  const job = fineTuneJobName(m);
  x.fineTune = method;
  x.fineTuneJob = job;
  if (!buckets.length) {
    sim.setState(m.id, 'Pending', 'no fine-tuning data: connect an s3-bucket to it');
    return;
  }
  const type = String(m.props.fineTuneInstanceType);
  const plan = fineTunePlan(m);
  const bill = (sec: number) => sim.addCost(m.id, instanceCostUSD(type, sec));
  const phase = (message: string) => sim.setState(m.id, 'InProgress', message);
  phase(`${job}: Starting (launching ${type})`);
  sim.note(m.id, 'event', `${job}: ${method} of ${String(m.props.modelId)} on ${buckets.map((b) => b.id).join(', ')}`);
  sim.after(plan.startingSec, `${job}: instances ready`, m.id, () => {
    if (m.props.gated && !m.props.acceptEula) {
      sim.note(
        m.id,
        'event',
        `${job} Failed: ${String(m.props.modelId)} requires explicit acceptance of its end-user license agreement ` +
          'before fine-tuning (accept_eula=True)',
        'error',
      );
      sim.setState(m.id, 'Failed', 'end-user license agreement not accepted');
      return;
    }
    phase(`${job}: Downloading the fine-tuning data`);
    for (const b of buckets) sim.emit(TOPICS.flow, { from: b.id, to: m.id, kind: 'data', label: 'fine-tuning data' });
    sim.after(plan.downloadSec, `${job}: data downloaded`, m.id, () => {
      bill(plan.downloadSec);
      const bad = fineTuneDataProblem(g, m);
      if (bad) {
        sim.incident(bad.rule, m.id, bad.vars);
        sim.setState(m.id, 'Failed', `${job}: ClientError (data format)`);
        return;
      }
      phase(`${job}: Training (${method})`);
      sim.after(plan.trainingSec, `${job}: training done`, m.id, () => {
        bill(plan.trainingSec);
        phase(`${job}: Uploading the fine-tuned weights`);
        sim.after(plan.uploadSec, `${job}: model uploaded`, m.id, () => {
          bill(plan.uploadSec);
          x.fineTunedModel = `${String(m.props.modelId)}-ft`;
          x.fineTuneBilledMin = round((plan.downloadSec + plan.trainingSec + plan.uploadSec) / 60, 1);
          sim.note(m.id, 'event', `${job} Completed: fine-tuned model ${String(x.fineTunedModel)}`);
          sim.setState(m.id, 'Completed', `fine-tuned (${method})`);
        });
      });
    });
  });
}

/**
 * An endpoint deploying a JumpStart model whose fine-tuning cannot succeed (its data format) has no fine-tuned
 * weights to load: it fails at model download with the same rule.
 */
export function fineTunedWeightsMissing(sim: Simulation, ep: GNode): Blocker | null {
  const m = jumpstartOf(sim.graph, ep);
  return m ? fineTuneDataProblem(sim.graph, m) : null;
}
