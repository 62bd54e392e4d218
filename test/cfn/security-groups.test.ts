/**
 * CloudFormation and security groups (issue 17): a security-group node exports as AWS::EC2::SecurityGroup (CIDR rules
 * inline, rules naming a group, itself included, as AWS::EC2::SecurityGroupIngress / Egress) and the nodes naming it
 * carry it in VpcConfig / SecurityGroupIds; importing the template gives the same groups, rules and references.
 */
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { arch, edge, node } from '../harness';

const doc = arch(
  node('vpc', 'vpc'),
  node('sub', 'subnet', { access: 'private' }, 'vpc'),
  node('job-sg', 'security-group', { ingress: ['all all from self'] }, 'vpc'),
  node(
    'vpce-sg',
    'security-group',
    { ingress: ['tcp 443 from job-sg', 'tcp 443 from 172.16.0.0/12'], egress: ['tcp 443 to 10.0.0.0/16'] },
    'vpc',
  ),
  node('ecr-api', 'vpc-endpoint', { service: 'ecr.api', securityGroup: 'vpce-sg' }, 'sub'),
  node('ep', 'realtime-endpoint', { securityGroup: 'job-sg' }, 'sub'),
);

describe('CloudFormation: security groups', () => {
  const { template } = exportDesign(doc);
  const res = (template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> })
    .Resources;

  it('exports each group with its rules and the references of the nodes that name it', () => {
    const types = Object.values(res).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::EC2::SecurityGroupIngress')).toHaveLength(2);
    const vpce = Object.values(res).find(
      (r) => r.Type === 'AWS::EC2::SecurityGroup' && JSON.stringify(r.Properties).includes('172.16.0.0/12'),
    )!;
    expect(vpce.Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '172.16.0.0/12' }),
    ]);
    expect(vpce.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' }),
    ]);
    const self = Object.values(res).find(
      (r) => r.Type === 'AWS::EC2::SecurityGroupIngress' && r.Properties.IpProtocol === '-1',
    )!;
    expect(JSON.stringify(self.Properties.GroupId)).toBe(JSON.stringify(self.Properties.SourceSecurityGroupId));
  });

  it('imports back the same groups, rules and references', () => {
    const back = importTemplate(templateToYaml(template)).doc;
    const by = (id: string) => back.nodes.find((n) => n.id === id)!;
    expect(by('job-sg').props).toEqual({ ingress: ['all all from self'], egress: ['all all to 0.0.0.0/0'] });
    expect(by('vpce-sg').props?.ingress).toEqual(
      expect.arrayContaining(['tcp 443 from job-sg', 'tcp 443 from 172.16.0.0/12']),
    );
    expect(by('vpce-sg').props?.egress).toEqual(['tcp 443 to 10.0.0.0/16']);
    expect(by('ecr-api').props).toMatchObject({ securityGroup: 'vpce-sg' });
    expect(by('ep').props).toMatchObject({ securityGroup: 'job-sg' });
  });
});

describe('CloudFormation: security groups of pipeline steps', () => {
  const piped = arch(
    node('vpc', 'vpc'),
    node('sub', 'subnet', { access: 'private' }, 'vpc'),
    node('job-sg', 'security-group', { ingress: ['all all from self'] }, 'vpc'),
    node('data', 's3-bucket'),
    node('pipe', 'pipeline', {}, 'sub'),
    node('prep', 'processing-job', { securityGroup: 'job-sg' }, 'pipe'),
    node('train', 'training-job', { securityGroup: 'job-sg' }, 'pipe'),
    node('eval', 'processing-job', {}, 'pipe'),
    edge('data', 'prep'),
    edge('prep', 'train'),
    edge('train', 'eval'),
  );
  const body = () => {
    const res = (exportDesign(piped).template as { Resources: Record<string, { Type: string; Properties: never }> })
      .Resources;
    const p = Object.values(res).find((r) => r.Type === 'AWS::SageMaker::Pipeline')!.Properties as {
      PipelineDefinition: { PipelineDefinitionBody: { 'Fn::Sub': string } };
    };
    return JSON.parse(p.PipelineDefinition.PipelineDefinitionBody['Fn::Sub']) as {
      Steps: { Name: string; Arguments: Record<string, unknown> }[];
    };
  };

  it("writes each step's own group in its VpcConfig (NetworkConfig.VpcConfig of a processing step)", () => {
    const steps = Object.fromEntries(body().Steps.map((s) => [s.Name, s.Arguments]));
    expect(steps.prep.NetworkConfig).toEqual({ VpcConfig: { Subnets: ['${Sub}'], SecurityGroupIds: ['${JobSg}'] } });
    expect(steps.train.VpcConfig).toEqual({ Subnets: ['${Sub}'], SecurityGroupIds: ['${JobSg}'] });
    // a step with no group of its own runs in the VPC's helper group
    expect(steps.eval.NetworkConfig).toEqual({ VpcConfig: { Subnets: ['${Sub}'], SecurityGroupIds: ['${VpcSg}'] } });
  });

  it('imports the groups back onto the steps from the definition (Metadata does not hold them)', () => {
    const yaml = templateToYaml(exportDesign(piped).template);
    expect(yaml).not.toContain('securityGroup');
    const back = importTemplate(yaml).doc;
    const by = (id: string) => back.nodes.find((n) => n.id === id)!;
    expect(by('prep').props?.securityGroup).toBe('job-sg');
    expect(by('train').props?.securityGroup).toBe('job-sg');
    expect(by('eval').props?.securityGroup ?? null).toBeNull();
    expect(by('pipe').parent).toBe('sub');
    expect((back.edges ?? []).map((e) => `${e.from}>${e.to}`).sort()).toEqual([
      'data>prep',
      'prep>train',
      'train>eval',
    ]);
  });
});
