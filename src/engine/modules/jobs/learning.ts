import type { GNode } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import type { LearningPlan } from '../shared/learning';

/** Where a training job's Training phase ends early: early stopping or a Debugger StopTraining action. */
export interface LearningStop {
  /** Fraction of the configured rounds/epochs run. */
  fraction: number;
  debugger: boolean;
  message: string;
}

/** The early end of a training job's Training phase, or null when it runs every round/epoch. */
export function learningStop(plan: LearningPlan): LearningStop | null {
  if (!plan.stoppedBy) return null;
  const fraction = plan.ranSteps / plan.steps;
  if (plan.stoppedBy === 'debugger' && plan.debugger)
    return {
      fraction,
      debugger: true,
      message:
        `Stopped by SageMaker Debugger: rule ${plan.debugger.rule} reported IssuesFound at ${plan.unit} ` +
        `${plan.debugger.step} of ${plan.steps}, and its StopTraining action stopped the training job`,
    };
  return {
    fraction,
    debugger: false,
    message:
      `early stopping: no better validation score in the ${plan.ranSteps - plan.bestStep} ${plan.unit}s after ` +
      `${plan.unit} ${plan.bestStep}`,
  };
}

/**
 * The end of a training job's Training phase: its loss figures on the report entry (trainLoss, validationLoss,
 * gapRatio, bestStep, stepsRun, learningUnit, debugger), the sampled curves in the log (data.curves, for the
 * run panel's chart), and the incident of the learning problem the curves show (overfitting, underfitting,
 * loss-not-decreasing, vanishing-gradient) — named by Debugger when one of its rules found it.
 */
export function recordLearning(sim: Simulation, n: GNode<'training-job'>, plan: LearningPlan): void {
  const x = sim.metrics(n.id).extra;
  const u = plan.unit;
  Object.assign(x, {
    learningUnit: u,
    stepsRun: plan.ranSteps,
    bestStep: plan.bestStep,
    trainLoss: plan.train,
    validationLoss: plan.validation,
    gapRatio: plan.gapRatio,
  });
  if (plan.debugger) x.debugger = `${plan.debugger.rule}: IssuesFound at ${u} ${plan.debugger.step}`;
  const early = plan.stoppedBy === 'early-stopping';
  sim.note(
    n.id,
    'info',
    `${n.id}: ${plan.ranSteps} of ${plan.steps} ${u}s ` +
      `run${early ? ` (early stopping; the model kept is ${u} ${plan.bestStep})` : ''}: training loss ` +
      `${plan.train}, validation loss ${plan.validation}; lowest validation loss ${plan.bestValidation} at ${u} ` +
      `${plan.bestStep}`,
    'info',
    { curves: plan.points, unit: u, bestStep: plan.bestStep, servedStep: plan.servedStep },
  );
  for (const r of plan.unsupportedRules)
    sim.note(
      n.id,
      'info',
      `${n.id}: Debugger rule ${r} did not run — ` +
        `${
          r === 'VanishingGradient'
            ? 'it is not available for ' + 'the XGBoost algorithm'
            : `${n.props.algorithm} does not emit the ` + `tensors Debugger rules read`
        }`,
    );
  if (plan.debugger && !plan.debugger.stop)
    sim.note(
      n.id,
      'event',
      `${n.id}: Debugger rule ${plan.debugger.rule} reported IssuesFound at ${u} ${plan.debugger.step}; no ` +
        `action is configured, so training went on`,
      'warning',
    );
  if (!plan.issue) return;
  const source = plan.debugger
    ? `Debugger rule ${plan.debugger.rule}: IssuesFound at ${u} ${plan.debugger.step}`
    : `Training metrics of ${n.id}`;
  sim.incident(plan.issue, n.id, {
    source,
    unit: u,
    step: plan.servedStep,
    steps: plan.steps,
    train: plan.train,
    validation: plan.validation,
    ratio: round(plan.gapRatio, 2),
    bestStep: plan.bestStep,
    bestValidation: plan.bestValidation,
    windowStep: plan.windowStart.step,
    windowTrain: plan.windowStart.train,
    layers: Number(n.props.layers),
    activation: String(n.props.activation),
  });
}
