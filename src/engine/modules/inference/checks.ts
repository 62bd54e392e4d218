import { formatMessage, ruleById } from '../../../catalog/rules';
import { ENDPOINT_KINDS } from '../../../catalog/kinds';
import type { GNode, Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import { DEFAULT_VARIANT, INFERENCE, PAYLOAD_ERRORS } from './constants';
import { payloadVars } from './payload';

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

/**
 * Why an endpoint's bring-your-own image (an `ecr-repository → endpoint` edge, framework custom) fails SageMaker's ping
 * health check, or null: its server must answer GET /ping (and POST /invocations) on port 8080
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-inference-code.html). AWS-built framework images
 * comply. The vars of rule container-ping-failed.
 */
export function pingFailure(g: Graph, ep: GNode): Record<string, string> | null {
  for (const r of g.in(ep.id, 'ecr-repository')) {
    if (r.props.framework !== 'custom') continue;
    const port = Number(r.props.servingPort ?? 8080);
    const why =
      port !== 8080
        ? `container log: listening on 0.0.0.0:${port}`
        : r.props.implementsPing === false
          ? 'container log: "GET /ping HTTP/1.1" 404'
          : null;
    if (why) {
      const variants =
        ep.kind === 'realtime-endpoint' ? (ep.props.variants as { name: string; shadow?: boolean }[]) : [];
      const variant = variants.find((v) => !v.shadow)?.name ?? 'AllTraffic';
      return { variant, image: r.id, why };
    }
  }
  return null;
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
  for (const ep of g.ofKind(...ENDPOINT_KINDS)) {
    const ping = pingFailure(g, ep);
    if (ping) out.push(finding('container-ping-failed', ep.id, ping));
  }
  // scale to zero needs inference components (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html)
  for (const ep of g.ofKind('realtime-endpoint'))
    if (ep.props.autoscaling?.min === 0 && ep.props.inferenceComponents !== true)
      out.push(finding('scale-to-zero-unsupported', ep.id));
  for (const ep of g.ofKind('async-endpoint')) {
    if (!g.out(ep.id, 'sns').length) out.push(finding('async-no-notification', ep.id));
    if (ep.props.minCapacity === 0 && ep.props.backlogScaling !== true)
      out.push(
        finding('async-stuck-at-zero', ep.id, {
          backlog: 'up to ' + INFERENCE.asyncBacklogPerInstance,
          target: INFERENCE.asyncBacklogPerInstance,
          ttlSec: Number(ep.props.requestTtlSec ?? INFERENCE.asyncRequestTtlSec),
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
  // A client whose every request is bigger than an endpoint's limit (payloadSpread "fixed"): every request to
  // that endpoint is rejected, which is knowable before the run. Limits: real-time and multi-model 6 MB,
  // serverless 4 MB, async 1 GB (constants.ts, from the SageMaker developer guide's endpoint quotas).
  const limited = Object.keys(PAYLOAD_ERRORS) as (keyof typeof PAYLOAD_ERRORS)[];
  for (const c of g.ofKind('client')) {
    if (c.props.payloadSpread !== 'fixed' || !(c.props.rps > 0)) continue;
    for (const ep of g.out(c.id, ...limited)) {
      const kind = ep.kind as keyof typeof PAYLOAD_ERRORS;
      if (c.props.payloadMB <= PAYLOAD_ERRORS[kind].limitMB) continue;
      const variants = (ep.props as { variants?: { name: string; shadow?: boolean }[] }).variants ?? [];
      const variant = variants.find((v) => !v.shadow)?.name ?? DEFAULT_VARIANT;
      out.push(finding('payload-too-large', ep.id, payloadVars(kind, variant, c.props.payloadMB)));
    }
  }
  for (const bt of g.ofKind('batch-transform')) {
    const c = g.in(bt.id, 'client').find((n) => n.props.rps > 0);
    if (c) out.push(finding('batch-for-realtime', bt.id, { client: c.id, rps: c.props.rps }));
  }
  return out;
}
