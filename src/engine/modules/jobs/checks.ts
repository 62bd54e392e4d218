import { formatMessage, ruleById } from '../../../catalog/rules';
import { propsByName } from '../../../catalog/kinds';
import { PRICES } from '../../../catalog/prices';
import type { GNode, Graph } from '../../../model/graph';
import { round } from '../../util';
import type { Finding } from '../../types';
import { DATA_SIZES, JOB_TIMING } from './constants';
import {
  accepts,
  ACCEPTED_FORMATS,
  ALGORITHM_NAMES,
  CONTENT_TYPES,
  FILE_ONLY_ALGORITHMS,
  PIPE_FORMATS,
} from './formats';
import { accuracyProblem, type Hit } from '../shared/data';
import { datasetGB, instanceOf, objectsOf, sourcesOf } from './data';
import { copiedGB, fileDownloadSec, getsPerInstance, smallObjects } from './timing';

type Vars = Record<string, string | number>;
export type { Hit } from '../shared/data';
export { accuracyProblem } from '../shared/data';

const hit = (rule: string, vars: Vars = {}): Hit => ({ rule, vars });

/* ---------- training ---------- */

/** algorithm-input-format: the first input whose format the built-in algorithm does not accept. */
export function formatProblem(g: Graph, n: GNode<'training-job'>): Hit | null {
  const alg = String(n.props.algorithm);
  const bad = sourcesOf(g, n.id).find((s) => !accepts(alg, s.format));
  if (!bad) return null;
  return hit('algorithm-input-format', {
    format: CONTENT_TYPES[bad.format] ?? bad.format,
    algorithm: alg,
    supported: ACCEPTED_FORMATS[alg].map((f) => CONTENT_TYPES[f] ?? f).join(', '),
  });
}

/** input-mode-unsupported: Pipe for a built-in algorithm AWS lists as File-only (the job fails at start). */
export function inputModeProblem(n: GNode): Hit | null {
  const p = propsByName(n.props);
  const alg = String(p.algorithm);
  if (p.inputMode !== 'Pipe' || !FILE_ONLY_ALGORITHMS.includes(alg)) return null;
  return hit('input-mode-unsupported', {
    algorithm: ALGORITHM_NAMES[alg] ?? alg,
    inputMode: 'Pipe',
    supported: 'File',
  });
}

/** pipe-mode-format: Pipe mode on a format the algorithm does not stream efficiently (only formats it accepts). */
export function pipeProblem(g: Graph, n: GNode<'training-job'>): Hit | null {
  const alg = String(n.props.algorithm);
  if (n.props.inputMode !== 'Pipe' || !PIPE_FORMATS[alg]) return null;
  const slow = sourcesOf(g, n.id).find((s) => accepts(alg, s.format) && !PIPE_FORMATS[alg].includes(s.format));
  return slow
    ? hit('pipe-mode-format', { format: slow.format, algorithm: alg, pipeFormat: PIPE_FORMATS[alg].join(' or ') })
    : null;
}

/** file-mode-disk-full: File mode copies the whole dataset to each instance's volume. */
export function diskProblem(g: Graph, n: GNode<'training-job'>): Hit | null {
  const gb = copiedGB(g, n.id);
  return n.props.inputMode === 'File' && gb > Number(n.props.volumeGB)
    ? hit('file-mode-disk-full', { datasetGB: gb, volumeGB: Number(n.props.volumeGB) })
    : null;
}

/** slow-start-file-mode: File mode on more than 100 GB (info; the job still runs). */
export function slowStart(g: Graph, n: GNode<'training-job'>): Hit | null {
  const gb = copiedGB(g, n.id);
  if (n.props.inputMode !== 'File' || gb <= DATA_SIZES.slowStartGB) return null;
  return hit('slow-start-file-mode', {
    datasetGB: gb,
    downloadMin: round(fileDownloadSec(gb, Number(n.props.instanceCount)) / 60, 1),
  });
}

/**
 * small-files-slow-input: a bucket whose objects average under 1 MB and whose per-object GETs take at least
 * 5 minutes (each instance reads every object, at 100 GET/s, at most 5,500 GET/s per prefix for the job).
 */
export function smallFilesProblem(g: Graph, n: GNode<'training-job'>): Hit | null {
  const count = Number(n.props.instanceCount);
  const rate = getsPerInstance(count);
  for (const b of g.in(n.id, 's3-bucket')) {
    const o = smallObjects(b);
    if (!o || o.avgMB >= DATA_SIZES.smallObjectMB) continue;
    const sec = o.objects / rate;
    if (sec < JOB_TIMING.smallFilesMinSec) continue;
    const gb = Number(b.props.datasetGB) || 0;
    return hit('small-files-slow-input', {
      objects: o.objects.toLocaleString('en'),
      avgKB: round(o.avgMB * 1024, 1),
      bucket: b.id,
      inputMode: String(n.props.inputMode),
      requestMin: round(sec / 60, 1),
      rate: round(rate, 1),
      dataMin: round((fileDownloadSec(gb, count) - JOB_TIMING.transferOverheadSec) / 60, 1),
    });
  }
  return null;
}

/**
 * model-exceeds-gpu-memory: a model larger than one GPU's memory, not split with model parallelism.
 * Only GPU instances: a CPU instance keeps the model in host memory (no CUDA), and unknown instance
 * types are not judged.
 */
export function gpuProblem(n: GNode<'training-job'>): Hit | null {
  const t = instanceOf(n);
  const size = Number(n.props.modelSizeGB);
  if (!t || t.gpus === 0 || size <= t.gpuMemoryGiB || n.props.distribution === 'model-parallel') return null;
  return hit('model-exceeds-gpu-memory', {
    allocGB: size,
    gpuGB: t.gpuMemoryGiB,
    modelSizeGB: size,
    instanceType: t.name,
  });
}

/** model-parallel-unneeded: model parallelism on a GPU instance where the model fits one GPU. */
export function parallelUnneeded(n: GNode<'training-job'>): Hit | null {
  const t = instanceOf(n);
  const size = Number(n.props.modelSizeGB);
  if (!t || t.gpus === 0 || size > t.gpuMemoryGiB || n.props.distribution !== 'model-parallel') return null;
  return hit('model-parallel-unneeded', { modelSizeGB: size, gpuGB: t.gpuMemoryGiB, instanceType: t.name });
}

export const spotUnprotected = (n: GNode<'training-job'>): boolean => n.props.spot === true && !n.props.checkpointS3Uri;

/** Training jobs upstream of a condition step, in its pipeline. */
function trainingUpstream(g: Graph, id: string): GNode<'training-job'>[] {
  const seen = new Set<string>();
  const out: GNode<'training-job'>[] = [];
  const walk = (to: string) => {
    for (const m of g.in(to)) {
      if (seen.has(m.id) || m.parent !== g.byId.get(id)?.parent) continue;
      seen.add(m.id);
      if (m.kind === 'training-job') out.push(m);
      if (m.kind === 'tuning-job') out.push(...g.out(m.id, 'training-job'));
      walk(m.id);
    }
  };
  walk(id);
  return out;
}

/* ---------- tuning and data preparation ---------- */

export const gridProblem = (n: GNode<'tuning-job'>): Hit | null =>
  n.props.strategy === 'grid' && n.props.space !== 'discrete'
    ? hit('grid-search-continuous', { space: String(n.props.space) })
    : null;

export function wranglerProblem(g: Graph, n: GNode<'data-wrangler'>): Hit | null {
  const gb = datasetGB(g, n.id);
  return gb > DATA_SIZES.wranglerLimitGB
    ? hit('wrangler-scale-limit', { datasetGB: gb, stallMin: JOB_TIMING.wranglerStallSec / 60 })
    : null;
}

export function workforceProblem(g: Graph, n: GNode<'ground-truth'>): Hit | null {
  if (n.props.workforce !== 'mturk') return null;
  const s = g.inputsOf(n.id).find((b) => b.kind === 's3-bucket' && b.props.sensitive === true);
  return s ? hit('sensitive-data-public-workforce', { bucket: s.id }) : null;
}

/** labeling-without-active-learning, with the full labelling cost and what active learning would save. */
export function labelingProblem(g: Graph, n: GNode<'ground-truth'>): Hit | null {
  const gb = datasetGB(g, n.id);
  if (n.props.activeLearning === true || gb <= DATA_SIZES.labelingWarnGB) return null;
  const objects = objectsOf(gb);
  const cost = objects * PRICES.groundTruthPerObjectUSD;
  return hit('labeling-without-active-learning', {
    objects,
    datasetGB: gb,
    costUSD: round(cost, 2),
    savingUSD: round(cost * PRICES.groundTruthActiveLearningSaving, 2),
  });
}

/* ---------- findings ---------- */

const SPOT_FINDING =
  'Training job {node} uses Managed Spot Training without CheckpointConfig.S3Uri: a Spot interruption restarts ' +
  'it from the beginning and the lost time is billed again.';

/** Static findings of the job rules. */
export function checkJobs(g: Graph): Finding[] {
  const out: Finding[] = [];
  const add = (n: GNode, h: Hit | null, text?: string) => {
    if (!h) return;
    const rule = ruleById(h.rule);
    out.push({
      rule: h.rule,
      node: n.id,
      severity: rule.severity,
      message: formatMessage(text ? { ...rule, message: text } : rule, { node: n.id, ...h.vars }),
    });
  };
  for (const n of g.nodes) {
    if (n.kind === 'training-job') {
      add(n, formatProblem(g, n));
      add(n, inputModeProblem(n));
      if (!inputModeProblem(n)) add(n, pipeProblem(g, n));
      add(n, diskProblem(g, n));
      add(n, slowStart(g, n));
      add(n, smallFilesProblem(g, n));
      if (spotUnprotected(n)) add(n, hit('spot-without-checkpoint'), SPOT_FINDING);
      add(n, gpuProblem(n));
      add(n, parallelUnneeded(n));
      if (n.props.evalMetric === 'accuracy') add(n, accuracyProblem(g, n));
    }
    if (n.kind === 'condition-step' && n.props.metric === 'accuracy') {
      const t = trainingUpstream(g, n.id)
        .map((x) => accuracyProblem(g, x))
        .find((h) => h);
      add(n, t ?? null);
    }
    if (n.kind === 'tuning-job') add(n, gridProblem(n));
    if (n.kind === 'data-wrangler') add(n, wranglerProblem(g, n));
    if (n.kind === 'ground-truth') {
      add(n, workforceProblem(g, n));
      add(n, labelingProblem(g, n));
    }
  }
  return out;
}
