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
 * runs / violations / the last result, events handled.
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
      title: `${plural(runs, 'run')}, ${plural(failed, 'failed run')}, ${plural(viol, 'violation')}${last ? `; last: run ${last.n} ${last.text}` : ''}`,
      parts: [
        { text: plural(runs, 'run') },
        { text: plural(viol, 'violation'), tone: viol ? 'bad' : undefined },
        ...(failed ? [{ text: `${failed} failed`, tone: 'bad' as Tone }] : []),
        ...(last ? [{ text: `last ${RUN_RESULT[last.result].short}`, tone: RUN_RESULT[last.result].tone }] : []),
      ],
    };
  }
  const rec = recommendationOf(n);
  if (rec) {
    const text = rec.recommended ? `recommends ${rec.recommended}` : 'no configuration met the limit';
    return {
      title: `Inference Recommender (${rec.jobType}): ${text}; ${plural(rec.recommendations.length, 'configuration')} load-tested`,
      parts: [
        { text: rec.recommended ? `✓ ${rec.recommended}` : '✕ none met p99', tone: rec.recommended ? 'ok' : 'bad' },
      ],
    };
  }
  const auto = automlOf(n);
  if (auto) {
    const best = auto.leaderboard[0];
    return {
      title: `Autopilot (${auto.mode}, ${auto.problemType}, objective ${auto.objective}): ${auto.candidates} of ${auto.planned} candidates${best ? `; best ${best.name} (${best.algorithm}) ${auto.objective} ${best.value}` : ''}`,
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
