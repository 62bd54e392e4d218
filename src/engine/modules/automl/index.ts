import { formatMessage, ruleById } from '../../../catalog/rules';
import type { Graph } from '../../../model/graph';
import type { SimModule } from '../../sim';
import type { Finding } from '../../types';
import { automlPlan, objectiveMismatch, startAutopilot, tooFewRows, unregisteredRegistry } from './autopilot';
import { eulaProblem, gpuProblem, weightsGB } from './jumpstart';
import { fineTunedWeightsMissing, startFineTune } from './finetune';
import { fineTuneDataProblem } from '../shared/finetune';

export { AUTOML_TIMING, automlPlan, type AutomlCandidate } from './autopilot';

const finding = (rule: string, node: string, vars: Record<string, string | number>): Finding => {
  const r = ruleById(rule);
  return { rule, node, severity: r.severity, message: formatMessage(r, { node, ...vars }) };
};

function checkAutoml(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const n of g.ofKind('autopilot-job')) {
    const p = automlPlan(g, n);
    if (!p.bucket) continue;
    for (const h of [objectiveMismatch(p), tooFewRows(p)]) if (h) out.push(finding(h.rule, n.id, h.vars));
    const nowhere = unregisteredRegistry(g, n);
    if (nowhere)
      out.push(
        finding('autopilot-candidate-unregistered', n.id, {
          best: '(named when the job completes)',
          registry: nowhere.registry,
          endpoints: nowhere.endpoints.join(', '),
        }),
      );
  }
  for (const m of g.ofKind('jumpstart-model')) {
    const h = fineTuneDataProblem(g, m);
    if (h) out.push(finding(h.rule, m.id, h.vars));
  }
  for (const ep of g.ofKind('realtime-endpoint'))
    for (const h of [eulaProblem(g, ep), gpuProblem(g, ep)]) if (h) out.push(finding(h.rule, ep.id, h.vars));
  return out;
}

/**
 * AutoML and pretrained models (exam domain 2): SageMaker Autopilot jobs (their plan, leaderboard and explainability
 * report, autopilot.ts) and JumpStart foundation models deployed to real-time endpoints: the endpoint's model
 * download waits for the EULA, its health check for the model to fit the GPU memory (gates, jumpstart.ts); a model
 * with a fineTune method first runs its fine-tuning job (finetune.ts).
 */
export const automlModule: SimModule = {
  id: 'automl',
  check: checkAutoml,
  start(sim) {
    const g = sim.graph;
    for (const n of g.ofKind('autopilot-job')) startAutopilot(sim, n);
    for (const m of g.ofKind('jumpstart-model')) {
      const x = sim.metrics(m.id).extra;
      x.modelId = String(m.props.modelId);
      x.weightsGB = weightsGB(m);
      startFineTune(sim, m);
    }
    sim.addGate((n, phase) => (phase === 'model-download' ? eulaProblem(g, n) : null));
    sim.addGate((n, phase) => (phase === 'model-download' ? fineTunedWeightsMissing(sim, n) : null));
    sim.addGate((n, phase) => (phase === 'health-check' ? gpuProblem(g, n) : null));
  },
};
