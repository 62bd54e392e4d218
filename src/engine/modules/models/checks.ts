import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import { metricProblem, taskProblem } from '../shared/fit';
import { tuningProblem } from '../shared/search';

const TASK_FINDING =
  'Training job {node} uses {algorithm}, which solves {fits}; its data in {bucket} poses {task}: it will ' +
  'train, but its model will not solve the problem.';

const GATE_FINDING =
  'Condition step {node} judges the model by {metric}, which does not measure {task} (data in {bucket}); use ' +
  '{suggested}.';

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
