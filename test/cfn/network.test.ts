import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import type { ArchDoc } from '../../src/model/schema';

const design = (access: string[]): ArchDoc => ({
  format: 'sagesim/architecture@1',
  nodes: [
    { id: 'vpc', kind: 'vpc' },
    ...access.map((a, i) => ({ id: `sub-${i + 1}`, kind: 'subnet' as const, parent: 'vpc', props: { access: a } })),
    { id: 'ep', kind: 'realtime-endpoint', parent: 'sub-1' },
    { id: 's3', kind: 'vpc-endpoint', parent: 'sub-1', props: { service: 's3' } },
  ],
});
const types = (t: Record<string, unknown>) =>
  Object.values(t.Resources as Record<string, { Type: string }>).map((r) => r.Type);

describe('network export and import', () => {
  it('a private-with-nat subnet gets a NAT gateway in a public subnet the export adds, which import leaves out', () => {
    const doc = design(['private-with-nat']);
    const { template } = exportDesign(doc);
    expect(types(template)).toEqual(
      expect.arrayContaining(['AWS::EC2::NatGateway', 'AWS::EC2::InternetGateway', 'AWS::EC2::EIP']),
    );
    expect(types(template).filter((t) => t === 'AWS::EC2::Subnet')).toHaveLength(2);
    const back = importTemplate(templateToYaml(template)).doc;
    expect(back.nodes.filter((n) => n.kind === 'subnet').map((n) => [n.id, n.props?.access])).toEqual([
      ['sub-1', 'private-with-nat'],
    ]);
    expect(back.nodes.find((n) => n.id === 'ep')?.parent).toBe('sub-1');
  });
  it('with a public subnet the NAT gateway goes there; every access comes back from the route tables', () => {
    const doc = design(['private-with-nat', 'public', 'private']);
    const { template } = exportDesign(doc);
    expect(types(template).filter((t) => t === 'AWS::EC2::Subnet')).toHaveLength(3);
    const back = importTemplate(templateToYaml(template)).doc;
    expect(
      back.nodes
        .filter((n) => n.kind === 'subnet')
        .map((n) => [n.id, n.props?.access])
        .sort(),
    ).toEqual([
      ['sub-1', 'private-with-nat'],
      ['sub-2', 'public'],
      ['sub-3', 'private'],
    ]);
    // a gateway endpoint serving one subnet of several stays in that subnet
    expect(back.nodes.find((n) => n.id === 's3')?.parent).toBe('sub-1');
  });
  it('notebook instances and Studio domains are notes that say what they need from the network', () => {
    const { notes } = importTemplate(
      `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Sub: { Type: ` +
        `AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
  Nb:
    Type: ` +
        `AWS::SageMaker::NotebookInstance
    Properties: { InstanceType: ml.t3.medium, RoleArn: ` +
        `arn:aws:iam::111122223333:role/x, SubnetId: !Ref Sub, SecurityGroupIds: [sg-1], DirectInternetAccess: ` +
        `Disabled }
  Studio:
    Type: AWS::SageMaker::Domain
    Properties: { DomainName: d, AuthMode: IAM, ` +
        `AppNetworkAccessType: VpcOnly, VpcId: !Ref Vpc, SubnetIds: [!Ref Sub], DefaultUserSettings: { ` +
        `ExecutionRole: arn:aws:iam::111122223333:role/x } }
`,
    );
    const text = notes.map((n) => `${n.resource}: ${n.message}`).join('\n');
    expect(text).toMatch(
      /Nb: notebook instances are not simulated \(it sits in subnet sub with direct internet access disabled/,
    );
    expect(text).toMatch(/Studio: Studio domains are not simulated: in VpcOnly mode/);
  });
});
