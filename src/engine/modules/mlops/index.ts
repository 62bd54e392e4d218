import type { Fault } from '../../../model/schema';
import { TOPICS, type AwsEvent } from '../../topics';
import type { SimModule } from '../../sim';
import { startAutomlModels } from './automl';
import { mlopsFindings } from './checks';
import { startEvents } from './events';
import type { ApprovalStatus } from './machine';
import { startModels } from './models';
import { startPipelines } from './pipeline';
import { setApproval, startRegistries } from './registry';
import { mlopsRun } from './state';

/**
 * MLOps flows: model versions and their quality (quality.ts), pipelines (pipeline.ts), the model
 * registry (registry.ts) and event chains (events.ts). Timed actions: `approve` on a model registry,
 * `data-arrival` on an S3 bucket. See README.md for the rules it makes happen and where.
 */
export const mlopsModule: SimModule = {
  id: 'mlops',
  check: mlopsFindings,
  start(sim) {
    const run = mlopsRun(sim);
    startModels(run);
    startAutomlModels(run);
    startRegistries(run);
    startPipelines(run);
    startEvents(run);
  },
  faults: {
    approve(sim, f) {
      const status = ((f as Extract<Fault, { kind: 'approve' }>).status ?? 'Approved') as ApprovalStatus;
      setApproval(mlopsRun(sim), f.node, status);
    },
    'data-arrival'(sim, f) {
      const run = mlopsRun(sim);
      run.dataVersion.set(f.node, (run.dataVersion.get(f.node) ?? 0) + 1);
      const sizeGB = (f as Extract<Fault, { kind: 'data-arrival' }>).sizeGB ?? 1;
      const ev: AwsEvent = { source: f.node, type: 'object-created', detail: { sizeGB } };
      sim.emit(TOPICS.awsEvent, ev);
    },
  },
};
