import type { GNode, Graph } from '../../../model/graph';
import { Rng } from '../../rng';
import { imbalanceTreated, taskProblem } from '../shared/fit';
import { learningPlan } from '../shared/learning';
import { searchOutcome, searchPenalty, tuningSearch } from '../shared/search';
import { prepPenalty, prepResamples } from '../shared/prep';
import { INTERACTION_PENALTY, interactionUnderfit } from '../shared/feasibility';

/** Skill of a model whose algorithm does not solve the task: 0.50–0.58, seeded. */
export const MISFIT = { skill: 0.5, spread: 0.08 } as const;

/** What model development does to a model's skill (see models/learning.ts and models/search.ts). */
export interface FitEffect {
  /** A skill that replaces the seeded one (an algorithm that does not solve the task), or null. */
  skill: number | null;
  /** AUC lost to over- or underfitting (the curves), or to a short tuning search. */
  penalty: number;
  /** Class weights (scale_pos_weight) or resampling treat a rare positive class. */
  imbalanceTreated: boolean;
  /** A linear model on data whose signal is in feature interactions: the bucket (linear-model-on-interactions). */
  interactions: { bucket: string } | null;
  explain: string[];
}

/**
 * The effect of the training job's design on its model: a wrong algorithm for the task gives a model no better
 * than guessing; the learning curves' kept model (or, for a tuned job, the tuning search's best job) loses
 * AUC for each unit of validation loss above the best reachable.
 */
export function fitEffect(
  g: Graph,
  t: GNode<'training-job'>,
  seed: number,
  version: number,
  positiveRatio: number,
): FitEffect {
  const explain: string[] = [];
  const misfit = taskProblem(g, t);
  let skill: number | null = null;
  if (misfit) {
    skill = MISFIT.skill + MISFIT.spread * Rng.derive(seed, `misfit:${t.id}:${version}`).next();
    explain.push(
      `${misfit.vars.algorithm} does not solve ${misfit.vars.task} (it fits ${misfit.vars.fits}): skill ` +
        `${Math.round(skill * 1000) / 1000}`,
    );
  }
  const tuner = g.in(t.id, 'tuning-job')[0];
  let penalty: number;
  if (tuner) {
    const { best } = searchOutcome(tuningSearch(tuner, seed));
    penalty = searchPenalty(best);
    if (penalty > 0)
      explain.push(
        `−${Math.round(penalty * 1000) / 1000}: the best of ${tuner.id}'s jobs is ` +
          `${Math.round((best?.distance ?? 1) * 100)}% of the range from the best combination`,
      );
  } else {
    const plan = learningPlan(t);
    penalty = plan.skillPenalty;
    if (penalty > 0)
      explain.push(
        `−${Math.round(penalty * 1000) / 1000}: validation loss ${plan.validation} at ${plan.unit} ` +
          `${plan.servedStep} (training ${plan.train})`,
      );
  }
  const prep = prepPenalty(g, t);
  penalty += prep.penalty;
  explain.push(...prep.explain);
  const interactions = interactionUnderfit(g, t);
  if (interactions) {
    penalty += INTERACTION_PENALTY;
    explain.push(
      `−${INTERACTION_PENALTY}: a linear model on ${interactions.bucket}, whose signal lies in feature ` +
        `interactions (underfits)`,
    );
  }
  return {
    skill,
    penalty,
    imbalanceTreated: imbalanceTreated(t, positiveRatio) || prepResamples(g, t.id),
    interactions,
    explain,
  };
}
