import { ENDPOINT_KINDS, type EndpointKind, propsByName } from '../../../catalog/kinds';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import type { Finding } from '../../types';

/** Why a monitor's scheduled runs fail, in the order a run meets them; null = it works. */
export interface MonitorFailure {
  rule: string;
  vars: Record<string, string | number>;
}

const UNSUPPORTED: Record<string, string> = {
  'serverless-endpoint': 'serverless',
  'multi-model-endpoint': 'multi-model',
};

/** The endpoint a monitor watches (its first endpoint → model-monitor edge), or null. */
export const monitoredEndpoint = (g: Graph, monitor: string): GNode<EndpointKind> | null =>
  g.in(monitor, ...ENDPOINT_KINDS)[0] ?? null;

/**
 * Every reason a monitor cannot run, first the one a run meets first: an unsupported endpoint type,
 * no data capture, no baseline, model quality without ground truth, bias drift or feature attribution
 * without Clarify. An endpoint kind without a dataCapture prop (async) captures.
 */
export function monitorFailures(g: Graph, m: GNode<'model-monitor'>): MonitorFailure[] {
  const out: MonitorFailure[] = [];
  const ep = monitoredEndpoint(g, m.id);
  const type = m.props.monitorType;
  if (ep && UNSUPPORTED[ep.kind])
    out.push({ rule: 'monitor-unsupported-endpoint', vars: { endpointType: UNSUPPORTED[ep.kind], endpoint: ep.id } });
  if (ep && propsByName(ep.props).dataCapture === false)
    out.push({ rule: 'monitor-needs-data-capture', vars: { endpoint: ep.id } });
  // a sheet claim: under the aws rulebook a run without a baseline completes, with nothing to compare against
  if (!m.props.baseline && g.rulebook !== 'aws') out.push({ rule: 'monitor-needs-baseline', vars: {} });
  if (type === 'model-quality' && !m.props.groundTruth)
    out.push({ rule: 'model-quality-needs-ground-truth', vars: { endpoint: ep?.id ?? '(none)' } });
  if ((type === 'bias-drift' || type === 'feature-attribution') && !g.out(m.id, 'clarify').length)
    out.push({ rule: 'monitor-needs-clarify', vars: { monitorType: type } });
  return out;
}

/** Static findings of the monitoring rules: every failure reason of every monitor, on the monitor. */
export function monitorFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const m of g.ofKind('model-monitor')) {
    for (const f of monitorFailures(g, m)) {
      const def = ruleById(f.rule);
      out.push({
        rule: f.rule,
        node: m.id,
        severity: def.severity,
        message: formatMessage(def, { node: m.id, ...f.vars }),
      });
    }
  }
  return out;
}
