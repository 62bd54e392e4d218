/**
 * SageMaker Inference Recommender (issue 17): an `inference-recommender` node load-tests the model of the real-time
 * endpoint it benchmarks (InputConfig.Endpoints) and reports, per instance configuration, the figures of AWS's
 * RecommendationMetrics: MaxInvocations (requests per minute), ModelLatency, CostPerHour, CostPerInference, with the
 * InitialInstanceCount. Facts:
 * - job types: https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-recommendation-jobs.html
 *   (Default: load tests on recommended instance types, complete within 45 minutes; Advanced: your instance types,
 *   traffic pattern and latency requirement, about 2 hours depending on JobDurationInSeconds, at most 18,000 s);
 * - results: https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-interpret-results.html
 *   (CostPerInference is the figure for price performance with an emphasis on throughput);
 * - an existing endpoint: one variant, no autoscaling, real-time only
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-existing-endpoint.html);
 * - "Inference Recommender only charges you for the instances used while your jobs are executing"
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender.html).
 *
 * The load tests are the simulator's own model of a real-time endpoint (InstancePool: one model-server worker per
 * vCPU, the model's lognormal latency, queueing), so a recommendation predicts what the run itself will show. Which
 * instance types a Default job picks is not published: SageSim tests DEFAULT_CANDIDATES. The tests of one job run one
 * after another and share its duration (the simulator's choice for billing).
 */
import { instanceCostUSD, FALLBACK_INSTANCE_TYPE } from '../../../catalog/prices';
import { instanceType } from '../../../catalog/instances';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { Finding } from '../../types';
import type { GNode, Graph } from '../../../model/graph';
import { Histogram } from '../../histogram';
import type { Rng } from '../../rng';
import { defineSlot, type Simulation } from '../../sim';
import { round } from '../../util';
import { INFERENCE, LATENCY_MEAN_FACTOR } from './constants';
import { InstancePool } from './pool';
import { LATENCY_LN, workersOf } from './realtime';
import { EXP_Q } from './tables';

/** The instance types a Default job load-tests in SageSim (general purpose, compute optimised, one GPU type). */
export const DEFAULT_CANDIDATES = [
  'ml.c5.large',
  'ml.c5.xlarge',
  'ml.c5.2xlarge',
  'ml.m5.large',
  'ml.m5.xlarge',
  'ml.m5.2xlarge',
  'ml.g4dn.xlarge',
] as const;

/** A Default job completes within 45 minutes (AWS); SageSim takes the full 45. */
export const DEFAULT_JOB_SEC = 45 * 60;
/** Simulated seconds of traffic in one load test. */
const TEST_SEC = 300;
/** Most instances an Advanced job's search tries for one instance type. */
const MAX_COUNT = 50;

/** One row of a job's result: an instance configuration and its RecommendationMetrics. */
export interface RecommendationRow {
  instanceType: string;
  /** InitialInstanceCount. */
  instanceCount: number;
  /** MaxInvocations: requests per minute the configuration serves at saturation. */
  maxInvocations: number;
  /** ModelLatency (ms, median) in the load test. */
  modelLatencyMs: number;
  /** p99 latency (ms) in the load test (Advanced: at the job's traffic). */
  p99Ms: number;
  costPerHourUSD: number;
  costPerInferenceUSD: number;
  /** Advanced: the configuration met the p99 limit without refusing a request. */
  meetsLatency?: boolean;
}

/** What a finished job reports (its node's report entry). */
export interface RecommendationResult {
  jobType: 'Default' | 'Advanced';
  recommendations: RecommendationRow[];
  /** "ml.c5.xlarge × 2", or null when no configuration met the Advanced job's limit. */
  recommended: string | null;
}

/** The endpoint a job benchmarks (its `benchmarks` edge), or null. */
export const benchmarkedEndpoint = (g: Graph, ir: GNode): GNode<'realtime-endpoint'> | null =>
  g.out(ir.id, 'realtime-endpoint')[0] ?? null;

/** Static findings: recommender-endpoint-unsupported on each job whose endpoint it cannot benchmark. */
export function recommenderFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const ir of g.ofKind('inference-recommender')) {
    const ep = benchmarkedEndpoint(g, ir);
    const reason = ep && unsupportedReason(ep);
    if (!ep || !reason) continue;
    const def = ruleById('recommender-endpoint-unsupported');
    out.push({
      rule: def.id,
      node: ir.id,
      severity: def.severity,
      message: formatMessage(def, { node: ir.id, endpoint: ep.id, reason }),
    });
  }
  return out;
}

/**
 * Why Inference Recommender cannot benchmark this existing endpoint (rule recommender-endpoint-unsupported), or
 * null.
 */
export function unsupportedReason(ep: GNode<'realtime-endpoint'>): string | null {
  if (ep.props.autoscaling) return 'it has an autoscaling policy';
  if (ep.props.variants.length > 1) return `it has ${ep.props.variants.length} variants`;
  return null;
}

/** The benchmarked model's median latency, ms. */
const modelLatencyOf = (ep: GNode<'realtime-endpoint'>): number =>
  ep.props.variants[0]?.modelLatencyMs ?? ep.props.modelLatencyMs;

/** Requests per second `count` instances of `type` serve at saturation with this latency. */
function capacityRps(type: string, count: number, latencyMs: number): number {
  return latencyMs > 0 ? (count * workersOf(type)) / ((latencyMs / 1000) * LATENCY_MEAN_FACTOR) : Infinity;
}

/** One load test: Poisson arrivals at `rps` for TEST_SEC on `count` instances; latency quantiles and refusals. */
export function loadTest(
  type: string,
  count: number,
  latencyMs: number,
  rps: number,
  rng: Rng,
): { p50Ms: number; p99Ms: number; refused: number } {
  const svcMedian = latencyMs / 1000;
  const pool = new InstancePool(workersOf(type), count, svcMedian * LATENCY_MEAN_FACTOR, null, 0);
  const hist = new Histogram();
  let refused = 0;
  for (let a = EXP_Q[rng.tableIndex()] / rps; a < TEST_SEC; a += EXP_Q[rng.tableIndex()] / rps) {
    const svc = svcMedian * LATENCY_LN[rng.tableIndex()];
    const wait = pool.serve(a, svc);
    if (wait < 0 || wait + svc > INFERENCE.invocationTimeoutSec) refused++;
    else hist.add((wait + svc) * 1000);
  }
  return { p50Ms: round(hist.quantile(0.5), 1), p99Ms: round(hist.quantile(0.99), 1), refused };
}

const pricePerHour = (type: string): number =>
  (instanceType(type) ?? instanceType(FALLBACK_INSTANCE_TYPE)!).pricePerHourUSD;

/** The row of `count` instances of `type`, with the latency a load test at `rps` measured, and its refusals. */
function row(
  type: string,
  count: number,
  latencyMs: number,
  rps: number,
  rng: Rng,
): { r: RecommendationRow; refused: number } {
  const cap = capacityRps(type, count, latencyMs);
  const t = loadTest(type, count, latencyMs, rps, rng);
  const perHour = pricePerHour(type) * count;
  const r = {
    instanceType: type,
    instanceCount: count,
    maxInvocations: Math.floor(cap * 60),
    modelLatencyMs: t.p50Ms,
    p99Ms: t.p99Ms,
    costPerHourUSD: round(perHour, 4),
    // cost per inference at full throughput (AWS: price performance with an emphasis on throughput)
    costPerInferenceUSD: round(perHour / (cap * 3600), 8),
  };
  return { r, refused: t.refused };
}

/**
 * The result of a job on an endpoint's model. Default: each DEFAULT_CANDIDATES type on one instance, load-tested at
 * half its capacity (50% utilization per core); recommended = the lowest CostPerInference (then the lowest cost per
 * hour). Advanced: for each of the job's instance types, the fewest instances (up to MAX_COUNT) whose load test at the
 * job's traffic keeps p99 within the limit and refuses nothing; recommended = the cheapest per hour that meets it.
 */
export function recommend(ir: GNode<'inference-recommender'>, latencyMs: number, rng: Rng): RecommendationResult {
  const p = ir.props;
  if (p.jobType === 'Default') {
    const rows = DEFAULT_CANDIDATES.map((type) => row(type, 1, latencyMs, capacityRps(type, 1, latencyMs) / 2, rng).r);
    const best = [...rows].sort(
      (a, b) => a.costPerInferenceUSD - b.costPerInferenceUSD || a.costPerHourUSD - b.costPerHourUSD,
    )[0];
    return { jobType: 'Default', recommendations: rows, recommended: `${best.instanceType} × 1` };
  }
  const rows: RecommendationRow[] = [];
  for (const type of p.instanceTypes) {
    // start at the fewest instances that are not saturated, then add one at a time
    let n = Math.max(1, Math.ceil(p.trafficRps / capacityRps(type, 1, latencyMs)));
    let t = row(type, n, latencyMs, p.trafficRps, rng);
    const meets = () => t.refused === 0 && t.r.p99Ms <= p.p99LatencyMs;
    while (!meets() && n < MAX_COUNT) t = row(type, ++n, latencyMs, p.trafficRps, rng);
    rows.push({ ...t.r, meetsLatency: meets() });
  }
  const best = rows.filter((r) => r.meetsLatency).sort((a, b) => a.costPerHourUSD - b.costPerHourUSD)[0];
  return {
    jobType: 'Advanced',
    recommendations: rows,
    recommended: best ? `${best.instanceType} × ${best.instanceCount}` : null,
  };
}

/** The job's duration in simulated seconds. */
export const jobSec = (ir: GNode<'inference-recommender'>): number =>
  ir.props.jobType === 'Default' ? DEFAULT_JOB_SEC : ir.props.durationSec;

/**
 * Run every recommender job of the document: InProgress from t=0, Completed after its duration with its result in the
 * report (`recommendations`, `recommended`) and the instances its tests used billed; Failed at once on an endpoint it
 * cannot benchmark (or with nothing to benchmark).
 */
export function startRecommenders(sim: Simulation): void {
  for (const ir of sim.graph.ofKind('inference-recommender')) {
    const ep = benchmarkedEndpoint(sim.graph, ir);
    if (!ep) {
      sim.setState(ir.id, 'Failed', 'no model to load-test: connect the job to the real-time endpoint it benchmarks');
      continue;
    }
    const reason = unsupportedReason(ep);
    if (reason) {
      sim.incident('recommender-endpoint-unsupported', ir.id, { endpoint: ep.id, reason });
      sim.setState(ir.id, 'Failed', `endpoint ${ep.id} cannot be benchmarked: ${reason}`);
      continue;
    }
    sim.setState(ir.id, 'InProgress');
    const dur = jobSec(ir);
    // the load tests are drawn now (their figures do not depend on the run) and reported when the job completes
    const result = recommend(ir, modelLatencyOf(ep), sim.rng(`recommender:${ir.id}`));
    const job = { node: ir.id, result, startSec: sim.now, durationSec: dur, billedSec: 0 };
    jobs(sim).push(job);
    sim.after(dur, `${ir.id}: recommendation job done`, ir.id, () => {
      bill(sim, job, dur);
      Object.assign(sim.metrics(ir.id).extra, result);
      sim.setState(
        ir.id,
        'Completed',
        result.recommended
          ? `recommended ${result.recommended}`
          : `no configuration met p99 ≤ ${ir.props.p99LatencyMs} ms at ${ir.props.trafficRps} rps`,
      );
    });
  }
}

interface Job {
  node: string;
  result: RecommendationResult;
  startSec: number;
  durationSec: number;
  billedSec: number;
}

const JOBS = defineSlot('inference-recommender', (): Job[] => []);
const jobs = (sim: Simulation): Job[] => sim.slot(JOBS);

/**
 * Bill a job's tests up to `upToSec` of its duration: the tests run one after another, each for an equal share of the
 * duration on its configuration's instances.
 */
function bill(sim: Simulation, job: Job, upToSec: number): void {
  const rows = job.result.recommendations;
  const share = job.durationSec / rows.length;
  rows.forEach((r, i) => {
    const from = Math.max(job.billedSec, i * share);
    const to = Math.min(upToSec, (i + 1) * share);
    if (to > from) sim.addCost(job.node, instanceCostUSD(r.instanceType, to - from, r.instanceCount));
  });
  job.billedSec = Math.max(job.billedSec, upToSec);
}

/** At the end of a run: bill the tests of the jobs still in progress up to now. */
export function finishRecommenders(sim: Simulation): void {
  for (const job of sim.peekSlot(JOBS) ?? [])
    if (job.billedSec < job.durationSec) bill(sim, job, Math.min(job.durationSec, sim.now - job.startSec));
}
