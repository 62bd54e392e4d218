import { AUTOML_LOWER_IS_BETTER, type AutomlMetric } from '../../../catalog/automl';
import { round } from '../../util';

/**
 * The value of an Autopilot objective metric for a candidate of quality q (0–1), SageSim's own scale (AWS publishes
 * none): a score (Accuracy, AUC, F1…, R2) is q itself; an error is 0.1 + 2 × (1 − q) for RMSE, its square for MSE and
 * 0.8 × it for MAE. Rounded to 4 places, as the leaderboard shows it. Shared by the automl module (the leaderboard)
 * and the mlops module (what a registered best candidate scores where it serves).
 */
export function automlMetricValue(metric: AutomlMetric, q: number): number {
  if (!AUTOML_LOWER_IS_BETTER.includes(metric)) return round(q, 4);
  const err = 0.1 + 2 * (1 - q);
  return round(metric === 'MSE' ? err * err : metric === 'MAE' ? err * 0.8 : err, 4);
}
