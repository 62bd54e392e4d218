import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main as simMain } from '../../src/cli/sim';
import { importTemplate } from '../../src/cfn/import';
import { MissingParamsError } from '../../src/cfn/types';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { capture } from '../cli/capture';

/**
 * Real templates, as their authors wrote them (test/fixtures/cfn/real/README.md names each source and licence):
 * every one imports to a design SageSim loads and runs, or is refused naming what is missing.
 */
const path = (name: string) => new URL(`../fixtures/cfn/real/${name}`, import.meta.url).pathname;
const text = (name: string) => readFileSync(path(name), 'utf8');
const node = (doc: ArchDoc, id: string) => {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${doc.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const kinds = (doc: ArchDoc) => doc.nodes.map((n) => `${n.kind}:${n.id}${n.parent ? `^${n.parent}` : ''}`).sort();
const edges = (doc: ArchDoc) => (doc.edges ?? []).map((e) => `${e.from} -> ${e.to}`).sort();
const missing = (name: string, params: Record<string, string> = {}) => {
  try {
    importTemplate(text(name), { params });
  } catch (e) {
    if (e instanceof MissingParamsError) return e;
    throw e;
  }
  throw new Error('expected a MissingParamsError');
};

describe('real templates (aws-samples, MIT-0)', () => {
  it(
    'deployment guardrails: the stage decides canary or nothing; ' + 'DeploymentConfig and its rollback alarm come in',
    () => {
      const e = missing('deployment-guardrails.yml');
      expect(e.params.map((p) => p.name)).toEqual(['StageName']);
      expect(e.where).toMatch(/^Conditions\.IsProduction \(line \d+, col \d+\)$/);

      const prod = importTemplate(text('deployment-guardrails.yml'), {
        params: { StageName: 'prod', SageMakerProjectName: 'fraud' },
      });
      expect(loadJson(prod.doc).ok).toBe(true);
      expect(kinds(prod.doc)).toEqual(['cloudwatch:endpoint500-errors', 'realtime-endpoint:endpoint']);
      expect(node(prod.doc, 'endpoint').props).toMatchObject({
        dataCapture: true,
        deployment: {
          type: 'canary',
          sizePercent: 10,
          waitIntervalSec: 300,
          terminationWaitSec: 120,
          rollbackAlarms: ['endpoint500-errors'],
        },
      });
      // the alarm: Sum of Invocation5XXErrors over one 60 s period, >= 1 (SageSim's alarm is "greater than": > 0)
      expect(node(prod.doc, 'endpoint500-errors').props).toEqual({
        metric: 'Invocation5XXErrors',
        threshold: 0,
        periodSec: 60,
        evaluationPeriods: 1,
      });
      expect(edges(prod.doc)).toEqual(['endpoint -> endpoint500-errors']);

      // the alarm's EndpointName dimension and the endpoint's name are the same built string, known or not offline
      const unnamed = importTemplate(text('deployment-guardrails.yml'), { params: { StageName: 'prod' } });
      expect(edges(unnamed.doc)).toEqual(['endpoint -> endpoint500-errors']);
      expect(node(unnamed.doc, 'endpoint').props?.deployment).toMatchObject({ rollbackAlarms: ['endpoint500-errors'] });
      const r = capture(simMain, [path('deployment-guardrails.yml'), '--param', 'StageName=prod', '--json']);
      expect(JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule)).not.toContain('guardrail-without-alarm');

      const linear = importTemplate(text('deployment-guardrails.yml'), {
        params: { StageName: 'prod', DeploymentStrategy: 'LINEAR' },
      });
      expect(node(linear.doc, 'endpoint').props?.deployment).toMatchObject({ type: 'linear', sizePercent: 33 });

      const staging = importTemplate(text('deployment-guardrails.yml'), { params: { StageName: 'staging' } });
      expect(kinds(staging.doc)).toEqual(['realtime-endpoint:endpoint']);
      expect(node(staging.doc, 'endpoint').props?.deployment).toBeUndefined();
      expect(staging.notes.map((n) => n.message)).toContain('not created: condition IsProduction is false');
    },
  );

  it('shadow deployment: a whole Properties: !If decides whether the endpoint has a shadow variant', () => {
    expect(missing('shadow-deployment.yml').params.map((p) => p.name)).toEqual(['DeployShadow']);
    const shadow = importTemplate(text('shadow-deployment.yml'), { params: { DeployShadow: 'true' } });
    expect(node(shadow.doc, 'endpoint').props?.variants).toEqual([
      { name: 'ProductionTraffic', weight: 1 },
      { name: 'ShadowTraffic', weight: 1, shadow: true },
    ]);
    const plain = importTemplate(text('shadow-deployment.yml'), { params: { DeployShadow: 'false' } });
    expect(node(plain.doc, 'endpoint').props?.variants).toEqual([{ name: 'ProductionTraffic', weight: 1 }]);
  });

  it(
    'async endpoint: SNS topics from NotificationConfig, the ' + 'template mistake kept (both name the error topic)',
    () => {
      const { doc } = importTemplate(text('async-endpoint.yml'));
      expect(kinds(doc)).toEqual(['async-endpoint:endpoint', 'sns:sns-topic-error', 'sns:sns-topic-success']);
      expect(edges(doc)).toEqual(['endpoint -> sns-topic-error']);
    },
  );

  it('multi-model and serverless endpoints; the stage picks serverless or real-time', () => {
    expect(kinds(importTemplate(text('multi-model-endpoint.yml')).doc)).toEqual(['multi-model-endpoint:endpoint']);
    const staging = importTemplate(text('serverless-endpoint.yml'), { params: { StageName: 'staging' } }).doc;
    expect(node(staging, 'endpoint')).toMatchObject({
      kind: 'serverless-endpoint',
      props: { memoryMB: 2048, maxConcurrency: 20 },
    });
    const prod = importTemplate(text('serverless-endpoint.yml'), { params: { StageName: 'prod' } }).doc;
    expect(node(prod, 'endpoint')).toMatchObject({
      kind: 'realtime-endpoint',
      props: { instanceType: 'ml.m5.large', instanceCount: 1, dataCapture: true },
    });
  });

  it('a secure VPC: subnets from route tables, NAT, the endpoints SageSim simulates; the rest are notes', () => {
    const { doc, notes } = importTemplate(text('secure-env-vpc.yaml'));
    expect(loadJson(doc).ok).toBe(true);
    const subnets = doc.nodes.filter((n) => n.kind === 'subnet');
    expect(subnets.map((n) => `${n.id}:${String(n.props?.access)}`).sort()).toEqual([
      'private-subnet1-a:private-with-nat',
      'private-subnet2-a:private-with-nat',
      'public-subnet1:public',
      'public-subnet2:public',
    ]);
    expect(
      doc.nodes
        .filter((n) => n.kind === 'vpc-endpoint')
        .map((n) => n.props?.service)
        .sort(),
    ).toEqual(['ecr.api', 'ecr.dkr', 'kms', 'logs', 'monitoring', 's3', 'sagemaker.api', 'sagemaker.runtime', 'sts']);
    const say = notes.map((n) => `${n.resource}: ${n.message}`);
    expect(say).toContain(
      'VPCEndpointCodeBuild: endpoint service com.amazonaws.us-east-1.codebuild is not one SageSim simulates',
    );
    expect(say).toContain('VPCFlowLogsToCloudWatch: not created: condition VPCFlowLogsToCloudWatchCondition is false');
    expect(say.some((s) => s.startsWith('VPCIdSSM: no SageSim kind'))).toBe(true);
  });

  it('a Studio domain in VpcOnly mode is a note saying what it needs; its functions are Lambda', () => {
    const { doc, notes } = importTemplate(text('secure-env-sagemaker-studio.yaml'));
    expect(doc.nodes.every((n) => n.kind === 'lambda')).toBe(true);
    const domain = notes.find((n) => n.type === 'AWS::SageMaker::Domain');
    expect(domain?.message).toMatch(/VpcOnly mode/);
  });

  it.each([
    ['deployment-guardrails.yml', ['--param', 'StageName=prod']],
    ['shadow-deployment.yml', ['--param', 'DeployShadow=true']],
    ['async-endpoint.yml', []],
    ['multi-model-endpoint.yml', []],
    ['serverless-endpoint.yml', ['--param', 'StageName=staging']],
    ['secure-env-vpc.yaml', []],
    ['secure-env-sagemaker-studio.yaml', []],
  ])('npm run sim runs %s', (name, params) => {
    const r = capture(simMain, [path(name), ...params, '--json', '--duration', '300']);
    expect(r.err).not.toMatch(/^sim:/m);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).format).toBe('sagesim/report@1');
  });
});
