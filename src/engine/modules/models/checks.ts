import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import { metricProblem, taskProblem } from './fit';

/** Training jobs a tuning job may launch (AWS MaxNumberOfTrainingJobs, parents' jobs included with warm start). */
export const TUNING_JOB_LIMIT = 500;

/**
 * tuning-config-invalid: a CreateHyperParameterTuningJob request AWS refuses —
 * Hyperband with TrainingJobEarlyStoppingType AUTO (Hyperband "has its own advanced internal early stopping
 * mechanism, TrainingJobEarlyStoppingType must be OFF"), a warm start without a parent job (1 to 5 parents),
 * or parents' training jobs plus maxJobs over the 500-job limit (AWS: "the training jobs launched by every
 * parent job in a warm start tuning job count against the 500 maximum training jobs").
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobConfig.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-warm-start.html
 */
export function tuningProblem(n: GNode<'tuning-job'>): { rule: string; vars: Record<string, string | number> } | null {
  const p = n.props;
  const reason =
    p.strategy === 'hyperband' && p.earlyStopping === 'Auto'
      ? 'TrainingJobEarlyStoppingType must be OFF to use the Hyperband strategy, which stops training jobs itself'
      : p.warmStart && Number(p.parentTrainingJobs) === 0
        ? `WarmStartConfig (${p.warmStart}) needs at least one parent tuning job with completed training jobs (parentTrainingJobs is 0)`
        : p.warmStart && Number(p.parentTrainingJobs) + Number(p.maxJobs) > TUNING_JOB_LIMIT
          ? `the parent tuning jobs' ${p.parentTrainingJobs} training jobs plus MaxNumberOfTrainingJobs ${p.maxJobs} exceed the limit of ${TUNING_JOB_LIMIT} training jobs for a tuning job`
          : null;
  return reason ? { rule: 'tuning-config-invalid', vars: { reason } } : null;
}

const TASK_FINDING =
  'Training job {node} uses {algorithm}, which solves {fits}; its data in {bucket} poses {task}: it will train, but its model will not solve the problem.';

const GATE_FINDING =
  'Condition step {node} judges the model by {metric}, which does not measure {task} (data in {bucket}); use {suggested}.';

/** Static findings of model development: algorithm and metric against the task, tuning configuration. */
export function checkModels(g: Graph): Finding[] {
  const out: Finding[] = [];
  const add = (n: GNode, h: { rule: string; vars: Record<string, string | number> } | null, text?: string) => {
    if (!h) return;
    const rule = ruleById(h.rule);
    const message = formatMessage(text ? { ...rule, message: text } : rule, { node: n.id, ...h.vars });
    out.push({ rule: h.rule, node: n.id, severity: rule.severity, message });
  };
  for (const n of g.ofKind('training-job')) {
    add(n, taskProblem(g, n), TASK_FINDING);
    add(n, metricProblem(g, n));
  }
  for (const n of g.ofKind('tuning-job')) add(n, tuningProblem(n));
  // a condition step judging a training job by a metric that does not measure its task
  for (const c of g.ofKind('condition-step'))
    for (const t of g.in(c.id, 'training-job')) add(c, metricProblem(g, t, String(c.props.metric)), GATE_FINDING);
  return out;
}
