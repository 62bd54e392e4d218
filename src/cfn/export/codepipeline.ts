import type { ArchNode } from '../../model/schema';
import { Ref, Sub, type ExportContext } from './context';

/**
 * A codepipeline → an AWS::CodePipeline::Pipeline (V2, QUEUED execution mode: SageSim runs one execution at a time)
 * with its CodeBuild project (AWS::CodeBuild::Project, TimeoutInMinutes) and, when it runs end-to-end tests, a second
 * project for the TestStaging action:
 * - Triggers: a push filter on the trigger branches (GitConfiguration.Push[].Branches.Includes);
 * - Build: the build project's buildspec runs the suites (pytest tests/unit, tests/integration), then starts each
 *   wired SageMaker pipeline (SAGEMAKER_PIPELINE_* environment variables name them);
 * - DeployStaging / TestStaging / ApproveDeployment / DeployProd: CodeBuild deploy actions name their endpoint in
 *   EnvironmentVariables (ENDPOINT_NAME), the approval is a Manual approval action.
 * Trigger filters: https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html; the build time has
 * no property and stays in Metadata.
 */
export function exportCodePipeline(c: ExportContext, n: ArchNode): void {
  const p = c.props(n);
  const L = (id: string) => c.logical.get(id)!;
  const id = L(n.id);
  const tests = p.tests as string[];
  const role = c.param('CodeBuildRoleArn', { Type: 'String', Description: 'Service role of the CodeBuild projects' });
  const image = { ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/standard:7.0', Type: 'LINUX_CONTAINER' };
  const pipelines = c.out(n.id, ['pipeline']);
  for (const sm of pipelines) c.say(n.id, sm.id);
  const commands = [
    ...tests.filter((t) => t !== 'e2e').map((t) => `pytest tests/${t}`),
    ...pipelines.map((sm) => `python run_pipeline.py --pipeline-name "$SAGEMAKER_PIPELINE_${envName(sm.id)}"`),
  ];
  const buildspec = (cmds: string[]) =>
    ['version: 0.2', 'phases:', '  build:', '    commands:', ...cmds.map((x) => `      - ${x}`)].join('\n') + '\n';
  const project = c.logicalId(n.id, 'Build');
  c.add(project, 'AWS::CodeBuild::Project', {
    ServiceRole: role,
    TimeoutInMinutes: p.buildTimeoutMinutes,
    Source: { Type: 'CODEPIPELINE', BuildSpec: buildspec(commands.length ? commands : ['echo build']) },
    Artifacts: { Type: 'CODEPIPELINE' },
    Environment: {
      ...image,
      ...(pipelines.length
        ? {
            EnvironmentVariables: pipelines.map((sm) => ({
              Name: `SAGEMAKER_PIPELINE_${envName(sm.id)}`,
              Value: Ref(L(sm.id)),
            })),
          }
        : {}),
    },
  });
  const staging =
    p.stagingEndpoint && c.out(n.id, ['realtime-endpoint']).some((e) => e.id === p.stagingEndpoint)
      ? (p.stagingEndpoint as string)
      : null;
  if (p.stagingEndpoint && !staging) c.keepInMetadata(n, 'stagingEndpoint');
  const prod = c.out(n.id, ['realtime-endpoint']).filter((e) => e.id !== staging);
  const action = (name: string, category: string, provider: string, configuration: Record<string, unknown>) => ({
    Name: name,
    ActionTypeId: { Category: category, Owner: 'AWS', Provider: provider, Version: '1' },
    ...(Object.keys(configuration).length ? { Configuration: configuration } : {}),
    ...(category === 'Approval' ? {} : { InputArtifacts: [{ Name: 'SourceOutput' }] }),
  });
  const deployTo = (name: string, ep: string) => {
    c.say(n.id, ep);
    return action(name, 'Build', 'CodeBuild', {
      ProjectName: Ref(project),
      EnvironmentVariables: Sub(`[{"name":"ENDPOINT_NAME","value":"\${${L(ep)}.EndpointName}"}]`),
    });
  };
  const stages: Record<string, unknown>[] = [
    {
      Name: 'Source',
      Actions: [
        {
          Name: 'Source',
          ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
          Configuration: {
            ConnectionArn: c.param('SourceConnectionArn', {
              Type: 'String',
              Description: 'CodeConnections connection to the Git repository',
            }),
            FullRepositoryId: c.param('SourceRepository', { Type: 'String', Description: 'owner/repository' }),
            BranchName: (p.branches as string[])[0] ?? 'main',
          },
          OutputArtifacts: [{ Name: 'SourceOutput' }],
        },
      ],
    },
    { Name: 'Build', Actions: [action('Build', 'Build', 'CodeBuild', { ProjectName: Ref(project) })] },
  ];
  if (staging) {
    stages.push({ Name: 'DeployStaging', Actions: [deployTo('DeployStaging', staging)] });
    if (tests.includes('e2e')) {
      const e2e = c.logicalId(n.id, 'TestStaging');
      c.add(e2e, 'AWS::CodeBuild::Project', {
        ServiceRole: role,
        TimeoutInMinutes: p.buildTimeoutMinutes,
        Source: { Type: 'CODEPIPELINE', BuildSpec: buildspec(['pytest tests/e2e --endpoint "$ENDPOINT_NAME"']) },
        Artifacts: { Type: 'CODEPIPELINE' },
        Environment: image,
      });
      stages.push({
        Name: 'TestStaging',
        Actions: [
          action('TestStaging', 'Test', 'CodeBuild', {
            ProjectName: Ref(e2e),
            EnvironmentVariables: Sub(`[{"name":"ENDPOINT_NAME","value":"\${${L(staging)}.EndpointName}"}]`),
          }),
        ],
      });
    }
  } else if (tests.includes('e2e')) c.keepInMetadata(n, 'tests');
  if (prod.length) {
    if (p.manualApproval)
      stages.push({ Name: 'ApproveDeployment', Actions: [action('Approve', 'Approval', 'Manual', {})] });
    stages.push({ Name: 'DeployProd', Actions: prod.map((e, i) => deployTo(`DeployProd${i ? i + 1 : ''}`, e.id)) });
  } else if (p.manualApproval) c.keepInMetadata(n, 'manualApproval');
  const branches = p.branches as string[];
  if (!branches.length) c.keepInMetadata(n, 'branches');
  c.add(
    id,
    'AWS::CodePipeline::Pipeline',
    {
      PipelineType: 'V2',
      ExecutionMode: 'QUEUED',
      RoleArn: c.param('CodePipelineRoleArn', { Type: 'String', Description: 'Service role of CodePipeline' }),
      ArtifactStore: {
        Type: 'S3',
        Location: c.param('ArtifactBucketName', { Type: 'String', Description: 'Bucket for pipeline artifacts' }),
      },
      ...(branches.length
        ? {
            Triggers: [
              {
                ProviderType: 'CodeStarSourceConnection',
                GitConfiguration: { SourceActionName: 'Source', Push: [{ Branches: { Includes: branches } }] },
              },
            ],
          }
        : {}),
      Stages: stages,
    },
    n,
  );
}

const envName = (id: string) => id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
