import type { GNode, Graph } from '../../../model/graph';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { Finding } from '../../types';

/** The alarms of a deployment's AutoRollbackConfiguration that watch this endpoint (cloudwatch nodes wired from it). */
export function rollbackAlarmsOf(g: Graph, ep: GNode<'realtime-endpoint'>): GNode<'cloudwatch'>[] {
  const d = ep.props.deployment;
  if (!d) return [];
  const wired = new Set(g.out(ep.id, 'cloudwatch').map((n) => n.id));
  return (d.rollbackAlarms ?? []).filter((id) => wired.has(id)).map((id) => g.nodeOf(id, 'cloudwatch'));
}

/** guardrail-without-alarm: canary or linear traffic shifting with no alarm that can roll it back. */
export function deployFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const ep of g.ofKind('realtime-endpoint')) {
    const d = ep.props.deployment;
    if (!d || d.type === 'all-at-once' || rollbackAlarmsOf(g, ep).length > 0) continue;
    const rule = ruleById('guardrail-without-alarm');
    out.push({
      rule: rule.id,
      node: ep.id,
      severity: rule.severity,
      message: formatMessage(rule, { node: ep.id, type: d.type, wait: d.waitIntervalSec }),
    });
  }
  return out;
}
