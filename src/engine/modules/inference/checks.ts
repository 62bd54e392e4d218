import { formatMessage, ruleById } from '../../../catalog/rules';
import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import { INFERENCE } from './constants';

const finding = (rule: string, node: string, vars: Record<string, string | number> = {}): Finding => {
  const def = ruleById(rule);
  return { rule, node, severity: def.severity, message: formatMessage(def, { node, ...vars }) };
};

/**
 * The frameworks a multi-model endpoint would serve: its images (ecr edges) and the models deployed
 * to it (a built-in algorithm is its own container; a custom one uses its job's images).
 */
export function frameworksOf(g: Graph, mme: GNode): string[] {
  const out = new Set<string>();
  for (const r of g.in(mme.id, 'ecr-repository')) out.add(r.props.framework);
  const jobs = [
    ...g.in(mme.id, 'training-job'),
    ...g.in(mme.id, 'model-registry').flatMap((reg) => g.in(reg.id, 'training-job')),
  ];
  for (const j of jobs) {
    if (j.props.algorithm !== 'custom') out.add(j.props.algorithm);
    else for (const r of g.in(j.id, 'ecr-repository')) out.add(r.props.framework);
  }
  return [...out].sort();
}

/** The feature store an endpoint reads at inference, preferring one without an online store. */
export function featureStoreOf(g: Graph, ep: GNode): GNode<'feature-store'> | null {
  const stores = g.in(ep.id, 'feature-store');
  return stores.find((s) => !s.props.online) ?? stores[0] ?? null;
}

/** Static findings of the inference rules whose trigger shows in the document. */
export function inferenceFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  for (const ep of g.ofKind(...ENDPOINT_KINDS)) {
    const fs = featureStoreOf(g, ep);
    if (fs && !fs.props.online)
      out.push(
        finding('offline-store-online-lookup', ep.id, { featureStore: fs.id, lookupMs: INFERENCE.offlineLookupMs }),
      );
  }
  for (const ep of g.ofKind('async-endpoint')) {
    if (!g.out(ep.id, 'sns').length) out.push(finding('async-no-notification', ep.id));
    if (ep.props.minCapacity === 0 && ep.props.backlogScaling !== true)
      out.push(
        finding('async-stuck-at-zero', ep.id, {
          backlog: 'up to ' + INFERENCE.asyncBacklogPerInstance,
          target: INFERENCE.asyncBacklogPerInstance,
          ttlSec: INFERENCE.asyncRequestTtlSec,
        }),
      );
    if (ep.props.processingSec > ep.props.invocationTimeoutSec) {
      out.push(
        finding('async-timeout', ep.id, {
          requestId: 'requests',
          timeoutSec: ep.props.invocationTimeoutSec,
          processingSec: ep.props.processingSec,
        }),
      );
    }
  }
  for (const ep of g.ofKind('multi-model-endpoint')) {
    const fw = frameworksOf(g, ep);
    if (fw.length > 1) out.push(finding('mme-mixed-frameworks', ep.id, { frameworks: fw.join(' and ') }));
  }
  for (const ep of g.ofKind('realtime-endpoint')) {
    const shadows = (ep.props.variants as { name: string; shadow?: boolean }[]).filter((v) => v.shadow);
    if (shadows.length)
      out.push(
        finding('shadow-variant-response', ep.id, { variant: shadows.map((v) => v.name).join(', '), requests: 'all' }),
      );
  }
  for (const bt of g.ofKind('batch-transform')) {
    const c = g.in(bt.id, 'client').find((n) => n.props.rps > 0);
    if (c) out.push(finding('batch-for-realtime', bt.id, { client: c.id, rps: c.props.rps }));
  }
  return out;
}
