import { AI_SERVICE_NAMES, AI_SERVICE_TASKS, type AiService } from '../../../catalog/services';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import type { SimModule, Simulation } from '../../sim';
import type { Finding } from '../../types';
import { fineTuneDataProblem } from '../shared/finetune';

type Hit = { rule: string; vars: Record<string, string | number> };

/**
 * Why a customised service cannot be trained: a Bedrock model whose data is not JSON Lines (fine-tuning-data-format),
 * or labelled data whose task the service does not learn (ai-service-task-mismatch).
 */
export function serviceTaskProblem(g: Graph, n: GNode<'ai-service'>): Hit | null {
  if (!n.props.customModel) return null;
  const data = fineTuneDataProblem(g, n);
  if (data) return data;
  const service = n.props.service as AiService;
  const fit = AI_SERVICE_TASKS[service];
  for (const b of g.in(n.id, 's3-bucket')) {
    const task = b.props.task;
    if (task && !fit.tasks.includes(task))
      return {
        rule: 'ai-service-task-mismatch',
        vars: { service: AI_SERVICE_NAMES[service], bucket: b.id, how: fit.how, task },
      };
  }
  return null;
}

/** bedrock-custom-model-on-demand: a customised Bedrock model with neither Provisioned Throughput nor a deployment. */
export const onDemandCustom = (n: GNode<'ai-service'>): boolean =>
  n.props.service === 'bedrock' && n.props.customModel === true && n.props.bedrockInference === 'on-demand';

function checkServices(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const n of g.ofKind('ai-service')) {
    const h = serviceTaskProblem(g, n);
    if (h) {
      const rule = ruleById(h.rule);
      out.push({
        rule: h.rule,
        node: n.id,
        severity: rule.severity,
        message: formatMessage(rule, { node: n.id, ...h.vars }),
      });
    }
    if (onDemandCustom(n)) {
      const rule = ruleById('bedrock-custom-model-on-demand');
      out.push({
        rule: rule.id,
        node: n.id,
        severity: rule.severity,
        message:
          `Bedrock model ${n.id} is customised and set to on-demand inference: a custom model needs Provisioned ` +
          `Throughput (or, for a custom Amazon Nova model, a custom model deployment) before it can be invoked.`,
      });
    }
  }
  return out;
}

/**
 * A managed AI service in a run: InService from the start (AWS runs it), or Failed when its customisation cannot
 * learn the data's task. Each client → ai-service edge sends the client's mean rate as Poisson counts per second
 * (the pattern and payload props of a client shape SageMaker endpoint traffic only); a call succeeds after the
 * node's modelLatencyMs, or fails when the service cannot serve (failed customisation, a custom Bedrock model on
 * demand). The service bills nothing here: SageSim has no sourced per-request prices for these services yet.
 */
function startServices(sim: Simulation): void {
  const g = sim.graph;
  for (const n of g.ofKind('ai-service')) {
    const service = n.props.service as AiService;
    const misfit = serviceTaskProblem(g, n);
    const onDemand = onDemandCustom(n);
    const m = sim.metrics(n.id);
    m.extra.service = AI_SERVICE_NAMES[service];
    if (misfit) {
      sim.setState(
        n.id,
        'Failed',
        misfit.rule === 'fine-tuning-data-format'
          ? `customisation failed: ${misfit.vars.bucket} holds ${misfit.vars.format}`
          : `customisation failed: ${AI_SERVICE_NAMES[service]} does not learn ${misfit.vars.task}`,
      );
      sim.incident(misfit.rule, n.id, misfit.vars);
    } else sim.setState(n.id, 'InService', `${AI_SERVICE_NAMES[service]} ready`);
    const clients = g.in(n.id, 'client').filter((c) => Number(c.props.rps) > 0);
    if (!clients.length) continue;
    const rng = sim.rng(`ai-service:${n.id}`);
    const latency = Number(n.props.modelLatencyMs) || 0;
    const counter = onDemand ? sim.counter('bedrock-custom-model-on-demand', n.id) : null;
    sim.every(
      1,
      `${n.id}: calls`,
      n.id,
      () => {
        for (const c of clients) {
          const k = rng.poisson(Number(c.props.rps));
          if (!k) continue;
          sim.metrics(c.id).requests += k;
          m.requests += k;
          if (misfit || counter) {
            m.failed += k;
            counter?.add(sim.now, k, {});
          } else {
            m.ok += k;
            m.latency.addMany(latency, k);
          }
        }
      },
      1,
    );
  }
}

/**
 * Buy vs build (exam domain 2): managed AI services and Amazon Bedrock models as nodes a client calls. Whether a
 * service can be customised on the data's task, and how a customised Bedrock model must be served.
 */
export const servicesModule: SimModule = { id: 'services', check: checkServices, start: startServices };
