/**
 * What the network costs: NAT gateways (hours + GB processed) and interface endpoints (hours).
 * S3 gateway endpoints are free, and traffic that takes one never touches the NAT: the sheet's lesson
 * that endpoints are the cheap, private way out of a private subnet. Interface endpoints bill their
 * hours only: what crosses them here (ECR manifests, API calls, logs) is megabytes, so their per-GB
 * charge is left out; image layers come from S3, through the gateway endpoint or the NAT.
 * The NAT counts a transfer when the network gate lets it start (each ask: a restarted spot job pulls
 * again), plus each completed training job's model artifact upload.
 */
import { COMPUTE_KINDS, ENDPOINT_KINDS, propsByName } from '../../../catalog/kinds';
import { PRICES, natCostUSD } from '../../../catalog/prices';
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';
import { round } from '../../util';
import type { Simulation } from '../../sim';
import type { Phase } from '../../types';
import { reach } from './reach';

/** Size of a container image pulled per instance, GB (SageMaker framework images are about 2–6 GB). */
export const IMAGE_GB = 3;
/** Size of a model artifact when nothing says it, GB. */
export const DEFAULT_MODEL_GB = 1;

/** Kinds whose presence in a subnet keeps a NAT gateway there (and billing). */
const NAT_USERS: readonly Kind[] = [...COMPUTE_KINDS, 'lambda', 'pipeline'];

/** Instances that each pull the image and the data (FullyReplicated input, one copy per instance). */
export const instancesOf = (n: GNode): number => Math.max(1, Number(propsByName(n.props).instanceCount ?? 1) || 1);

/** The model artifact's size for an endpoint: the training job it deploys (directly or via a registry). */
export function modelGB(g: Graph, n: GNode): number {
  const trainer =
    g.in(n.id, 'training-job')[0] ?? g.in(n.id, 'model-registry').flatMap((r) => g.in(r.id, 'training-job'))[0];
  return trainer ? Number(trainer.props.modelSizeGB) : DEFAULT_MODEL_GB;
}

/**
 * GB a phase moves into the node over S3, and over other routes (external data sources). A feature
 * store's offline store counts as the buckets its feeders (processing, Data Wrangler) read.
 */
export function phaseGB(g: Graph, n: GNode, phase: Phase): { s3: number; other: number } {
  const k = instancesOf(n);
  switch (phase) {
    case 'image-pull':
      return { s3: IMAGE_GB * k, other: 0 };
    case 'data-download': {
      const stores = g
        .in(n.id, 'feature-store')
        .flatMap((fs) => g.in(fs.id, 'processing-job', 'data-wrangler'))
        .flatMap((f) => g.in(f.id, 's3-bucket'));
      const s3 = [...g.in(n.id, 's3-bucket'), ...stores].reduce((a, b) => a + Number(b.props.datasetGB), 0);
      const other = g.in(n.id, 'data-source').reduce((a, b) => a + Number(b.props.datasetGB), 0);
      return { s3: s3 * k, other: other * k };
    }
    case 'model-download':
      return (ENDPOINT_KINDS as readonly Kind[]).includes(n.kind)
        ? { s3: modelGB(g, n) * k, other: 0 }
        : { s3: 0, other: 0 };
    default:
      return { s3: 0, other: 0 };
  }
}

/**
 * Counts the GB each private-with-nat subnet's NAT gateway processes during a run, and bills the
 * gateways and interface endpoints at the end.
 */
export class NetworkBill {
  private readonly natGB = new Map<string, number>();
  constructor(private readonly g: Graph) {}

  /** Add `s3GB` read from S3 and `otherGB` from outside AWS by node `n`, where they go through a NAT. */
  transfer(n: GNode, s3GB: number, otherGB = 0): void {
    if (s3GB > 0) this.viaNat(n, 's3', s3GB);
    if (otherGB > 0) this.viaNat(n, 'internet', otherGB);
  }

  private viaNat(n: GNode, service: 's3' | 'internet', gb: number): void {
    const r = reach(this.g, n.id, service);
    const subnet = this.g.subnetOf(n.id);
    if (r.via === 'nat' && subnet) this.natGB.set(subnet.id, (this.natGB.get(subnet.id) ?? 0) + gb);
  }

  /** Bill NAT hours + GB on each private-with-nat subnet with compute in it, and endpoint hours. */
  finish(sim: Simulation): void {
    const seconds = sim.now;
    for (const s of this.g.ofKind('subnet')) {
      if (s.props.access !== 'private-with-nat' || !this.g.descendants(s.id).some((d) => NAT_USERS.includes(d.kind)))
        continue;
      const gb = this.natGB.get(s.id) ?? 0;
      sim.addCost(s.id, natCostUSD(seconds, gb));
      sim.metrics(s.id).extra.natGB = round(gb, 2);
    }
    for (const e of this.g.ofKind('vpc-endpoint')) {
      if (e.props.service !== 's3') sim.addCost(e.id, (seconds / 3600) * PRICES.interfaceEndpointPerHourUSD);
    }
  }
}
