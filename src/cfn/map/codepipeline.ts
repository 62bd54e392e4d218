import type { EvaluatedResource } from '../evaluate';
import { refsIn } from '../types';
import { type Builder, dig, list, num, rec } from './builder';

const SUITE = /tests\/(unit|integration|e2e)\b/g;

/**
 * AWS::CodePipeline::Pipeline → codepipeline, with the CodeBuild projects its actions run (claimed by the node, so
 * references in them — a SageMaker pipeline the build starts — become its connections): trigger branches from the
 * push filters (Triggers[].GitConfiguration.Push[].Branches.Includes, else the source action's BranchName), the test
 * suites from the buildspecs (tests/unit, tests/integration, tests/e2e), the build timeout (TimeoutInMinutes), the
 * staging endpoint (the endpoint a stage named *Staging* deploys to) and a Manual approval action.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codepipeline-pipeline-gitpushfilter.html
 */
export function mapCodePipelines(b: Builder): void {
  for (const r of b.ofType('AWS::CodePipeline::Pipeline')) {
    const stages = list(r.props.Stages).map(rec);
    const actions = stages.flatMap((s) => list(s.Actions).map((a) => ({ stage: String(s.Name ?? ''), a: rec(a) })));
    const category = (a: Record<string, unknown>) => String(dig(a, 'ActionTypeId.Category') ?? '');
    const pushes = list(r.props.Triggers)
      .flatMap((t) => list(dig(t, 'GitConfiguration.Push')))
      .flatMap((p) => list(dig(p, 'Branches.Includes')))
      .map(String);
    const source = actions.find(({ a }) => category(a) === 'Source')?.a;
    const branch = dig(source, 'Configuration.BranchName');
    if (list(r.props.Triggers).some((t) => dig(t, 'GitConfiguration.Push') && !pushes.length))
      b.note(r, 'push triggers on Git tags or file paths are not simulated: imported with the branch filters only');
    const projects: EvaluatedResource[] = [];
    for (const { a } of actions) {
      if (String(dig(a, 'ActionTypeId.Provider')) !== 'CodeBuild') continue;
      const id = refsIn(dig(a, 'Configuration.ProjectName')).find(
        (x) => b.res.get(x)?.type === 'AWS::CodeBuild::Project',
      );
      const p = id ? b.res.get(id) : undefined;
      if (p && !projects.includes(p)) projects.push(p);
    }
    const specs = projects.map((p) => String(dig(p.props, 'Source.BuildSpec') ?? '')).join('\n');
    const tests = ['unit', 'integration', 'e2e'].filter((t) => [...specs.matchAll(SUITE)].some((m) => m[1] === t));
    const stagingAction = actions.find(({ stage, a }) => /staging/i.test(stage) && category(a) !== 'Test')?.a;
    const staging = stagingAction ? b.nodeOf(stagingAction.Configuration, ['realtime-endpoint']) : undefined;
    const timeout = projects.map((p) => num(p.props.TimeoutInMinutes)).find((x) => x !== undefined);
    const n = b.add(r, 'codepipeline', {
      branches: pushes.length ? pushes : typeof branch === 'string' ? [branch] : undefined,
      tests,
      ...(timeout !== undefined ? { buildTimeoutMinutes: timeout } : {}),
      stagingEndpoint: staging?.id ?? null,
      manualApproval: actions.some(({ a }) => category(a) === 'Approval'),
    });
    for (const p of projects) {
      b.claim(p.id, n.id);
      b.scanRefs(n.id, p.props, p.type);
    }
  }
}
