/**
 * The network's answers, one per rule, shared by the gates (during a run) and the static findings
 * (before it) so that both always agree. Each returns a Blocker whose `data` is
 * `{ path, missing, service }` for the UI's why? panel, or null when the node may go on.
 */
import { ENDPOINT_KINDS, propsByName } from '../../../catalog/kinds';
import type { Kind } from '../../../catalog/types';
import type { GNode, Graph } from '../../../model/graph';
import type { Blocker } from '../../types';
import { HOPS, missingEndpoints, reach, type Reach, type Service } from './reach';
import { clusterBlocked } from './sg';

/** The S3 bucket ECR keeps image layers in (us-east-1): pulls fetch layers from S3, not from ECR. */
export const ECR_LAYER_BUCKET = 'prod-us-east-1-starport-layer-bucket';

/** Where a job's container sends outbound calls (format.md section 3 "outbound call"). */
export const OUTBOUND_KINDS: readonly Kind[] = ['data-source', 'sns', 'sqs', 'lambda'];

const blocker = (
  rule: string,
  r: Reach,
  service: Service,
  vars: Record<string, string | number>,
  missing = r.missing,
): Blocker =>
  r.sg
    ? {
        rule: 'endpoint-sg-blocks-https',
        vars: { service, endpoint: r.sg.endpoint, ip: ENDPOINT_IP, why: r.sg.why },
        data: { path: r.path, missing: r.missing, service },
      }
    : { rule, vars, data: { path: r.path, missing, service } };

/** The private address an interface endpoint's network interface answers on, in messages (the VPC is 10.0.0.0/16). */
const ENDPOINT_IP = '10.0.1.10';

/**
 * The image a node runs: its ECR repository's, or the SageMaker image of its (or its model's) algorithm or framework.
 */
export function imageOf(g: Graph, n: GNode): string {
  const repo = g.in(n.id, 'ecr-repository')[0];
  if (repo) return `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo.id}:latest`;
  const trainer =
    n.kind === 'training-job'
      ? n
      : (g.in(n.id, 'training-job')[0] ?? g.in(n.id, 'model-registry').flatMap((r) => g.in(r.id, 'training-job'))[0]);
  const name = trainer
    ? trainer.props.algorithm === 'custom'
      ? (g.in(trainer.id, 'ecr-repository')[0]?.id ?? 'custom-algorithm')
      : `sagemaker-${trainer.props.algorithm}`
    : n.kind === 'processing-job'
      ? n.props.framework === 'pyspark'
        ? 'sagemaker-spark-processing'
        : 'sagemaker-scikit-learn'
      : n.def.role === 'endpoint'
        ? 'sagemaker-inference'
        : `sagemaker-${n.kind}`;
  return `382416733822.dkr.ecr.us-east-1.amazonaws.com/${name}:latest`;
}

/**
 * Whether the image is pulled through the customer's VPC. Under the `sheet` rulebook always (the exam's
 * answer: add the ECR interface endpoints). Under `aws`, SageMaker pulls training, processing and hosting
 * images itself (ImageConfig.RepositoryAccessMode "Platform") unless an ecr-repository feeding the node
 * (or its training job) sets repositoryAccessMode "Vpc"
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ImageConfig.html).
 */
export function pullsThroughVpc(g: Graph, n: GNode): boolean {
  if (g.rulebook !== 'aws') return true;
  const trainers = n.kind === 'training-job' ? [] : g.in(n.id, 'training-job');
  const repos = [n, ...trainers].flatMap((x) => g.in(x.id, 'ecr-repository'));
  return repos.some((r) => r.props.repositoryAccessMode === 'Vpc');
}

/**
 * image-pull, first half: ECR needs BOTH ecr.api (GetAuthorizationToken, manifests) and ecr.dkr (the
 * Docker registry). Missing either gives ecr-pull-blocked (rules.md: "without both … endpoints").
 */
export function ecrBlocker(g: Graph, n: GNode): Blocker | null {
  if (!pullsThroughVpc(g, n)) return null;
  const api = reach(g, n.id, 'ecr.api'),
    dkr = reach(g, n.id, 'ecr.dkr');
  if (api.ok && dkr.ok) return null;
  const missing = (['ecr.api', 'ecr.dkr'] as const).filter((_, i) => ![api, dkr][i].ok);
  const first = api.ok ? dkr : api;
  const vpc = g.vpcOf(n.id)?.id ?? null;
  const image = imageOf(g, n);
  // the first call that times out: GetAuthorizationToken (ecr.api), else the registry (ecr.dkr)
  const url = api.ok ? `https://${image.slice(0, image.indexOf('/'))}/v2/` : 'https://api.ecr.us-east-1.amazonaws.com/';
  if (first.sg) return blocker('ecr-pull-blocked', first, missing[0], {});
  return blocker('ecr-pull-blocked', first, missing[0], { image, url }, missingEndpoints(missing, vpc));
}

/** What an S3 read is for, as the message says it: "Data download", "Model download", "Image layer download". */
export type S3Use = 'data' | 'model' | 'layers';
const S3_WHAT: Record<S3Use, string> = {
  data: 'Data download',
  model: 'Model download',
  layers: 'Image layer download',
};

/**
 * Reads from S3: input data (data-download), model artifacts (model-download) and, at image-pull once
 * both ECR endpoints are there, the image layers (which ECR serves from S3). A missing s3 gateway
 * endpoint is always s3-unreachable, never ecr-pull-blocked: each rule keeps exactly its rules.md
 * trigger, so adding the two ECR endpoints clears ecr-pull-blocked and the next failure names S3.
 */
export function s3Blocker(g: Graph, n: GNode, use: S3Use, bucket = s3Target(g, n, use)): Blocker | null {
  const r = reach(g, n.id, 's3');
  return r.ok ? null : blocker('s3-unreachable', r, 's3', { bucket, what: S3_WHAT[use] });
}

/** The bucket an S3 read goes to: the first input bucket, the model's bucket, or ECR's layer bucket. */
export function s3Target(g: Graph, n: GNode, use: S3Use): string {
  if (use === 'layers') return ECR_LAYER_BUCKET;
  if (use === 'data') return g.in(n.id, 's3-bucket')[0]?.id ?? g.in(n.id, 'feature-store')[0]?.id ?? 'sagemaker-input';
  const direct = g.in(n.id, 's3-bucket')[0];
  if (direct) return direct.id;
  const trainer = g.in(n.id, 'training-job')[0];
  return (trainer && g.out(trainer.id, 's3-bucket')[0]?.id) ?? 'sagemaker-model-artifacts';
}

/** FileSystemType as SageMaker names it. */
const FS_TYPES: Record<string, string> = { 'fsx-lustre': 'FSxLustre', efs: 'EFS' };

/**
 * file-system-input-needs-vpc: a training job mounts a file system (EFS, FSx for Lustre) only through its own network
 * interfaces in the file system's VPC (VpcConfig); without a subnet, or from a subnet of another VPC, the mount fails
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html). Same VPC is enough: SageSim leaves security groups
 * and AZs out (an EFS mount target in each AZ, FSx for Lustre reachable from the VPC's subnets).
 */
export function fileSystemBlocker(g: Graph, n: GNode): Blocker | null {
  if (n.kind !== 'training-job') return null;
  const subnet = g.subnetOf(n.id);
  const vpc = g.vpcOf(n.id);
  for (const fs of g.in(n.id, 'file-system')) {
    const fsVpc = g.vpcOf(fs.id);
    if (subnet && vpc && fsVpc && vpc.id === fsVpc.id) continue;
    const where = fsVpc?.id ?? 'its VPC';
    const reason = !subnet
      ? `the training job has no VpcConfig, so it has no network interface in ${where}, where the file system is`
      : `the training job's subnet ${subnet.id} is in ${vpc?.id ?? 'another VPC'}, the file system in ${where}`;
    return {
      rule: 'file-system-input-needs-vpc',
      vars: { fs: fs.id, fsType: FS_TYPES[String(fs.props.fsType)] ?? String(fs.props.fsType), reason },
      data: {
        path: [n.id, ...(subnet ? [subnet.id] : [HOPS.managed]), ...(vpc ? [vpc.id] : [])],
        missing: `a subnet of ${where} in the training job's VpcConfig`,
        service: 'file system',
      },
    };
  }
  return null;
}

/** Whether a job's data-download reads S3 at all (buckets, or a feature store's offline S3 store). */
export const readsS3 = (g: Graph, n: GNode): boolean => g.in(n.id, 's3-bucket', 'feature-store').length > 0;

/**
 * logs: containers ship logs to CloudWatch Logs; a warning, never a failure. A sheet claim: under the
 * `aws` rulebook SageMaker ships job and endpoint logs itself and no logs endpoint is needed.
 */
export function logsBlocker(g: Graph, n: GNode): Blocker | null {
  if (g.rulebook === 'aws') return null;
  const r = reach(g, n.id, 'logs');
  return r.ok ? null : blocker('logs-unreachable', r, 'logs', {});
}

/** The SageMaker API action a lambda or pipeline calls, for the message. */
export function apiActionOf(g: Graph, n: GNode): string {
  if (n.kind === 'lambda') {
    if (g.out(n.id, 'pipeline').length) return 'StartPipelineExecution';
    if (g.out(n.id, ...ENDPOINT_KINDS).length) return 'UpdateEndpoint';
    if (g.in(n.id, 'sqs').length) return 'SendPipelineExecutionStepSuccess';
    return 'InvokeEndpoint';
  }
  const steps = g.children(n.id);
  if (steps.some((s) => s.kind === 'training-job')) return 'CreateTrainingJob';
  if (steps.some((s) => s.kind === 'processing-job')) return 'CreateProcessingJob';
  return 'StartPipelineExecution';
}

/**
 * Whether a node calls the SageMaker API from its own network in a run: a lambda that starts, updates or
 * answers. Never a pipeline: the Pipelines service makes its own API calls; a pipeline in a subnet only
 * gives that subnet to its step jobs (issue 12 item 7).
 */
export function callsSageMaker(g: Graph, n: GNode): boolean {
  return n.kind === 'lambda' && (g.out(n.id, 'pipeline', ...ENDPOINT_KINDS).length > 0 || g.in(n.id, 'sqs').length > 0);
}

/** api-call: a lambda or pipeline calling SageMaker needs the sagemaker.api endpoint from a private subnet. */
export function apiBlocker(g: Graph, n: GNode): Blocker | null {
  const r = reach(g, n.id, 'sagemaker.api');
  return r.ok ? null : blocker('sagemaker-api-unreachable', r, 'sagemaker.api', { action: apiActionOf(g, n) });
}

/**
 * outbound-call: with EnableNetworkIsolation the container has no network at all, whatever the subnet;
 * a job with an "outbound call" edge (to a data-source, sns, sqs or lambda) is blocked. Any job with
 * such an edge counts (rules.md says "a custom algorithm"; the edge is what says it calls out).
 */
export function egressBlocker(g: Graph, n: GNode): Blocker | null {
  if (propsByName(n.props).EnableNetworkIsolation !== true) return null;
  const target = g.out(n.id, ...OUTBOUND_KINDS)[0];
  if (!target) return null;
  return {
    rule: 'network-isolation-egress',
    vars: { target: target.id },
    data: {
      path: [n.id],
      missing: 'network access: the job runs with EnableNetworkIsolation = true',
      service: 'internet',
    },
  };
}

/**
 * cluster: a training or processing job on several instances in a VPC needs its security group to allow all traffic
 * from itself (and, with inter-container traffic encryption, UDP 500 and ESP both ways):
 * sg-blocks-distributed-training.
 */
export function clusterBlocker(g: Graph, n: GNode): Blocker | null {
  if (n.kind !== 'training-job' && n.kind !== 'processing-job') return null;
  const b = clusterBlocked(g, n);
  if (!b) return null;
  return {
    rule: 'sg-blocks-distributed-training',
    vars: { group: b.group, need: b.need, instances: b.instances },
    data: {
      path: [n.id, b.group, n.id],
      missing: `rules on ${b.group} allowing ${b.need.replace(/ in and out$/, '')} from and to itself`,
    },
  };
}
