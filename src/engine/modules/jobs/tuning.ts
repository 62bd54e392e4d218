import type { GNode } from '../../../model/graph';
import type { Simulation } from '../../sim';
import { accuracyProblem, gridProblem } from './checks';
import type { OnEnd } from './prep';
import { JobRun } from './run';
import { startTraining, type Interruptible } from './training';

/** Hyperband: fractions of the Training phase its children run before early stopping, with their odds. */
const HYPERBAND = [
  { upTo: 0.6, fraction: 1 / 9 },
  { upTo: 0.9, fraction: 1 / 3 },
  { upTo: 1, fraction: 1 },
] as const;

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
  const grid = gridProblem(n);
  if (grid) {
    run.fail(grid.rule, grid.vars);
    end();
    return run;
  }
  const train = g.out(n.id, 'training-job')[0];
  if (!train) {
    run.failWith(
      `ValidationException: tuning job ${n.id} needs a training job definition (connect ${n.id} → the training-job it tunes)`,
    );
    end();
    return run;
  }
  const maxJobs = Number(n.props.maxJobs),
    maxParallel = Number(n.props.maxParallelJobs);
  const rng = sim.rng(`tuning:${n.id}:${execution ?? 0}`);
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
        `ClientError: training job ${firstFailure} of ${train.id} failed, so tuning job ${n.id} stopped launching new ones (${counts.jobsFailed} failed)`,
        failedRule,
      );
      sim.setState(train.id, 'Failed', `the training jobs of tuning job ${n.id} failed`);
    } else {
      run.go(
        'RAN',
        `Best training job selected (${counts.jobsCompleted} completed, ${counts.jobsStopped} stopped early)`,
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
      const name = `${n.id}-${String(++launched).padStart(3, '0')}`;
      const r = rng.next();
      const fraction = n.props.strategy === 'hyperband' ? HYPERBAND.find((b) => r < b.upTo)!.fraction : undefined;
      running++;
      counts.peakParallelJobs = Math.max(counts.peakParallelJobs, running);
      const it = startTraining(sim, train, {
        stateNode: null,
        costNode: n.id,
        name,
        verbose: false,
        execution,
        fraction,
        reportAccuracy: false,
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
