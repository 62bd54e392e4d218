import type { GNode } from '../../../model/graph';
import { Rng } from '../../rng';
import { LEARNING } from './learning';

/**
 * What a hyperparameter tuning job's search finds, job by job. Pure and seeded (seed, tuning job id).
 *
 * Each training job the tuner launches tries one combination at a distance d ∈ [0, 1) from the best one in the
 * ranges; its validation loss is the best reachable loss + 0.25·d. A job is "good" within 0.01 of the best
 * reachable (d ≤ 0.04).
 * - Random search draws d uniformly: every job has the same 4% chance of being good, whatever came before
 *   (AWS: choices do not depend on earlier results, so any parallelism is fine).
 * - Bayesian search learns from completed jobs: d = uniform × e^(−k/6), where k is the number of results it
 *   knows when it picks (jobs completed before this launch, so more parallel jobs learn less), plus the warm-
 *   start parents' jobs (all of them for IDENTICAL_DATA_AND_ALGORITHM, half for TRANSFER_LEARNING, whose data or
 *   algorithm differ). Grid search walks a discrete grid: d evenly spread.
 * - Hyperband draws like random search, but stops the unpromising jobs early (see HYPERBAND); only jobs run to
 *   the end count as candidates (a stopped job's partial result is not a model). It reaches a good model in
 *   less time and compute, not in fewer jobs.
 * - Early stopping "Auto" (not with Hyperband): a job whose loss is worse than the median of earlier jobs is
 *   stopped after a third of its training; it is not a candidate.
 * AWS: https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-how-it-works.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-early-stopping.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html.
 */
/**
 * Hyperband's budgets: it runs every job for a short while and gives the full budget only to the promising ones
 * (our model of its successive halving): a job better than the median of the jobs before it runs to the end, one
 * better than three quarters of them a third of its training, the rest a ninth.
 */
export const HYPERBAND = { full: 0.5, third: 0.75, short: 1 / 9 } as const;

export const SEARCH = {
  lossPerDistance: 0.25,
  goodDistance: 0.04,
  learnScale: 6,
  transferWeight: 0.5,
  autoStopFraction: 1 / 3,
} as const;

/** One training job of the search. */
export interface SearchJob {
  /** 1-based launch order. */
  index: number;
  distance: number;
  /** Validation loss the job reaches if it runs to the end. */
  loss: number;
  /** Fraction of its Training phase it runs: < 1 when Hyperband or early stopping Auto stops it. */
  fraction: number;
  /** Early stopping Auto stops it (worse than the median of earlier jobs). */
  autoStopped: boolean;
}

/** The search of a tuning job: one entry per job it may launch. */
export function tuningSearch(tuning: GNode<'tuning-job'>, seed: number): SearchJob[] {
  const p = tuning.props;
  const maxJobs = Math.max(1, Number(p.maxJobs));
  const parallel = Math.max(1, Number(p.maxParallelJobs));
  const strategy = String(p.strategy);
  const parents = p.warmStart ? Number(p.parentTrainingJobs) : 0;
  const prior = p.warmStart === 'TRANSFER_LEARNING' ? parents * SEARCH.transferWeight : parents;
  const rng = Rng.derive(seed, `search:${tuning.id}`);
  const reachable = LEARNING.floorLoss + LEARNING.generalisationGap;
  const auto = p.earlyStopping === 'Auto' && strategy !== 'hyperband';
  const out: SearchJob[] = [];
  for (let i = 0; i < maxJobs; i++) {
    const u = rng.next();
    // jobs launched in waves of `parallel`: the i-th job knows the results of the waves before its own
    const known = Math.floor(i / parallel) * parallel + prior;
    const distance =
      strategy === 'bayesian'
        ? u * Math.exp(-known / SEARCH.learnScale)
        : strategy === 'grid'
          ? (i + 0.5) / maxJobs
          : u;
    const loss = reachable + SEARCH.lossPerDistance * distance;
    const earlier = out.map((j) => j.loss).sort((a, b) => a - b);
    const median = earlier.length ? earlier[Math.floor((earlier.length - 1) / 2)] : Infinity;
    const autoStopped = auto && earlier.length >= 2 && loss > median;
    const fraction =
      strategy === 'hyperband' ? hyperbandFraction(loss, earlier) : autoStopped ? SEARCH.autoStopFraction : 1;
    out.push({ index: i + 1, distance, loss, fraction, autoStopped });
  }
  return out;
}

/** The share of its training a Hyperband job gets, from its rank among the jobs before it. */
function hyperbandFraction(loss: number, earlier: readonly number[]): number {
  if (earlier.length < 2) return 1;
  const better = earlier.filter((l) => l < loss).length / earlier.length;
  return better <= HYPERBAND.full ? 1 : better <= HYPERBAND.third ? 1 / 3 : HYPERBAND.short;
}

/** The best candidate of a search among the jobs that ran to the end, and when a good one first appeared. */
export function searchOutcome(jobs: readonly SearchJob[]): { best: SearchJob | null; firstGood: number | null } {
  let best: SearchJob | null = null;
  let firstGood: number | null = null;
  for (const j of jobs) {
    if (j.fraction < 1) continue;
    if (!best || j.loss < best.loss) best = j;
    if (firstGood === null && j.distance <= SEARCH.goodDistance) firstGood = j.index;
  }
  return { best, firstGood };
}

/** AUC a tuned model loses against the best reachable one (the learning model's penalty on its loss). */
export const searchPenalty = (best: SearchJob | null): number =>
  best
    ? Math.max(0, best.loss - LEARNING.floorLoss - LEARNING.generalisationGap - LEARNING.tolerance) *
      LEARNING.skillPerLoss
    : 0;

/** Training jobs a tuning job may launch (AWS MaxNumberOfTrainingJobs, parents' jobs included with warm start). */
export const TUNING_JOB_LIMIT = 500;

/**
 * tuning-config-invalid: a CreateHyperParameterTuningJob request AWS refuses —
 * Hyperband with TrainingJobEarlyStoppingType AUTO (Hyperband "has its own advanced internal early stopping
 * mechanism, TrainingJobEarlyStoppingType must be OFF"), a warm start without a parent job (1 to 5 parents),
 * or parents' training jobs plus maxJobs over the 500-job limit (AWS: "the training jobs launched by every
 * parent job in a warm start tuning job count against the 500 maximum training jobs").
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html
 */
export function tuningProblem(n: GNode<'tuning-job'>): { rule: string; vars: Record<string, string | number> } | null {
  const p = n.props;
  const reason =
    p.strategy === 'hyperband' && p.earlyStopping === 'Auto'
      ? 'TrainingJobEarlyStoppingType must be OFF to use the Hyperband strategy, which stops training jobs itself'
      : p.warmStart && Number(p.parentTrainingJobs) === 0
        ? `WarmStartConfig (${p.warmStart}) needs at least one parent tuning job with completed training jobs ` +
          `(parentTrainingJobs is 0)`
        : p.warmStart && Number(p.parentTrainingJobs) + Number(p.maxJobs) > TUNING_JOB_LIMIT
          ? `the parent tuning jobs' ${p.parentTrainingJobs} training jobs plus MaxNumberOfTrainingJobs ` +
            `${p.maxJobs} exceed the limit of ${TUNING_JOB_LIMIT} training jobs for a tuning job`
          : null;
  return reason ? { rule: 'tuning-config-invalid', vars: { reason } } : null;
}
