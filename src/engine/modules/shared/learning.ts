import type { PropsOf } from '../../../catalog/kinds';
import type { GNode } from '../../../model/graph';

type TrainingProps = PropsOf<'training-job'>;

/**
 * Learning curves of a training job: training and validation loss per boosting round (XGBoost) or epoch (a
 * script-mode deep network, algorithm "custom"), set by the hyperparameters, and what SageMaker Debugger's
 * built-in rules see in them. Pure: the same props give the same curves. Our own model, shaped to show the
 * textbook behaviours the exam asks about (K2.3.3, S2.2.6, S2.3.6):
 *
 * XGBoost. u = eta × round is how far learning has gone. The loss both curves share falls from L0 = 0.69
 * (a guess) towards a floor 0.30 as e^(−u/2): eta 0.3 needs ~30 rounds, eta 0.01 needs ~1,000 (too few rounds
 * or too small a step underfits). Trees shallower than 3 levels raise the floor (+0.06 per missing level). Past
 * u* = 6 the model memorises at rate m = 2.75e-5 × (max_depth − 2)^1.5 ÷ R per unit of u, with regularisation
 * R = 1 + 0.25 (lambda − 1) + 0.5 alpha; training loss falls by 1.5 m·(u − u*) and validation loss rises by
 * m·(u − u*): the gap widens round after round (overfitting). Regularisation (lambda, alpha) and shallower trees
 * slow the widening; early_stopping_rounds stops `early_stopping_rounds` rounds after the best validation round,
 * and the model kept is the best round (AWS: hosting uses the best iteration). Defaults (max_depth 6, eta 0.3,
 * lambda 1, alpha 0, 100 rounds) end with a gap ratio under 0.1.
 *
 * Deep network (custom). u = epoch × clamp(learningRate / 0.001, 0.05, 3); the loss falls as e^(−u/3) to the
 * same floor and memorises at m = 5e-4 past u* = 12. A learning rate above 0.1 makes the loss oscillate and
 * not decrease. Sigmoid (derivative ≤ 0.25) with 9 or more hidden layers, or tanh with 17 or more, multiplies
 * early-layer gradients below Debugger's VanishingGradient threshold 1e-7 (0.25^9 × 1e-2 ≈ 4e-8): the loss
 * stays flat after the first epoch.
 *
 * Other built-in algorithms converge without a modelled issue.
 *
 * Debugger (AWS defaults, https://docs.aws.amazon.com/sagemaker/latest/dg/debugger-built-in-rules.html):
 * Overfit fires at the first step where (validation − training) ÷ training exceeds ratio_threshold 0.1
 * (patience 1) — on XGBoost and deep-learning jobs; LossNotDecreasing fires when the loss has not decreased
 * over the last num_steps; VanishingGradient (deep learning only, not XGBoost) at the first step where the mean
 * gradient is below 1e-7. A rule with the StopTraining action stops the job there.
 */

export const LEARNING = {
  initialLoss: 0.69,
  floorLoss: 0.3,
  generalisationGap: 0.01,
  shallowPenaltyPerLevel: 0.06,
  learnedAt: 6,
  memoriseRate: 2.75e-5,
  regulariseFloor: 0.0015,
  deepLearnedAt: 12,
  deepMemoriseRate: 5e-4,
  divergingLearningRate: 0.1,
  vanishingLayers: { sigmoid: 9, tanh: 17 } as Record<string, number>,
  /** Debugger Overfit ratio_threshold default. */
  overfitRatio: 0.1,
  /** Validation loss above the best reachable (floor + gap) by more than this is a worse model. */
  tolerance: 0.01,
  /** Skill (AUC) lost per unit of validation loss above the best reachable, beyond the tolerance. */
  skillPerLoss: 1.5,
  /** Served validation loss this far above the best reachable, without overfitting, is underfitting. */
  underfitExcess: 0.05,
  /** Points kept per curve (evenly spaced steps, the first and last always kept). */
  maxPoints: 60,
} as const;

export type LearningIssue = 'overfitting' | 'underfitting' | 'loss-not-decreasing' | 'vanishing-gradient';

/** One sampled step of the curves. */
export interface CurvePoint {
  step: number;
  train: number;
  validation: number;
}

/** What a training job's learning looks like. */
export interface LearningPlan {
  family: 'xgboost' | 'deep' | 'other';
  /** "round" (XGBoost) or "epoch". */
  unit: 'round' | 'epoch';
  /** Rounds or epochs configured. */
  steps: number;
  /** Rounds or epochs run: fewer with early stopping or a Debugger StopTraining. */
  ranSteps: number;
  /** The step whose model is kept (the best round with early stopping, else the last step run). */
  servedStep: number;
  /** The step with the lowest validation loss among those run, and that loss. */
  bestStep: number;
  bestValidation: number;
  /** Training loss at the start of the window LossNotDecreasing compares (the first step run when shorter). */
  windowStart: { step: number; train: number };
  points: CurvePoint[];
  /** Losses of the kept model. */
  train: number;
  validation: number;
  /** (validation − training) ÷ training of the kept model. */
  gapRatio: number;
  stoppedBy: 'early-stopping' | 'debugger' | null;
  /** The Debugger rule that found an issue, at which step, and whether it stopped the job. */
  debugger: { rule: string; step: number; stop: boolean } | null;
  /** Debugger rules attached that cannot run on this job (VanishingGradient on XGBoost, any on other algorithms). */
  unsupportedRules: string[];
  /** The learning problem the curves show, if any. */
  issue: LearningIssue | null;
  /** AUC lost by the kept model against a well-fit one. */
  skillPenalty: number;
}

type Curve = (step: number) => { train: number; validation: number };

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

function xgboostCurve(p: TrainingProps): Curve {
  const L = LEARNING;
  const depth = Number(p.maxDepth);
  const reg = 1 + 0.25 * Math.max(0, Number(p.lambda) - 1) + 0.5 * Number(p.alpha);
  const floor =
    L.floorLoss + L.shallowPenaltyPerLevel * Math.max(0, 3 - depth) + Math.min(0.1, L.regulariseFloor * (reg - 1));
  const m = (L.memoriseRate * Math.max(0, depth - 2) ** 1.5) / reg;
  const eta = Number(p.eta);
  return (r) => {
    const u = eta * r;
    const base = floor + (L.initialLoss - floor) * Math.exp(-u / 2);
    const over = m * Math.max(0, u - L.learnedAt);
    return { train: Math.max(0.02, base - 1.5 * over), validation: base + over + L.generalisationGap };
  };
}

function deepCurve(p: Pick<TrainingProps, 'learningRate' | 'activation' | 'layers'>): {
  curve: Curve;
  kind: 'ok' | 'diverging' | 'vanishing';
} {
  const L = LEARNING;
  const lr = Number(p.learningRate);
  const vanishAt = L.vanishingLayers[String(p.activation)];
  if (vanishAt !== undefined && Number(p.layers) >= vanishAt) {
    const flat = L.initialLoss - 0.01;
    return {
      kind: 'vanishing',
      curve: (e) => ({ train: e < 1 ? L.initialLoss : flat, validation: (e < 1 ? L.initialLoss : flat) + 0.005 }),
    };
  }
  if (lr > L.divergingLearningRate) {
    return {
      kind: 'diverging',
      curve: (e) => {
        const wobble = 0.04 * Math.abs(Math.sin(1.7 * e)) + 0.002 * e;
        return { train: L.initialLoss + wobble, validation: L.initialLoss + wobble + 0.01 };
      },
    };
  }
  const speed = clamp(lr / 0.001, 0.05, 3);
  return {
    kind: 'ok',
    curve: (e) => {
      const u = e * speed;
      const base = L.floorLoss + (L.initialLoss - L.floorLoss) * Math.exp(-u / 3);
      const over = L.deepMemoriseRate * Math.max(0, u - L.deepLearnedAt);
      return { train: Math.max(0.02, base - 1.5 * over), validation: base + over + L.generalisationGap };
    },
  };
}

const ratioOf = (c: { train: number; validation: number }) => (c.validation - c.train) / c.train;

/** The learning curves of a training job and what they mean for its model. */
export function learningPlan(n: GNode<'training-job'>): LearningPlan {
  const p = n.props;
  const alg = String(p.algorithm);
  const family: LearningPlan['family'] = alg === 'xgboost' ? 'xgboost' : alg === 'custom' ? 'deep' : 'other';
  const unit = family === 'xgboost' ? 'round' : 'epoch';
  const steps = Math.max(1, Math.round(Number(family === 'xgboost' ? p.numRound : p.epochs)));
  const rules = (Array.isArray(p.debuggerRules) ? p.debuggerRules : []).map(String);
  const supported = (r: string) => family === 'deep' || (family === 'xgboost' && r !== 'VanishingGradient');
  const active = rules.filter(supported);
  const stopAction = p.debuggerAction === 'StopTraining';

  let curve: Curve;
  let kind: 'ok' | 'diverging' | 'vanishing' = 'ok';
  if (family === 'xgboost') curve = xgboostCurve(p);
  else if (family === 'deep') ({ curve, kind } = deepCurve(p));
  else curve = deepCurve({ learningRate: 0.001, activation: 'relu', layers: 1 }).curve;
  if (family === 'other') active.length = 0;

  // walk the steps: best validation, early stopping, the first Debugger finding
  const esr = family === 'xgboost' && p.earlyStoppingRounds != null ? Number(p.earlyStoppingRounds) : null;
  let best = 1,
    bestVal = Infinity,
    ran = steps,
    stoppedBy: LearningPlan['stoppedBy'] = null,
    found: LearningPlan['debugger'] = null;
  const window = Math.max(2, Math.min(10, Math.ceil(steps / 10)));
  for (let s = 1; s <= steps; s++) {
    const c = curve(s);
    if (c.validation < bestVal - 1e-9) {
      bestVal = c.validation;
      best = s;
    }
    if (!found) {
      const hit =
        active.includes('VanishingGradient') && kind === 'vanishing' && s >= 1
          ? 'VanishingGradient'
          : active.includes('LossNotDecreasing') && s > window && curve(s - window).train - c.train <= 1e-9
            ? 'LossNotDecreasing'
            : active.includes('Overfit') && ratioOf(c) > LEARNING.overfitRatio
              ? 'Overfit'
              : null;
      if (hit) {
        found = { rule: hit, step: s, stop: stopAction };
        if (stopAction) {
          ran = s;
          stoppedBy = 'debugger';
          break;
        }
      }
    }
    if (esr !== null && s - best >= esr) {
      ran = s;
      stoppedBy = 'early-stopping';
      break;
    }
  }
  const served = stoppedBy === 'early-stopping' ? best : ran;
  const kept = curve(served);
  const reachable = LEARNING.floorLoss + LEARNING.generalisationGap;
  const excess = kept.validation - reachable;
  const skillPenalty = Math.max(0, excess - LEARNING.tolerance) * LEARNING.skillPerLoss;
  const gapRatio = ratioOf(kept);

  let issue: LearningIssue | null = null;
  if (kind === 'vanishing') issue = found?.rule === 'VanishingGradient' ? 'vanishing-gradient' : 'loss-not-decreasing';
  else if (kind === 'diverging') issue = 'loss-not-decreasing';
  else if (family !== 'other' && gapRatio > LEARNING.overfitRatio) issue = 'overfitting';
  else if (family !== 'other' && excess > LEARNING.underfitExcess) issue = 'underfitting';
  // a Debugger stop cuts the run short: what it found is the issue the run shows
  if (found?.stop && found.rule === 'Overfit') issue = 'overfitting';

  return {
    family,
    unit,
    steps,
    ranSteps: ran,
    servedStep: served,
    bestStep: best,
    bestValidation: r4(bestVal),
    windowStart: { step: Math.max(1, served - window), train: r4(curve(Math.max(1, served - window)).train) },
    points: sample(curve, ran),
    train: r4(kept.train),
    validation: r4(kept.validation),
    gapRatio: r4(gapRatio),
    stoppedBy,
    debugger: found,
    unsupportedRules: rules.filter((r) => !supported(r)),
    issue,
    skillPenalty: r4(skillPenalty),
  };
}

function sample(curve: Curve, steps: number): CurvePoint[] {
  const n = Math.min(steps, LEARNING.maxPoints);
  const out: CurvePoint[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const s = n === 1 ? steps : Math.round(1 + ((steps - 1) * i) / (n - 1));
    if (seen.has(s)) continue;
    seen.add(s);
    const c = curve(s);
    out.push({ step: s, train: r4(c.train), validation: r4(c.validation) });
  }
  return out;
}
