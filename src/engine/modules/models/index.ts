import type { SimModule } from '../../sim';
import { checkModels } from './checks';

export { ALGORITHM_TASKS, imbalanceTreated, metricProblem, taskOf, taskProblem } from '../shared/fit';
export { LEARNING, learningPlan, type LearningPlan, type CurvePoint } from '../shared/learning';
export { SEARCH, searchOutcome, searchPenalty, tuningSearch, type SearchJob } from '../shared/search';

/**
 * Model development (exam domain 2): the static findings on the fit of algorithm, metric and task, and on a
 * tuning job's configuration. The behaviour itself is pure and lives in modules/shared (modules never import
 * each other) — the learning curves (learning.ts), the tuning search (search.ts), the algorithm/task table (fit.ts) —
 * read by the jobs module
 * (a training job's curves, Debugger stops, a tuner's jobs) and the MLOps module (the model's quality).
 */
export const modelsModule: SimModule = {
  id: 'models',
  check: checkModels,
};
