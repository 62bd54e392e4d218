import { SCP_KEYS } from '../export/scp';
import { isSym } from '../types';
import { type Builder, list, rec } from './builder';

/**
 * AWS::Organizations::Policy of Type SERVICE_CONTROL_POLICY → an `scp`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-organizations-policy.html;
 * Content is a JSON object or a JSON string). Its Deny statements whose condition is `"Null":
 * {"sagemaker:VolumeKmsKey":
 * "true"}` or `"Null": {"sagemaker:VpcSubnets": "true"}` give `actions` and the keys it requires; any other statement
 * is
 * a note. Other policy types (tag, backup, AI opt-out…) are notes.
 */
export function mapOrganizations(b: Builder): void {
  for (const r of b.ofType('AWS::Organizations::Policy')) {
    if (r.props.Type !== 'SERVICE_CONTROL_POLICY') {
      b.used.add(r.id);
      b.note(r, `a ${String(r.props.Type)} policy is not simulated: SageSim models service control policies only`);
      continue;
    }
    let content: unknown = r.props.Content;
    if (typeof content === 'string')
      try {
        content = JSON.parse(content);
      } catch {
        content = undefined;
      }
    if (!content || typeof content !== 'object' || isSym(content)) {
      b.used.add(r.id);
      b.note(
        r,
        'its Content cannot be read offline (not a JSON policy document): the policy is not simulated',
        'warning',
      );
      continue;
    }
    const actions: string[] = [];
    const required = new Set<string>();
    for (const st of list(rec(content).Statement).map(rec)) {
      if (st.Effect !== 'Deny') continue;
      const acts = list(st.Action).map(String);
      const nul = rec(rec(st.Condition).Null);
      const keys = SCP_KEYS.filter((k) => String(nul[k.key]) === 'true');
      if (!keys.length) {
        b.note(
          r,
          `a Deny statement with no sagemaker:VolumeKmsKey or sagemaker:VpcSubnets condition ` +
            `(${acts.join(', ')}) is not simulated`,
        );
        continue;
      }
      if (keys.length > 1)
        b.note(
          r,
          'one Deny statement requires both keys (it denies only a request missing both): SageSim denies a ' +
            'request missing either',
          'warning',
        );
      for (const a of acts) if (!actions.includes(a)) actions.push(a);
      for (const k of keys) required.add(k.prop);
    }
    const n = b.add(r, 'scp', {
      actions,
      ...Object.fromEntries(SCP_KEYS.map((k) => [k.prop, required.has(k.prop)])),
    });
    if (!b.meta(r).label && typeof r.props.Name === 'string' && !b.meta(r).id) n.label = r.props.Name;
  }
}
