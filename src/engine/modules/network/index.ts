import { COMPUTE_KINDS } from '../../../catalog/kinds';
import { formatMessage, ruleById } from '../../../catalog/rules';
import type { GNode, Graph } from '../../../model/graph';
import { defineSlot } from '../../sim';
import { TOPICS, type JobCompleted } from '../../topics';
import type { Blocker, Finding, Phase } from '../../types';
import type { SimModule } from '../../sim';
import {
  apiBlocker,
  callsSageMaker,
  clusterBlocker,
  ecrBlocker,
  egressBlocker,
  fileSystemBlocker,
  logsBlocker,
  pullsThroughVpc,
  readsS3,
  s3Blocker,
} from './blockers';
import { NetworkBill, phaseGB } from './cost';

export { reach, networkReport, SERVICES, type Reach, type Service, type NetworkReport } from './reach';

/**
 * The network's answer for a node at a phase (pure). Phases and what they need:
 * - image-pull: ecr.api AND ecr.dkr (else ecr-pull-blocked), then S3 for the image layers (else
 *   s3-unreachable, naming ECR's layer bucket).
 * - data-download: a mounted file system first, reached only from a subnet of its VPC (file-system-input-needs-vpc);
 *   then S3, when the job reads a bucket or a feature store's offline store (s3-unreachable).
 * - model-download: S3 for the model artifacts (s3-unreachable).
 * - api-call: sagemaker.api (sagemaker-api-unreachable).
 * - outbound-call: blocked when EnableNetworkIsolation is true and the job has an outbound edge
 *   (network-isolation-egress).
 * - cluster: a distributed job's instances reach each other through its security group
 *   (sg-blocks-distributed-training).
 * - logs: CloudWatch Logs. The blocker's rule, logs-unreachable, is a WARNING: the lifecycle owner
 *   records the incident (`sim.incident(b.rule, id, b.vars)`) and CONTINUES; it must not fail the node.
 */
export function networkBlocker(g: Graph, n: GNode, phase: Phase): Blocker | null {
  switch (phase) {
    case 'image-pull':
      // a platform pull (aws rulebook) fetches the layers outside the VPC too
      return pullsThroughVpc(g, n) ? (ecrBlocker(g, n) ?? s3Blocker(g, n, 'layers')) : null;
    case 'data-download':
      return fileSystemBlocker(g, n) ?? (readsS3(g, n) ? s3Blocker(g, n, 'data') : null);
    case 'model-download':
      return s3Blocker(g, n, 'model');
    case 'api-call':
      // the Pipelines service calls the SageMaker API itself: a pipeline is never blocked here
      return n.kind === 'pipeline' ? null : apiBlocker(g, n);
    case 'outbound-call':
      return egressBlocker(g, n);
    case 'logs':
      return logsBlocker(g, n);
    case 'cluster':
      return clusterBlocker(g, n);
    default:
      return null;
  }
}

/**
 * Static findings: each network rule whose trigger the document already shows. Jobs and endpoints in
 * a subnet (not tuning jobs: their training job is the node that runs) are checked for ECR (not Data
 * Wrangler: a Studio app, no image pull of its own), S3 and logs; lambdas that call SageMaker for
 * sagemaker.api (never pipelines: the Pipelines service makes its own calls); jobs with network isolation for outbound
 * calls.
 */
export function checkNetwork(g: Graph): Finding[] {
  const out: Finding[] = [];
  const add = (n: GNode, b: Blocker | null) => {
    if (!b) return;
    const rule = ruleById(b.rule);
    const missing = b.data?.missing;
    out.push({
      rule: b.rule,
      node: n.id,
      severity: rule.severity,
      message: `${formatMessage(rule, { node: n.id, ...b.vars })}${missing ? ` (missing: ${missing})` : ''}`,
    });
  };
  for (const n of g.nodes) {
    if (n.kind !== 'tuning-job' && (COMPUTE_KINDS as readonly string[]).includes(n.kind) && g.subnetOf(n.id)) {
      if (n.kind !== 'data-wrangler') add(n, ecrBlocker(g, n));
      const use = n.def.role === 'endpoint' ? 'model' : readsS3(g, n) ? 'data' : 'layers';
      if (use !== 'layers' || pullsThroughVpc(g, n)) add(n, s3Blocker(g, n, use));
      add(n, logsBlocker(g, n));
    }
    if (callsSageMaker(g, n)) add(n, apiBlocker(g, n));
    if (n.kind === 'training-job' || n.kind === 'processing-job') {
      add(n, egressBlocker(g, n));
      add(n, clusterBlocker(g, n));
    }
    add(n, fileSystemBlocker(g, n));
  }
  return out;
}

/** The network bill of a run (NAT gateways, interface endpoints, GB processed). */
const BILL = defineSlot('network.bill', (sim) => new NetworkBill(sim.graph));

/**
 * Network reasoning in a run: registers the gate above (counting, for every transfer it lets through
 * a NAT gateway, the GB the NAT processes), records logs-unreachable for endpoints once they are in
 * service (the endpoint lifecycle does not ask the 'logs' gate), and bills NAT gateways and interface
 * endpoints at the end. Reachability itself is pure: see ./reach.
 */
export const networkModule: SimModule = {
  id: 'network',
  check: checkNetwork,
  start(sim) {
    const g = sim.graph;
    const bill = sim.slot(BILL);
    sim.addGate((n, phase) => {
      const b = networkBlocker(g, n, phase);
      if (!b) {
        const gb = phaseGB(g, n, phase);
        bill.transfer(n, gb.s3, gb.other);
      }
      return b;
    });
    sim.on(TOPICS.endpointInService, (p: { node: string }) => {
      const b = logsBlocker(g, g.node(p.node));
      if (b && !sim.hasIncident(b.rule, p.node)) sim.incident(b.rule, p.node, b.vars);
    });
    sim.on(TOPICS.jobCompleted, (p: JobCompleted) => {
      const n = g.byId.get(p.node);
      if (n?.kind === 'training-job') bill.transfer(n, Number(n.props.modelSizeGB));
    });
  },
  finish(sim) {
    sim.peekSlot(BILL)?.finish(sim);
  },
};
