import {
  AUTOML_ALGORITHMS,
  AUTOML_AUTO_MODE_MB,
  AUTOML_DEFAULT_TRIALS,
  AUTOML_LOWER_IS_BETTER,
  AUTOML_MIN_ROWS,
  AUTOML_OBJECTIVES,
  AUTOML_TASK_PROBLEM,
  type AutomlMetric,
  type AutomlMode,
  type AutomlProblemType,
} from '../../../catalog/automl';
import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import { instanceCostUSD } from '../../../catalog/prices';
import type { GNode, Graph } from '../../../model/graph';
import type { Simulation } from '../../sim';
import { TOPICS } from '../../topics';
import { automlMetricValue } from '../shared/automl-metric';
import { shapAttributions } from '../shared/explain';

/**
 * SageSim's own timing and scoring of an Autopilot job (AWS publishes neither): the figures below are the
 * simulator's, chosen so that a larger dataset, more candidates and HPO take visibly longer than ensembling.
 * - analysis: data analysis and feature engineering before the first candidate;
 * - one trial: ensembling trials are quicker than HPO training jobs; HPO runs `hpoParallel` at a time, ensembling
 *   one after another;
 * - the explainability report (Clarify SHAP on the best candidate) after the last candidate.
 * Autopilot's compute is billed as `instanceType` instance-seconds per trial, analysis and report.
 */
export const AUTOML_TIMING = {
  analysisSec: 600,
  analysisSecPerGB: 300,
  ensemblingTrialSec: 120,
  ensemblingTrialSecPerGB: 240,
  hpoTrialSec: 300,
  hpoTrialSecPerGB: 600,
  hpoParallel: 4,
  explainSec: 300,
  explainSecPerGB: 120,
  instanceType: 'ml.m5.2xlarge',
  /** Best quality a candidate reaches on a dataset (0–1), before the seeded spread of each trial. */
  ceiling: 0.9,
  /** A trial's quality falls short of the ceiling by up to this share (seeded, uniform). */
  trialSpread: 0.2,
} as const;

/** One row of the leaderboard. */
export interface AutomlCandidate {
  rank: number;
  name: string;
  algorithm: string;
  /** The objective metric's value on validation data. */
  value: number;
  /** Simulated second the candidate finished training. */
  finishedSec: number;
}

/** What an autopilot-job resolves from its props and its dataset before it runs. */
export interface AutomlPlan {
  bucket: GNode<'s3-bucket'> | null;
  datasetGB: number;
  problemType: AutomlProblemType;
  inferred: boolean;
  metric: AutomlMetric;
  mode: AutomlMode;
  planned: number;
  analysisSec: number;
  trialSec: number;
  parallel: number;
  explainSec: number;
  /** Seconds the whole job takes without a runtime limit. */
  totalSec: number;
}

/** The plan of an autopilot-job: its dataset, problem type, objective, mode and timing. */
export function automlPlan(g: Graph, n: GNode<'autopilot-job'>): AutomlPlan {
  const bucket = g.in(n.id, 's3-bucket')[0] ?? null;
  const gb = bucket ? Math.max(0, Number(bucket.props.datasetGB) || 0) : 0;
  const declared = n.props.problemType;
  const fromTask = bucket?.props.task ? AUTOML_TASK_PROBLEM[bucket.props.task] : undefined;
  const problemType: AutomlProblemType =
    declared !== 'auto' ? (declared as AutomlProblemType) : (fromTask ?? 'BinaryClassification');
  const metric = (n.props.objectiveMetric as AutomlMetric | null) ?? AUTOML_OBJECTIVES[problemType].default;
  const mode: AutomlMode =
    n.props.mode === 'AUTO'
      ? gb * 1000 < AUTOML_AUTO_MODE_MB
        ? 'ENSEMBLING'
        : 'HYPERPARAMETER_TUNING'
      : (n.props.mode as AutomlMode);
  // ensembling runs its 10 trials (AWS); MaxCandidates may ask for fewer. HPO runs MaxCandidates (default 100).
  const asked = n.props.maxCandidates === null ? null : Number(n.props.maxCandidates);
  const planned =
    mode === 'ENSEMBLING'
      ? Math.min(asked ?? AUTOML_DEFAULT_TRIALS.ENSEMBLING, AUTOML_DEFAULT_TRIALS.ENSEMBLING)
      : (asked ?? AUTOML_DEFAULT_TRIALS.HYPERPARAMETER_TUNING);
  const T = AUTOML_TIMING;
  const hpo = mode === 'HYPERPARAMETER_TUNING';
  const analysisSec = Math.round(T.analysisSec + T.analysisSecPerGB * gb);
  const trialSec = Math.round(
    hpo ? T.hpoTrialSec + T.hpoTrialSecPerGB * gb : T.ensemblingTrialSec + T.ensemblingTrialSecPerGB * gb,
  );
  const parallel = hpo ? T.hpoParallel : 1;
  const explainSec = Math.round(T.explainSec + T.explainSecPerGB * gb);
  const totalSec = analysisSec + Math.ceil(planned / parallel) * trialSec + explainSec;
  return {
    bucket,
    datasetGB: gb,
    problemType,
    inferred: declared === 'auto',
    metric,
    mode,
    planned,
    analysisSec,
    trialSec,
    parallel,
    explainSec,
    totalSec,
  };
}

type Hit = { rule: string; vars: Record<string, string | number> };

/**
 * The registry an Autopilot job's best candidate should reach and does not (autopilot-candidate-unregistered): the
 * job has no autopilot-job → model-registry edge, and a registry that nothing feeds (no training-job, condition-step
 * or autopilot-job → model-registry) deploys to endpoints, directly or through eventbridge → lambda. Null otherwise
 * (a registry fed by training, or no deployment from a registry: the job is an experiment).
 */
export function unregisteredRegistry(
  g: Graph,
  n: GNode<'autopilot-job'>,
): { registry: string; endpoints: string[] } | null {
  if (g.out(n.id, 'model-registry').length) return null;
  for (const r of g.ofKind('model-registry')) {
    if (g.in(r.id, 'training-job', 'condition-step', 'autopilot-job').length) continue;
    const endpoints = new Set(g.out(r.id, ...ENDPOINT_KINDS).map((e) => e.id));
    for (const eb of g.out(r.id, 'eventbridge'))
      for (const fn of g.out(eb.id, 'lambda')) for (const e of g.out(fn.id, ...ENDPOINT_KINDS)) endpoints.add(e.id);
    if (endpoints.size) return { registry: r.id, endpoints: [...endpoints] };
  }
  return null;
}

/** autopilot-too-few-rows: the training dataset states fewer rows than Autopilot's minimum. */
export function tooFewRows(p: AutomlPlan): Hit | null {
  const rows = p.bucket?.props.rows;
  if (rows === null || rows === undefined || Number(rows) >= AUTOML_MIN_ROWS) return null;
  return { rule: 'autopilot-too-few-rows', vars: { bucket: p.bucket!.id, rows: Number(rows) } };
}

/** autopilot-objective-mismatch: the objective metric is not one the problem type accepts. */
export function objectiveMismatch(p: AutomlPlan): Hit | null {
  const ok = AUTOML_OBJECTIVES[p.problemType].metrics;
  if (ok.includes(p.metric)) return null;
  return {
    rule: 'autopilot-objective-mismatch',
    vars: { metric: p.metric, problemType: p.problemType, metrics: ok.join(', ') },
  };
}

/** A candidate as the run trains it: its leaderboard row and the quality (0–1) its objective value measures. */
type Trial = AutomlCandidate & { quality: number };

/** The candidates a run trains (all it plans), in the order they finish, with their objective values. */
export function automlCandidates(p: AutomlPlan, node: string, rng: () => number): Trial[] {
  const algs = AUTOML_ALGORITHMS[p.mode];
  const out: Trial[] = [];
  for (let i = 0; i < p.planned; i++) {
    const q = AUTOML_TIMING.ceiling * (1 - AUTOML_TIMING.trialSpread * rng());
    const round_ = Math.floor(i / p.parallel) + 1;
    out.push({
      rank: 0,
      name: `${node}-trial-${String(i + 1).padStart(3, '0')}`,
      algorithm: algs[i % algs.length],
      value: automlMetricValue(p.metric, q),
      finishedSec: p.analysisSec + round_ * p.trialSec,
      quality: q,
    });
  }
  return out;
}

/** Best first: lower for errors, higher for scores; ties by name. */
export const rankCandidates = <C extends AutomlCandidate>(metric: AutomlMetric, xs: C[]): C[] => {
  const lower = AUTOML_LOWER_IS_BETTER.includes(metric);
  return [...xs]
    .sort((a, b) => (lower ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name))
    .map((c, i) => ({ ...c, rank: i + 1 }));
};

/** Rows of the leaderboard a node's report keeps. */
export const LEADERBOARD_ROWS = 10;

/**
 * An Autopilot job in a run: InProgress from t=0 (AnalyzingData, then TrainingModels), candidates finishing in rounds,
 * then the explainability report; Completed with a ranked leaderboard and a best candidate. A dataset under 500 rows
 * or an objective its problem type does not accept fails it at once. MaxAutoMLJobRuntimeInSeconds stops it
 * gracefully: the best finished candidate wins, the rest and the unfinished report are lost
 * (autopilot-runtime-exhausted); with no candidate finished it fails.
 */
export function startAutopilot(sim: Simulation, n: GNode<'autopilot-job'>): void {
  const g = sim.graph;
  const p = automlPlan(g, n);
  const x = sim.metrics(n.id).extra;
  if (!p.bucket) {
    sim.setState(n.id, 'Pending', 'no input dataset: connect an s3-bucket to it');
    return;
  }
  x.mode = p.mode;
  x.problemType = p.problemType;
  x.objective = p.metric;
  // the objective is checked when the job is created; the rows when its data is read
  const refused = objectiveMismatch(p) ?? tooFewRows(p);
  if (refused) {
    sim.incident(refused.rule, n.id, refused.vars);
    sim.setState(
      n.id,
      'Failed',
      refused.rule === 'autopilot-too-few-rows' ? 'ValidationException (rows)' : 'ValidationException (objective)',
    );
    x.candidates = 0;
    return;
  }
  const limit = n.props.maxRuntimeSec === null ? null : Number(n.props.maxRuntimeSec);
  const rng = sim.rng(`autopilot:${n.id}`);
  const all = automlCandidates(p, n.id, () => rng.next());
  const end = limit === null ? p.totalSec : Math.min(limit, p.totalSec);
  const done = all.filter((c) => c.finishedSec <= end);
  const lastTrial = done.length ? done[done.length - 1].finishedSec : p.analysisSec;
  const reportDone = done.length === p.planned && lastTrial + p.explainSec <= end;
  x.planned = p.planned;
  x.candidates = 0;
  sim.setState(
    n.id,
    'InProgress',
    `AnalyzingData: ${p.problemType}${p.inferred ? ' (inferred)' : ''}, objective ${p.metric}, ${p.mode} mode, ` +
      `${p.planned} candidates`,
  );
  sim.note(
    n.id,
    'event',
    `${n.id}: AutoML job started on ${p.bucket.id} (${p.datasetGB} GB): ` +
      `${p.mode}${
        n.props.mode === 'AUTO'
          ? ` (AUTO: dataset ${p.datasetGB * 1000 < AUTOML_AUTO_MODE_MB ? 'under' : 'at least'} ` +
            `${AUTOML_AUTO_MODE_MB} MB)`
          : ''
      }, ` +
      `${p.problemType}, objective ${p.metric}`,
  );
  if (p.analysisSec < end)
    sim.after(p.analysisSec, `${n.id}: feature engineering done`, n.id, () =>
      sim.setState(n.id, 'InProgress', `TrainingModels: 0 of ${p.planned} candidates`),
    );
  const finishedAt = [...new Set(done.map((c) => c.finishedSec))];
  for (const t of finishedAt)
    sim.at(t, `${n.id}: candidates trained`, n.id, () => {
      const k = done.filter((c) => c.finishedSec <= t).length;
      x.candidates = k;
      sim.setState(n.id, 'InProgress', `TrainingModels: ${k} of ${p.planned} candidates`);
    });
  const board = rankCandidates(p.metric, done);
  const best = board[0] ?? null;
  const finish = () => {
    x.candidates = done.length;
    x.leaderboard = board.slice(0, LEADERBOARD_ROWS).map(({ quality: _, ...c }) => c);
    if (best) {
      x.bestCandidate = best.name;
      x.bestAlgorithm = best.algorithm;
      x.bestValue = best.value;
    }
    sim.addCost(n.id, instanceCostUSD(AUTOML_TIMING.instanceType, p.analysisSec + done.length * p.trialSec));
    if (reportDone) {
      const { baseline } = shapAttributions(g, n.id, sim.seed);
      x.topFeatures = baseline.slice(0, 5).map((a) => ({ feature: a.feature, share: a.share }));
      sim.addCost(n.id, instanceCostUSD(AUTOML_TIMING.instanceType, p.explainSec));
    }
    if (!reportDone) {
      const skipped = [
        ...(done.length < p.planned ? [`${p.planned - done.length} candidates`] : []),
        'the explainability report',
      ].join(' and ');
      sim.incident('autopilot-runtime-exhausted', n.id, {
        limit: limit ?? 0,
        done: done.length,
        planned: p.planned,
        best: best?.name ?? 'none',
        metric: p.metric,
        value: best?.value ?? '—',
        skipped,
      });
    }
    if (!best) {
      sim.setState(n.id, 'Failed', 'MaxAutoMLJobRuntimeReached before any candidate finished');
      return;
    }
    sim.note(
      n.id,
      'event',
      `${n.id}: best candidate ${best.name} (${best.algorithm}) ${p.metric} ${best.value}; ${done.length} of ` +
        `${p.planned} candidates on the leaderboard`,
    );
    sim.setState(
      n.id,
      'Completed',
      reportDone ? `Completed: best candidate ${best.name}` : 'Completed: MaxAutoMLJobRuntimeReached',
    );
    const nowhere = unregisteredRegistry(g, n);
    if (nowhere)
      sim.incident('autopilot-candidate-unregistered', n.id, {
        best: `${best.name} (${p.metric} ${best.value})`,
        registry: nowhere.registry,
        endpoints: nowhere.endpoints.join(', '),
      });
    // DescribeAutoMLJobV2 now names the BestCandidate: whoever registers it (an autopilot-job → model-registry edge)
    sim.emit(TOPICS.automlCompleted, {
      node: n.id,
      candidate: best.name,
      algorithm: best.algorithm,
      metric: p.metric,
      value: best.value,
      quality: best.quality,
      candidates: done.length,
      problemType: p.problemType,
    });
  };
  sim.at(reportDone ? lastTrial + p.explainSec : end, `${n.id}: job ends`, n.id, finish);
}
