/**
 * Read-outs of experiments and lineage (issue 16, skill S2.3.3), for the run panel's Experiments tab: the training
 * and tuning jobs of a run compared side by side (what SageMaker Experiments / MLflow shows of runs), and the lineage
 * of each model the run trained, from data to endpoint (what SageMaker ML Lineage Tracking links: dataset artifacts,
 * processing and training jobs, the model, its package, the endpoints that serve it). Reading changes nothing.
 */
import { propsByName } from '../catalog/kinds';
import type { GNode } from '../model/graph';
import { crc32 } from '../model/crc32';
import { dataLineage } from './modules/shared/prep';
import { mlopsRunIfAny, statusOf } from './modules/mlops/state';
import type { Simulation } from './sim';
import { round } from './util';

/** One run of the comparison table: a training job or a tuning job. */
export interface ExperimentRun {
  id: string;
  kind: 'training-job' | 'tuning-job';
  /** Algorithm (training) or search strategy (tuning). */
  algorithm: string;
  instanceType: string | null;
  /** The hyperparameters that shape the model (or the search), as set. */
  params: Record<string, string | number>;
  state: string;
  metric: string | null;
  trainLoss: number | null;
  validationLoss: number | null;
  /** The latest model version's validation figure in `metric`. */
  validation: number | null;
  /** Wall-clock minutes the job took (null while it runs or if it did not start). */
  minutes: number | null;
  costUSD: number;
  /** Model versions trained in the run. */
  versions: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function params(n: GNode): Record<string, string | number> {
  const p = n.props as Record<string, unknown>;
  const pick = (keys: string[]) =>
    Object.fromEntries(
      keys.filter((k) => p[k] !== null && p[k] !== undefined).map((k) => [k, p[k] as string | number]),
    );
  if (n.kind === 'tuning-job') return pick(['space', 'maxJobs', 'maxParallelJobs', 'earlyStopping']);
  const alg = String(p.algorithm);
  const common: Record<string, string> = p.ensemble && p.ensemble !== 'none' ? { ensemble: String(p.ensemble) } : {};
  if (alg === 'xgboost')
    return { ...pick(['maxDepth', 'eta', 'lambda', 'alpha', 'numRound', 'earlyStoppingRounds']), ...common };
  if (alg === 'custom') return { ...pick(['learningRate', 'activation', 'layers', 'epochs']), ...common };
  return { ...pick(['trainingMinutes']), ...common };
}

/** The training and tuning jobs of a run, in document order, with what each produced so far. */
export function experimentRuns(sim: Simulation): ExperimentRun[] {
  const all = sim.allMetrics();
  return sim.graph.nodes
    .filter((n) => n.kind === 'training-job' || n.kind === 'tuning-job')
    .map((n) => {
      const m = all.get(n.id);
      const x = m?.extra ?? {};
      const p = n.props as Record<string, unknown>;
      const duration = num(x.durationSec);
      return {
        id: n.id,
        kind: n.kind as ExperimentRun['kind'],
        algorithm: String(n.kind === 'tuning-job' ? p.strategy : p.algorithm),
        instanceType: n.kind === 'training-job' ? String(p.instanceType) : null,
        params: params(n),
        state: sim.state(n.id) ?? 'NotStarted',
        metric: typeof x.metric === 'string' ? x.metric : null,
        trainLoss: num(x.trainLoss),
        validationLoss: num(x.validationLoss ?? x.bestValidationLoss),
        validation: num(x.validation),
        minutes: duration === null ? null : round(duration / 60, 1),
        costUSD: round(m?.costUSD ?? 0, 2),
        versions: num(x.modelVersions) ?? 0,
      };
    });
}

/** One entity of a model's lineage. */
export interface LineageEntity {
  id: string;
  kind: string;
  /**
   * Its role in the chain, in order: data → processing → training → model → package → endpoint; for an Autopilot
   * model, data → automl (the job) → candidate (its best candidate, the model) → package → endpoint.
   */
  role: 'data' | 'processing' | 'training' | 'automl' | 'candidate' | 'model' | 'package' | 'endpoint';
  /** What lineage records of it (a dataset's source id, a job's algorithm, a model's figure, a package's status). */
  detail: string;
  /** For a dataset: whether its artifact is pinned to an S3 object version (null: versioning not stated). */
  pinned?: boolean | null;
}

/** The lineage of one model version (trained in the run, or version 0 from before it). */
export interface ModelLineage {
  model: string;
  training: string;
  /** The packages that register it ("registry/2"). */
  packages: string[];
  chain: LineageEntity[];
}

/** A deterministic S3 version id of the objects a bucket held when a model was trained (32 characters). */
function versionId(seed: number, bucket: string, atSec: number): string {
  return [0, 1, 2, 3].map((i) => crc32(`${seed}:${bucket}:${atSec}:${i}`)).join('');
}

/**
 * The lineage of each model version trained in the run (newest first), and of the model from before the run where a
 * package or an endpoint carries it: the datasets and processing jobs upstream of
 * its training job, the job, the model, the packages that register it and the endpoints that serve it. A dataset in a
 * bucket with versioning Enabled is pinned by its S3Version; otherwise lineage knows its URI and ETag only.
 */
export function modelLineage(sim: Simulation): ModelLineage[] {
  const run = mlopsRunIfAny(sim);
  if (!run) return [];
  const g = sim.graph;
  const out: ModelLineage[] = [];
  for (const [training, versions] of run.versions) {
    const t = g.node(training);
    const upstream = dataLineage(g, training);
    for (const v of [...versions].reverse()) {
      const packages = [...run.packages.values()].flat().filter((p) => p.model === v);
      const serving = [...run.serving.entries()].filter(([, m]) => m === v).map(([ep]) => ep);
      // version 0 (the model from before the run) only where a package or an endpoint still carries it
      if (v.n === 0 && !packages.length && !serving.length) continue;
      const chain: LineageEntity[] = [];
      for (const n of upstream) {
        if (n.kind === 's3-bucket') {
          const ver = (n as GNode<'s3-bucket'>).props.versioning;
          const pinned = ver === 'Enabled' ? true : ver === 'Off' || ver === 'Suspended' ? false : null;
          chain.push({
            id: n.id,
            kind: n.kind,
            role: 'data',
            pinned,
            detail: pinned
              ? `s3://${n.id}/ · S3Version ${versionId(sim.seed, n.id, v.trainedAtSec)}`
              : `s3://${n.id}/ · S3ETag only${pinned === false ? ` (versioning ${String(ver)})` : ''}`,
          });
        } else if (n.kind === 'processing-job' || n.kind === 'data-wrangler') {
          const tr = Array.isArray(n.props.transforms) ? n.props.transforms.map(String) : [];
          chain.push({
            id: n.id,
            kind: n.kind,
            role: 'processing',
            detail: tr.length ? tr.join(', ') : 'no transforms',
          });
        } else chain.push({ id: n.id, kind: n.kind, role: 'data', detail: n.kind });
      }
      const best = run.automl.get(v.id);
      if (best) {
        const x = sim.allMetrics().get(training)?.extra ?? {};
        chain.push({
          id: training,
          kind: t.kind,
          role: 'automl',
          detail: `${best.problemType}, ${String(x.mode ?? '')} mode, ${best.candidates} candidates`,
        });
        chain.push({
          id: best.candidate,
          kind: 'autopilot-candidate',
          role: 'candidate',
          detail: `best candidate (${best.algorithm}): ${best.metric} ${best.value}; model ${v.id}`,
        });
      } else {
        chain.push({
          id: training,
          kind: 'training-job',
          role: 'training',
          detail: `${String(propsByName(t.props).algorithm)} on ${String(propsByName(t.props).instanceType)}`,
        });
        chain.push({
          id: v.id,
          kind: 'model',
          role: 'model',
          detail: `validation ${v.quality.metric} ${v.validation}`,
        });
      }
      for (const p of packages)
        chain.push({
          id: p.id,
          kind: 'model-package',
          role: 'package',
          detail: best ? `${statusOf(p)} · ${best.metric} ${best.value}` : statusOf(p),
        });
      for (const ep of serving) chain.push({ id: ep, kind: g.node(ep).kind, role: 'endpoint', detail: 'serving' });
      out.push({ model: v.id, training, packages: packages.map((p) => p.id), chain });
    }
  }
  // newest model first (the order of training completions); a tie keeps document order
  const at = new Map([...run.versions.values()].flat().map((v) => [v.id, v.trainedAtSec]));
  return out.sort((a, b) => at.get(b.model)! - at.get(a.model)!);
}
