import { formatMessage, ruleById } from '../../../catalog/rules';
import type { Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import type { SimModule } from '../../sim';
import { oneHotProblem, prepLeaks } from '../shared/prep';
import { startPretrainingChecks } from './bias';
import { startExplainability } from './explain';

export { PREP, oneHotProblem, prepLeaks, prepPenalty, prepResamples, traitsOf, transformsOf } from '../shared/prep';

const LEAK_FINDINGS: Record<string, string> = {
  'target-encoding-leakage':
    "{node} target-encodes categories with means computed on every row, each row's own label included: the " +
    'encoded feature carries the label into training and validation.',
  'resampling-before-split':
    '{node} oversamples the minority class with SMOTE before the train/validation split: synthetic rows built ' +
    'from validation rows end up in training.',
};

/** Static findings of data preparation: one-hot encodings that do not fit in memory, leaking transforms. */
function checkData(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const n of g.ofKind('processing-job', 'data-wrangler')) {
    const h = oneHotProblem(g, n);
    if (h) {
      const rule = ruleById(h.rule);
      out.push({
        rule: h.rule,
        node: n.id,
        severity: rule.severity,
        message: formatMessage(rule, { node: n.id, ...h.vars }),
      });
    }
  }
  const seen = new Set<string>();
  for (const t of g.ofKind('training-job'))
    for (const leak of prepLeaks(g, t.id)) {
      const key = `${leak.rule}:${leak.node}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rule = ruleById(leak.rule);
      out.push({
        rule: leak.rule,
        node: leak.node,
        severity: rule.severity,
        message: formatMessage({ ...rule, message: LEAK_FINDINGS[leak.rule] }, { node: leak.node }),
      });
    }
  return out;
}

/**
 * Data preparation (exam domain 1): the static findings of the transforms, and Clarify's pre-training bias
 * reports on s3-bucket → clarify edges (bias.ts), and post-training SHAP explainability reports on training-job →
 * clarify edges (explain.ts). The transforms' behaviour is pure and lives in modules/shared/prep.ts — read by the jobs
 * module (a one-hot encoding that runs out of memory) and the MLOps module (what the
 * transforms and the data's traits do to the model's quality).
 */
export const dataModule: SimModule = {
  id: 'data',
  check: checkData,
  start: (sim) => {
    startPretrainingChecks(sim);
    startExplainability(sim);
  },
};
