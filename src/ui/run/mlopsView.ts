import type { RecommendationResult } from '../../engine';
import type { LiveNode, MlopsLive } from '../../worker/protocol';

export type Tone = 'ok' | 'busy' | 'bad' | 'warn' | 'idle';
export interface LinePart {
  text: string;
  tone?: Tone;
}

/** A model package status, short, with its tone. */
export const PACKAGE_STATUS: Record<string, { short: string; tone: Tone }> = {
  Approved: { short: '✓ Approved', tone: 'ok' },
  PendingManualApproval: { short: '○ Pending', tone: 'warn' },
  Rejected: { short: '✕ Rejected', tone: 'bad' },
};
export const RUN_RESULT: Record<NonNullable<MlopsLive['runs']>[number]['result'], { short: string; tone: Tone }> = {
  ok: { short: '✓ Completed', tone: 'ok' },
  violation: { short: '⚠ Violations', tone: 'bad' },
  failed: { short: '✕ Failed', tone: 'bad' },
  empty: { short: '– no data', tone: 'idle' },
};
export const EXEC_TONE: Record<string, Tone> = { Executing: 'busy', Succeeded: 'ok', Failed: 'bad', Stopped: 'idle' };

const num = (x: unknown) => (typeof x === 'number' ? x : 0);
const plural = (n: number, w: string) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`;

/** A finished Inference Recommender job's result (its node's `extra`), or null for any other node. */
export function recommendationOf(n: LiveNode): RecommendationResult | null {
  const x = n.extra;
  return Array.isArray(x.recommendations) && typeof x.jobType === 'string'
    ? (x as unknown as RecommendationResult)
    : null;
}

/** One stage of a codepipeline execution (its node's `extra.stages`, written by the engine's release module). */
export interface ReleaseStageView {
  name: string;
  status: string;
  startSec?: number;
  endSec?: number;
  detail?: string;
}
/** A codepipeline's latest execution (null for any other node): its stages and the one running now. */
export function releaseOf(
  n: LiveNode,
): { executions: number; stages: ReleaseStageView[]; stage: string | null; branches: string } | null {
  const x = n.extra;
  if (typeof x.branches !== 'string' || typeof x.executions !== 'number') return null;
  return {
    executions: x.executions,
    stages: Array.isArray(x.stages) ? (x.stages as ReleaseStageView[]) : [],
    stage: typeof x.stage === 'string' ? x.stage : null,
    branches: x.branches,
  };
}
export const STAGE_TONE: Record<string, { mark: string; tone: Tone }> = {
  Succeeded: { mark: '✓', tone: 'ok' },
  InProgress: { mark: '▸', tone: 'busy' },
  Failed: { mark: '✕', tone: 'bad' },
  NotStarted: { mark: '·', tone: 'idle' },
  Skipped: { mark: '–', tone: 'idle' },
};
/** A training job's mounted input (EFS / FSx for Lustre), from its node's `extra`; null without a file system. */
export interface MountedInput {
  /** Seconds the mount took (the Downloading phase). */
  mountSec: number;
  /** Minutes the instances take to read the mounted data at the file system's throughput. */
  readMin: number;
  /** Minutes a File-mode copy of the same data from S3 would have taken before training. */
  s3Min: number;
}
export function mountedInputOf(n: LiveNode): MountedInput | null {
  const x = n.extra;
  return typeof x.inputMountSec === 'number'
    ? { mountSec: x.inputMountSec, readMin: num(x.fileSystemReadMin), s3Min: num(x.s3FileModeDownloadMin) }
    : null;
}

/** A leaderboard row of an Autopilot job (its node's `extra.leaderboard`). */
export interface AutomlRow {
  rank: number;
  name: string;
  algorithm: string;
  value: number;
  finishedSec: number;
}

/** An Autopilot job's figures (its node's `extra`), or null for any other node. */
export function automlOf(n: LiveNode): {
  mode: string;
  problemType: string;
  objective: string;
  planned: number;
  candidates: number;
  leaderboard: AutomlRow[];
  best: string | null;
  topFeatures: { feature: string; share: number }[];
} | null {
  const x = n.extra;
  if (typeof x.objective !== 'string' || typeof x.mode !== 'string') return null;
  return {
    mode: x.mode,
    problemType: String(x.problemType ?? ''),
    objective: x.objective,
    planned: num(x.planned),
    candidates: num(x.candidates),
    leaderboard: Array.isArray(x.leaderboard) ? (x.leaderboard as AutomlRow[]) : [],
    best: typeof x.bestCandidate === 'string' ? x.bestCandidate : null,
    topFeatures: Array.isArray(x.topFeatures) ? (x.topFeatures as { feature: string; share: number }[]) : [],
  };
}

/** The step a pipeline runs now, in words ("train: Training 45%"). */
export function runningSteps(ml: MlopsLive): string {
  const r = (ml.steps ?? []).filter((s) => s.state === 'InProgress' || s.state === 'Executing');
  return r
    .map(
      (s) =>
        `${s.id}${s.phase ? `: ${s.phase}` : ''}${s.progress !== undefined ? ` ${Math.round(s.progress * 100)}%` : ''}`,
    )
    .join(', ');
}

/**
 * The one line a pipeline, model registry, model monitor, Lambda or EventBridge rule shows on the canvas
 * during a run (null for other nodes): the current execution and its step, the newest package versions,
 * runs / violations / the last result, events handled; a training job that mounts a file system: the mount against
 * a File-mode copy from S3.
 */
export function mlopsLine(n: LiveNode): { title: string; parts: LinePart[] } | null {
  const ml = n.mlops,
    x = n.extra;
  if (ml?.executions || ml?.steps) {
    const e = ml.executions?.[ml.executions.length - 1];
    if (!e) return { title: 'No execution yet', parts: [{ text: 'waiting for a trigger', tone: 'idle' }] };
    const step = e.state === 'Executing' ? runningSteps(ml) : '';
    return {
      title: `Execution #${e.n}: ${e.state}${step ? ` (${step})` : ''}`,
      parts: [
        { text: `#${e.n} ${e.state}`, tone: EXEC_TONE[e.state] ?? 'idle' },
        ...(step ? [{ text: `▸ ${step}` }] : []),
        ...(num(x.cacheHits) ? [{ text: `${plural(num(x.cacheHits), 'cache hit')}` }] : []),
      ],
    };
  }
  if (ml?.packages) {
    const shown = ml.packages.slice(-3).reverse();
    return {
      title: ml.packages.map((p) => `v${p.n} ${p.status}`).join(', '),
      parts: shown.map((p) => ({
        text: `v${p.n} ${PACKAGE_STATUS[p.status]?.short ?? p.status}`,
        tone: PACKAGE_STATUS[p.status]?.tone ?? 'idle',
      })),
    };
  }
  if (ml?.runs) {
    const last = ml.runs[ml.runs.length - 1];
    const runs = num(x.runs),
      failed = num(x.failedRuns),
      viol = num(x.violations);
    return {
      title:
        `${plural(runs, 'run')}, ${plural(failed, 'failed run')}, ` +
        `${plural(viol, 'violation')}${last ? `; last: run ${last.n} ${last.text}` : ''}`,
      parts: [
        { text: plural(runs, 'run') },
        { text: plural(viol, 'violation'), tone: viol ? 'bad' : undefined },
        ...(failed ? [{ text: `${failed} failed`, tone: 'bad' as Tone }] : []),
        ...(last ? [{ text: `last ${RUN_RESULT[last.result].short}`, tone: RUN_RESULT[last.result].tone }] : []),
      ],
    };
  }
  const mounted = mountedInputOf(n);
  if (mounted)
    return {
      title:
        `Input mounted from a file system in ${mounted.mountSec} s; read at its throughput in ${mounted.readMin} ` +
        `min; File mode from S3 would copy it for ${mounted.s3Min} min first`,
      parts: [{ text: `⛁ mounted in ${mounted.mountSec} s`, tone: 'ok' }, { text: `S3 copy ${mounted.s3Min} min` }],
    };
  const rec = recommendationOf(n);
  if (rec) {
    const text = rec.recommended ? `recommends ${rec.recommended}` : 'no configuration met the limit';
    return {
      title:
        `Inference Recommender (${rec.jobType}): ${text}; ${plural(rec.recommendations.length, 'configuration')} ` +
        `load-tested`,
      parts: [
        { text: rec.recommended ? `✓ ${rec.recommended}` : '✕ none met p99', tone: rec.recommended ? 'ok' : 'bad' },
      ],
    };
  }
  const rel = releaseOf(n);
  if (rel) {
    if (!rel.executions)
      return {
        title: `No execution yet (push trigger: ${rel.branches || 'none'})`,
        parts: [{ text: `⎇ ${rel.branches || 'no trigger'}`, tone: 'idle' }],
      };
    const last = rel.stages.find((s) => s.status === 'Failed');
    return {
      title:
        `Execution #${rel.executions}: ` +
        `${rel.stage ? `running ${rel.stage}` : last ? `Failed at ${last.name}` : 'Succeeded'} ` +
        `(${rel.stages.map((s) => `${s.name} ${s.status}`).join(', ')})`,
      parts: rel.stages.map((s) => ({
        text: `${STAGE_TONE[s.status]?.mark ?? '·'} ${s.name}`,
        tone: STAGE_TONE[s.status]?.tone ?? 'idle',
      })),
    };
  }
  const auto = automlOf(n);
  if (auto) {
    const best = auto.leaderboard[0];
    return {
      title:
        `Autopilot (${auto.mode}, ${auto.problemType}, objective ${auto.objective}): ${auto.candidates} of ` +
        `${auto.planned} ` +
        `candidates${best ? `; best ${best.name} (${best.algorithm}) ${auto.objective} ${best.value}` : ''}`,
      parts: [
        {
          text: `${auto.candidates}/${auto.planned} candidates`,
          tone: auto.candidates < auto.planned && best ? 'warn' : undefined,
        },
        ...(best ? [{ text: `★ ${best.algorithm} ${auto.objective} ${best.value}`, tone: 'ok' as Tone }] : []),
      ],
    };
  }
  if (x.events !== undefined)
    return {
      title: `${plural(num(x.events), 'event')} matched`,
      parts: [{ text: `⚡ ${plural(num(x.events), 'event')}` }],
    };
  if (x.invocations !== undefined)
    return {
      title: `${plural(num(x.invocations), 'invocation')}`,
      parts: [{ text: `λ ${plural(num(x.invocations), 'invocation')}` }],
    };
  return null;
}
