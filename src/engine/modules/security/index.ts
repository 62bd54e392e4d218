import { formatMessage, ruleById } from '../../../catalog/rules';
import type { Graph } from '../../../model/graph';
import type { Finding } from '../../types';
import type { SimModule } from '../../sim';
import {
  featureStoreOneKey,
  iamWildcard,
  personaForPeople,
  interContainer,
  kmsDenied,
  kmsOnNvme,
  noDataEvents,
  piiWithoutMacie,
  unencryptedJob,
  type Hit,
} from './checks';
import { accessDeniedMessage, missingGrants } from './needs';
import { scpDenied } from './scp';

/** Static findings of the security rules (D4), in document order. */
export function checkSecurity(g: Graph): Finding[] {
  const out: Finding[] = [];
  const add = (node: string, h: Hit | null) => {
    if (!h) return;
    const rule = ruleById(h.rule);
    out.push({ rule: h.rule, node, severity: rule.severity, message: formatMessage(rule, { node, ...h.vars }) });
  };
  for (const n of g.nodes) {
    for (const h of unencryptedJob(g, n)) add(n.id, h);
    add(n.id, interContainer(g, n));
    add(n.id, featureStoreOneKey(n));
    const denied = kmsDenied(g, n);
    add(n.id, denied && { rule: denied.rule, vars: denied.vars ?? {} });
    const scp = scpDenied(g, n);
    add(n.id, scp && { rule: scp.rule, vars: scp.vars ?? {} });
    const nvme = kmsOnNvme(n);
    add(n.id, nvme && { rule: nvme.rule, vars: nvme.vars ?? {} });
    add(n.id, iamWildcard(n));
    add(n.id, personaForPeople(g, n));
    add(n.id, piiWithoutMacie(g, n));
  }
  for (const { node, hit } of noDataEvents(g)) add(node.id, hit);
  return out;
}

/**
 * Security in a run: findings as above, and these gates —
 * - image-pull / data-download / output-upload: a job whose role lacks an action the job performs there
 *   (needs.ts: ECR pulls from the team's repository, s3:GetObject on inputs, s3:PutObject and
 *   kms:GenerateDataKey on output) fails with AWS's AccessDenied message (no catalog rule names it);
 * - data-download: kms-access-denied when a job's role cannot kms:Decrypt its sse-kms input (the job
 *   fails at download; a job with no role uses the default execution role and passes, see kmsDenied);
 * - create (training, processing, transform jobs): scp-denied first (an organization's SCP is evaluated when
 *   the call is authorized, before SageMaker validates the request), then
 * - deploy (endpoints) and create: kms-on-nvme-instance, refused when the endpoint configuration or the job is
 *   created, so it fails before it pulls anything.
 */
export const securityModule: SimModule = {
  id: 'security',
  check: checkSecurity,
  start(sim) {
    const g = sim.graph;
    sim.addGate((n, phase) => {
      if (phase === 'image-pull' || phase === 'data-download' || phase === 'output-upload') {
        // S3 and ECR refuse before KMS is asked: a missing s3:GetObject shows before a missing kms:Decrypt
        const missing = missingGrants(g, n, phase).find((x) => x.action !== 'kms:Decrypt');
        if (missing) return { rule: '', failure: accessDeniedMessage(g.ref(n, 'role')!.id, missing) };
      }
      if (phase === 'data-download') return kmsDenied(g, n);
      if (phase === 'create') return scpDenied(g, n) ?? kmsOnNvme(n);
      if (phase === 'deploy') return kmsOnNvme(n);
      return null;
    });
  },
};
