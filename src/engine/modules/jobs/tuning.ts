import type { GNode } from '../../../model/graph';
import type { Simulation } from '../../sim';
import { accuracyProblem, gridProblem } from './checks';
import type { OnEnd } from './prep';
import { JobRun } from './run';
import { startTraining, type Interruptible } from './training';
import { round } from '../../util';
import { searchOutcome, tuningSearch } from '../shared/search';
import { tuningProblem } from '../shared/search';

/**
 * A hyperparameter tuning job: runs `maxJobs` copies of the training job it tunes, at most
 * `maxParallelJobs` at a time, each through the full training lifecycle (their incidents land on the
 * training job, their cost on the tuning job). Grid search over continuous or mixed ranges is rejected
 * at creation (grid-search-continuous). A child that fails stops new launches and the tuner fails when
 * the running ones end (a configuration error fails them all). Hyperband stops most children early
 * (seeded). Extra: jobsCompleted, jobsStopped, jobsFailed, peakParallelJobs.
 */
export function startTuning(
  sim: Simulation,
  n: GNode<'tuning-job'>,
  onEnd: OnEnd,
  register: (node: string, it: Interruptible) => void,
  execution?: number,
): JobRun {
  const g = sim.graph;
  const run = new JobRun(sim, {
    node: n.id,
    stateNode: n.id,
    costNode: n.id,
    name: n.id,
    runningName: 'Tuning',
    usdPerSec: 0,
    billed: [],
    verbose: true,
    execution,
  });
  const end = () => onEnd(run);
  const grid = gridProblem(n) ?? tuningProblem(n);
  if (grid) {
    run.fail(grid.rule, grid.vars);
    end();
    return run;
  }
  const train = g.out(n.id, 'training-job')[0];
  if (!train) {
    run.failWith(
      `ValidationException: tuning job ${n.id} needs a training job definition (connect ${n.id} → the ` +
        `training-job it tunes)`,
    );
    end();
    return run;
  }
  const maxJobs = Number(n.props.maxJobs),
    maxParallel = Number(n.props.maxParallelJobs);
  const search = tuningSearch(n, sim.seed);
  const counts = { jobsCompleted: 0, jobsStopped: 0, jobsFailed: 0, peakParallelJobs: 0 };
  const extra = sim.metrics(n.id).extra;
  Object.assign(extra, counts);
  let launched = 0,
    running = 0,
    firstFailure: string | null = null,
    failedRule: string | undefined;

  run.go(
    'START',
    `Launching up to ${maxParallel} of ${maxJobs} training jobs of ${train.id} (${n.props.strategy} search)`,
  );
  run.go('RUN', 'Tuning in progress');
  sim.setState(train.id, 'InProgress', `tuned by ${n.id}`);

  const finish = () => {
    if (firstFailure) {
      run.failWith(
        `ClientError: training job ${firstFailure} of ${train.id} failed, so tuning job ${n.id} stopped ` +
          `launching new ones (${counts.jobsFailed} failed)`,
        failedRule,
      );
      sim.setState(train.id, 'Failed', `the training jobs of tuning job ${n.id} failed`);
    } else {
      const { best, firstGood } = searchOutcome(search.slice(0, launched));
      if (best) {
        extra.bestTrainingJob = `${n.id}-${String(best.index).padStart(3, '0')}`;
        extra.bestValidationLoss = round(best.loss, 4);
      }
      extra.firstGoodJob = firstGood ?? 'none';
      run.go(
        'RAN',
        `Best training job selected (${counts.jobsCompleted} completed, ${counts.jobsStopped} stopped early)` +
          (best ? `: ${extra.bestTrainingJob}, validation loss ${extra.bestValidationLoss}` : '') +
          (firstGood
            ? `; a good model first appeared at job ${firstGood} of ${launched}`
            : `; no job came within 0.01 of the best reachable loss in ${launched} jobs`),
      );
      run.go('UPLOADED', 'Hyperparameter tuning job completed');
      const acc = train.props.evalMetric === 'accuracy' ? accuracyProblem(g, train) : null;
      if (acc) sim.incident(acc.rule, train.id, acc.vars);
      sim.setState(train.id, counts.jobsCompleted > 0 ? 'Completed' : 'Stopped', `best of ${n.id}'s training jobs`);
    }
    end();
  };
  const launch = () => {
    while (running < maxParallel && launched < maxJobs && !firstFailure) {
      const job = search[launched];
      const name = `${n.id}-${String(++launched).padStart(3, '0')}`;
      const fraction = job.fraction < 1 ? job.fraction : undefined;
      running++;
      counts.peakParallelJobs = Math.max(counts.peakParallelJobs, running);
      const it = startTraining(sim, train, {
        stateNode: null,
        costNode: n.id,
        name,
        verbose: false,
        execution,
        fraction,
        stopReason: job.autoStopped
          ? 'Training job stopped early by the tuning job (early stopping Auto: worse than the median of earlier jobs)'
          : 'Training job stopped early by the tuning job (Hyperband early stopping)',
        reportAccuracy: false,
        learning: false,
        onEnd: (child) => {
          running--;
          if (child.status === 'Completed') counts.jobsCompleted++;
          else if (child.status === 'Stopped') counts.jobsStopped++;
          else {
            counts.jobsFailed++;
            firstFailure ??= name;
            failedRule ??= child.failedRule ?? undefined;
          }
          Object.assign(extra, counts);
          if (running === 0 && (launched >= maxJobs || firstFailure)) finish();
          else launch();
        },
      });
      register(n.id, it);
      register(train.id, it);
    }
    Object.assign(extra, counts);
  };
  launch();
  return run;
}
