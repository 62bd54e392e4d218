/**
 * The security rules as pure functions over the Graph: each returns the incident/finding details
 * (`vars` for the rule's message) or null. The module turns them into findings and gates.
 */
import { ENDPOINT_KINDS, PERSONA_LABELS, propsByName } from '../../../catalog/kinds';
import { instanceType } from '../../../catalog/instances';
import type { Kind } from '../../../catalog/types';
import { type GNode, type Graph, isOf } from '../../../model/graph';
import type { Blocker } from '../../types';
import { roleAllows, wildcardGrant } from './iam';
import { ROLE_KINDS } from './needs';
import { protectionReason, sensitiveUpstream } from './lineage';

type Vars = Record<string, string | number>;
export interface Hit {
  rule: string;
  vars: Vars;
}

/** Jobs with KMS key props (format.md section 2). */
export const KEYED_JOBS = ['processing-job', 'training-job'] as const satisfies readonly Kind[];

/** The exact API parameter a job prop maps to, per kind. */
const PARAM: Record<string, Record<'volume' | 'output', string>> = {
  'training-job': { volume: 'ResourceConfig.VolumeKmsKeyId', output: 'OutputDataConfig.KmsKeyId' },
  'processing-job': {
    volume: 'ProcessingResources.ClusterConfig.VolumeKmsKeyId',
    output: 'ProcessingOutputConfig.KmsKeyId',
  },
};

/** unencrypted-volume / unencrypted-output: a job reading a KMS-encrypted or sensitive bucket without its keys. */
export function unencryptedJob(g: Graph, n: GNode): Hit[] {
  if (!isOf(n, ...KEYED_JOBS)) return [];
  const bucket = g.in(n.id, 's3-bucket').find((b) => protectionReason(b));
  if (!bucket) return [];
  const base = { bucket: bucket.id, reason: protectionReason(bucket)! };
  const out: Hit[] = [];
  // an NVMe instance type encrypts its volume in hardware and refuses a key: nothing to ask for there
  if (!n.props.VolumeKmsKeyId && !onNvme(n))
    out.push({ rule: 'unencrypted-volume', vars: { ...base, param: PARAM[n.kind].volume } });
  if (!n.props.OutputKmsKeyId) out.push({ rule: 'unencrypted-output', vars: { ...base, param: PARAM[n.kind].output } });
  return out;
}

/** inter-container-unencrypted: distributed training on sensitive data without inter-container encryption. */
export function interContainer(g: Graph, n: GNode): Hit | null {
  if (n.kind !== 'training-job' || n.props.instanceCount <= 1 || n.props.EnableInterContainerTrafficEncryption)
    return null;
  return sensitiveUpstream(g, n.id).length
    ? { rule: 'inter-container-unencrypted', vars: { instanceCount: n.props.instanceCount } }
    : null;
}

/** feature-store-one-key: both stores on and exactly one of the two keys set. */
export function featureStoreOneKey(n: GNode): Hit | null {
  if (n.kind !== 'feature-store' || !n.props.online || !n.props.offline) return null;
  const on = !!n.props.OnlineStoreKmsKeyId,
    off = !!n.props.OfflineStoreKmsKeyId;
  if (on === off) return null;
  return {
    rule: 'feature-store-one-key',
    vars: on
      ? {
          keyedStore: 'online',
          missingStore: 'offline',
          param: 'OfflineStoreConfig.S3StorageConfig.KmsKeyId (OfflineStoreKmsKeyId)',
        }
      : {
          keyedStore: 'offline',
          missingStore: 'online',
          param: 'OnlineStoreConfig.SecurityConfig.KmsKeyId (OnlineStoreKmsKeyId)',
        },
  };
}

const keyArn = (id: string) => `arn:aws:kms:us-east-1:123456789012:key/${id}`;

/**
 * kms-access-denied: a job reading an sse-kms bucket whose `role` lacks kms:Decrypt ("kms:*" and "*"
 * count). A job with no role (null) is read as running with the default SageMaker execution role,
 * which has kms:Decrypt on the key: AWS needs a role for every job, and a file that names none has not
 * modelled IAM at all, so it must not fail. Only a role that is drawn and lacks the action fails.
 */
export function kmsDenied(g: Graph, n: GNode): Blocker | null {
  if (!isOf(n, ...KEYED_JOBS)) return null;
  const role = g.refOf(n, 'role', 'iam-role');
  if (!role || roleAllows(role, 'kms:Decrypt')) return null;
  const bucket = g.in(n.id, 's3-bucket').find((b) => b.props.encryption === 'sse-kms');
  if (!bucket) return null;
  const key = keyArn(typeof bucket.props.kmsKey === 'string' ? bucket.props.kmsKey : `${bucket.id}-key`);
  return { rule: 'kms-access-denied', vars: { role: role.id, key }, data: { role: role.id, key, bucket: bucket.id } };
}

/** Jobs whose storage volume takes VolumeKmsKeyId (refused on NVMe instance types like endpoints' KmsKeyId). */
const VOLUME_KEY_JOBS: readonly Kind[] = ['training-job', 'processing-job', 'batch-transform'];

/** The node's instance type has local NVMe instance storage (hardware-encrypted). */
export const onNvme = (n: GNode): boolean => !!instanceType(String(propsByName(n.props).instanceType))?.localNvme;

/**
 * kms-on-nvme-instance: an endpoint with KmsKeyId, or a training, processing or transform job with
 * VolumeKmsKeyId, on an instance type with local NVMe storage: "You can't request a VolumeKmsKeyId when
 * using an instance type with local storage" (ResourceConfig, ProcessingClusterConfig, TransformResources,
 * CreateEndpointConfig.KmsKeyId in the SageMaker API reference).
 */
export function kmsOnNvme(n: GNode): Blocker | null {
  const param = (ENDPOINT_KINDS as readonly Kind[]).includes(n.kind)
    ? 'KmsKeyId'
    : VOLUME_KEY_JOBS.includes(n.kind)
      ? 'VolumeKmsKeyId'
      : null;
  if (!param || !propsByName(n.props)[param] || !onNvme(n)) return null;
  return { rule: 'kms-on-nvme-instance', vars: { instanceType: String(propsByName(n.props).instanceType), param } };
}

/** iam-wildcard: see wildcardGrant for what counts. */
export function iamWildcard(n: GNode): Hit | null {
  if (n.kind !== 'iam-role') return null;
  const grant = wildcardGrant(n);
  return grant ? { rule: 'iam-wildcard', vars: { grant } } : null;
}

/**
 * role-persona-for-people: a job's execution role started from a Role Manager persona for people (Data Scientist,
 * MLOps) rather than the SageMaker compute role persona.
 */
export function personaForPeople(g: Graph, n: GNode): Hit | null {
  if (n.kind !== 'iam-role') return null;
  const persona = n.props.persona;
  if (persona !== 'data-scientist' && persona !== 'mlops') return null;
  const jobs = g.nodes.filter((j) => ROLE_KINDS.includes(j.kind) && g.ref(j, 'role')?.id === n.id);
  if (!jobs.length) return null;
  return {
    rule: 'role-persona-for-people',
    vars: { persona: PERSONA_LABELS[persona], jobs: jobs.map((j) => j.id).join(', ') },
  };
}

/**
 * pii-without-macie: an endpoint capturing data whose traffic carries sensitive data — a sensitive
 * bucket anywhere upstream of it (its artifact bucket, its feature store's sources, the data its model
 * was trained on, through a registry) — with no macie node in the architecture.
 */
export function piiWithoutMacie(g: Graph, n: GNode): Hit | null {
  if (!isOf(n, ...ENDPOINT_KINDS) || propsByName(n.props).dataCapture !== true) return null;
  if (g.ofKind('macie').length || !sensitiveUpstream(g, n.id).length) return null;
  return { rule: 'pii-without-macie', vars: {} };
}

/** no-cloudtrail-data-events: one finding per sensitive bucket when no cloudtrail records S3 data events. */
export function noDataEvents(g: Graph): { node: GNode; hit: Hit }[] {
  if (g.ofKind('cloudtrail').some((t) => t.props.s3DataEvents === true)) return [];
  return g
    .ofKind('s3-bucket')
    .filter((b) => b.props.sensitive === true)
    .map((b) => ({ node: b, hit: { rule: 'no-cloudtrail-data-events', vars: { bucket: b.id } } }));
}
