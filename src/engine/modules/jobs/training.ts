import { instanceCostUSD } from '../../../catalog/prices';
import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import {
  accuracyProblem,
  diskProblem,
  formatProblem,
  inputModeProblem,
  gpuProblem,
  parallelUnneeded,
  pipeProblem,
  slowStart,
  smallFilesProblem,
} from './checks';
import { JOB_TIMING } from './constants';
import { learningPlan } from '../shared/learning';
import { tabularGpuNetwork } from '../shared/feasibility';
import { recordLearning, learningStop } from './learning';
import { sourcesOf } from './data';
import { JobRun } from './run';
import { cpuSlowdown, fileDownloadSec, trainingPlan } from './timing';

/** Training bills from Downloading to the end of Uploading (BillableTimeInSeconds); Starting is free. */
export const BILLED_PHASES = ['Downloading', 'Running', 'Uploading'] as const;

/** How a training run is shown and what it reports when it ends. */
export interface TrainingHooks {
  stateNode: string | null;
  costNode: string;
  name: string;
  verbose: boolean;
  execution?: number;
  /** Hyperband or Auto early stopping: the tuner stops it after this fraction of its Training phase. */
  fraction?: number;
  /** Why the tuner stopped it early (the job's status message). */
  stopReason?: string;
  /** A tuner's children try other hyperparameters: their curves are not the job's (no learning incidents). */
  learning?: boolean;
  /**
   * Record misleading-accuracy on completion when evalMetric is accuracy (a tuner records it once for all its
   * children).
   */
  reportAccuracy: boolean;
  onEnd(run: JobRun): void;
}

/** A running job a spot-interruption fault can hit. */
export interface Interruptible {
  run: JobRun;
  /** Interrupt now; false when it cannot be (not spot, not running, already interrupted). */
  interrupt(): boolean;
}

/**
 * One training job run: Starting → Downloading → Training → Uploading → Completed, asking the gates
 * (logs and image-pull at Starting, data-download at Downloading, outbound-call at Training) and failing
 * on the rules of its configuration: no space left on the File-mode volume (during Downloading), input
 * format and CUDA out of memory (at Training start). Spot jobs can be interrupted (a fault, or seeded
 * random interruptions on long jobs): after `spotRecapacitySec` they start again; with a checkpoint
 * Training resumes where it stopped, without one it restarts from zero (spot-without-checkpoint).
 * MaxWaitTimeInSeconds (`maxWaitSec`) stops a spot job that has not finished in time.
 */
export function startTraining(sim: Simulation, n: GNode<'training-job'>, h: TrainingHooks): Interruptible {
  const g = sim.graph;
  const p = n.props;
  const pipe = pipeProblem(g, n),
    parallel = parallelUnneeded(n),
    disk = diskProblem(g, n);
  const plan = trainingPlan(g, n, !!pipe, !!parallel);
  const spot = p.spot === true;
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: h.stateNode,
    costNode: h.costNode,
    name: h.name,
    runningName: 'Training',
    usdPerSec: instanceCostUSD(String(p.instanceType), 1, Number(p.instanceCount), spot),
    billed: BILLED_PHASES,
    verbose: h.verbose,
    execution: h.execution,
  });
  const rng = sim.rng(`spot:${h.name}:${h.execution ?? 0}`);
  const learning = h.learning !== false ? learningPlan(n) : null;
  // early stopping and a Debugger StopTraining cut the Training phase at the step they stop
  const stopAt = learning ? learningStop(learning) : null;
  const trainingSec = plan.trainingSec * (h.fraction ?? stopAt?.fraction ?? 1);
  const hasInputs = sourcesOf(g, n.id).length > 0;
  const hasOutbound = g.out(n.id, 'data-source', 'sns', 'sqs', 'lambda').length > 0;
  const once = new Set<string>();
  let done = 0,
    trainFrom = 0,
    downloadFrom = 0,
    attemptBilled = 0,
    restarts = 0,
    attempts = 0,
    ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    if (h.stateNode) sim.metrics(h.stateNode).extra.durationSec = round(sim.now - run.startedAt, 1);
    h.onEnd(run);
  };
  const warnOnce = (rule: string, vars: Record<string, string | number>) => {
    if (!once.has(rule)) {
      once.add(rule);
      sim.incident(rule, n.id, vars);
    }
  };

  const starting = () => {
    attemptBilled = run.billedSec;
    if (attempts++ === 0) run.go('START', 'Launching requested ML instances; preparing the instances for training');
    else run.go('RESTART', 'Launching replacement ML instances after the Spot interruption');
    if (attempts === 1) run.gate('logs');
    run.after(plan.startingSec, 'instances ready', downloading);
  };
  const downloading = () => {
    if (!run.gate('image-pull')) return end();
    downloadFrom = sim.now;
    const mountOnly = plan.mounts && plan.datasetGB === 0;
    run.go(
      'PROVISIONED',
      mountOnly
        ? `Mounting the input file system (${g
            .in(n.id, 'file-system')
            .map((f) => f.id)
            .join(', ')})`
        : p.inputMode === 'File'
          ? `Downloading input data (${round(plan.datasetGB, 2)} GB)`
          : `Preparing the ${p.inputMode} input channel`,
    );
    if (hasInputs && !run.gate('data-download')) return end();
    const small = smallFilesProblem(g, n);
    if (small) warnOnce(small.rule, small.vars);
    if (plan.mounts && h.stateNode) {
      // what the node's details compare: the mount and its read against a File-mode copy of the same data from S3
      const x = sim.metrics(h.stateNode).extra;
      const fsGB = g.in(n.id, 'file-system').reduce((a, f) => a + (Number(f.props.datasetGB) || 0), 0);
      x.inputMountSec = round(plan.downloadSec, 1);
      x.fileSystemReadMin = round(plan.fsReadSec / 60, 1);
      x.s3FileModeDownloadMin = round(fileDownloadSec(fsGB, Number(p.instanceCount)) / 60, 1);
    }
    if (disk && plan.diskFullAtSec !== null)
      return run.after(plan.diskFullAtSec, 'volume full', () => {
        run.fail(disk.rule, disk.vars);
        end();
      });
    run.after(plan.downloadSec, 'input downloaded', training);
  };
  const training = () => {
    const slow = slowStart(g, n);
    if (slow) warnOnce(slow.rule, { ...slow.vars, downloadMin: round((sim.now - downloadFrom) / 60, 1) });
    run.go('DOWNLOADED', 'Training image download completed. Training in progress.');
    const fatal = formatProblem(g, n) ?? inputModeProblem(n) ?? gpuProblem(n);
    if (fatal) {
      run.fail(fatal.rule, fatal.vars);
      return end();
    }
    if (hasOutbound && !run.gate('outbound-call')) return end();
    if (Number(n.props.instanceCount) > 1 && !run.gate('cluster')) return end();
    if (pipe) warnOnce(pipe.rule, pipe.vars);
    if (parallel) warnOnce(parallel.rule, parallel.vars);
    const slowdown = cpuSlowdown(n);
    if (slowdown > 1 && !once.has('cpu')) {
      once.add('cpu');
      sim.note(
        n.id,
        h.verbose ? 'event' : 'info',
        `${h.name}: a deep network timed on a GPU trains on ${String(p.instanceType)} (no GPU): about ${slowdown}× ` +
          `longer, ${round(trainingSec / 60, 1)} min of Training`,
        'warning',
      );
    }
    trainFrom = sim.now;
    const remaining = trainingSec - done;
    if (spot && plan.trainingSec >= JOB_TIMING.spotRandomMinTrainingSec) {
      const gap = rng.exp(1 / JOB_TIMING.spotMeanSecBetweenInterruptions);
      if (gap < remaining)
        run.after(gap, 'spot capacity reclaimed', () => {
          sim.note(n.id, 'fault', `${h.name}: Spot capacity reclaimed (random interruption)`, 'warning');
          interrupt();
        });
    }
    if (stopAt?.debugger) {
      return run.after(remaining, 'Debugger StopTraining', () => {
        recordLearning(sim, n, learning!);
        run.stop(stopAt.message);
        end();
      });
    }
    if (h.fraction !== undefined && h.fraction < 1) {
      return run.after(remaining, 'early stop', () => {
        run.stop(h.stopReason ?? 'Training job stopped early by the tuning job (Hyperband early stopping)');
        end();
      });
    }
    run.after(remaining, 'training done', uploading);
  };
  const uploading = () => {
    done = trainingSec;
    if (learning) recordLearning(sim, n, learning);
    run.go('RAN', 'Uploading generated training model');
    run.after(plan.uploadSec, 'model uploaded', () => {
      if (!run.gate('output-upload')) return end();
      run.go('UPLOADED', 'Training job completed');
      end();
      // after jobCompleted: the MLOps module may have recorded the model's validation figure
      // only when the job's own evalMetric is accuracy: a condition step judging by accuracy records it itself
      const acc = h.reportAccuracy && p.evalMetric === 'accuracy' ? accuracyProblem(g, n) : null;
      if (acc)
        sim.incident(acc.rule, n.id, { ...acc.vars, accuracy: reportedAccuracy(sim, n.id) ?? acc.vars.accuracy });
      const gpu = tabularGpuNetwork(g, n);
      if (gpu) {
        const cost = run.billedSec * instanceCostUSD(String(p.instanceType), 1, Number(p.instanceCount), spot);
        sim.incident('gpu-network-on-tabular-data', n.id, {
          instanceType: gpu.instanceType,
          gpuModel: gpu.gpuModel,
          datasetGB: gpu.datasetGB,
          task: gpu.task,
          costUSD: round(cost, 2),
          minutes: round(run.billedSec / 60, 1),
          cpuType: gpu.cpuType,
          cpuCostUSD: round((cost * gpu.cpuPerHour) / gpu.gpuPerHour, 2),
          ratio: round(gpu.gpuPerHour / gpu.cpuPerHour, 1),
        });
      }
    });
  };
  const interrupt = (): boolean => {
    if (!spot || run.ended || run.phase === 'Interrupted' || run.phase === 'Pending') return false;
    if (run.phase === 'Running') done += sim.now - trainFrom;
    run.interrupt('Spot capacity reclaimed: the training instances were interrupted');
    if (p.checkpointS3Uri) {
      sim.note(
        n.id,
        h.verbose ? 'event' : 'info',
        `${h.name}: will resume from the checkpoint in ${p.checkpointS3Uri} (${round(done / 60, 1)} min of ` +
          `training kept)`,
      );
    } else {
      restarts++;
      done = 0;
      sim.incident('spot-without-checkpoint', n.id, {
        lostMin: round((run.billedSec - attemptBilled) / 60, 1),
        restarts,
      });
    }
    run.after(JOB_TIMING.spotRecapacitySec, 'spot capacity back', starting);
    return true;
  };

  if (!run.gate('create')) {
    end();
    return { run, interrupt };
  }
  starting();
  const maxWait = p.maxWaitSec;
  if (spot && typeof maxWait === 'number') {
    sim.after(maxWait, `${h.name}: MaxWaitTimeInSeconds`, n.id, () => {
      if (run.ended) return;
      run.stop(
        `MaxWaitTimeExceeded: the job stopped because it exceeded MaxWaitTimeInSeconds (${maxWait} s) before ` +
          `it completed`,
      );
      end();
    });
  }
  return { run, interrupt };
}

/** The validation accuracy another module reported for the job's model (extra.metric / extra.validation), if any. */
function reportedAccuracy(sim: Simulation, id: string): number | null {
  const x = sim.metrics(id).extra;
  return x.metric === 'accuracy' && typeof x.validation === 'number' ? x.validation : null;
}
