import { AUTOML_METRICS, AUTOML_MODES, AUTOML_PROBLEM_TYPES, AUTOML_MAX_CANDIDATES } from '../../catalog/automl';
import { type Builder, dig, list, num, rec } from './builder';

const oneOf = (v: unknown, options: readonly string[]): string | undefined =>
  typeof v === 'string' && options.includes(v) ? v : undefined;

/**
 * AWS::SageMaker::AutoMLJob → autopilot-job: the training channel's TargetAttributeName, ProblemType (absent = auto),
 * AutoMLJobObjective.MetricName, AutoMLJobConfig.Mode and its CompletionCriteria (MaxCandidates 1–750,
 * MaxAutoMLJobRuntimeInSeconds). Its S3 input connects the bucket it names; what SageSim does not simulate
 * (a validation channel, DataSplitConfig, CandidateGenerationConfig, SecurityConfig) is noted.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sagemaker-automljob.html
 */
export function mapAutoML(b: Builder): void {
  for (const r of b.ofType('AWS::SageMaker::AutoMLJob')) {
    const channels = list(r.props.InputDataConfig).map(rec);
    const training = channels.find((ch) => ch.ChannelType !== 'validation') ?? channels[0] ?? {};
    const cfg = rec(r.props.AutoMLJobConfig);
    const done = rec(cfg.CompletionCriteria);
    const max = num(done.MaxCandidates);
    const runtime = num(done.MaxAutoMLJobRuntimeInSeconds);
    b.add(r, 'autopilot-job', {
      targetColumn: typeof training.TargetAttributeName === 'string' ? training.TargetAttributeName : undefined,
      problemType: oneOf(r.props.ProblemType, AUTOML_PROBLEM_TYPES),
      objectiveMetric: oneOf(dig(r.props, 'AutoMLJobObjective.MetricName'), AUTOML_METRICS),
      mode: oneOf(cfg.Mode, AUTOML_MODES),
      maxCandidates:
        max !== undefined && Number.isInteger(max) && max >= 1 && max <= AUTOML_MAX_CANDIDATES ? max : undefined,
      maxRuntimeSec: runtime !== undefined && Number.isInteger(runtime) && runtime >= 1 ? runtime : undefined,
    });
    const ignored = [
      ...(channels.some((ch) => ch.ChannelType === 'validation') ? ['a validation channel'] : []),
      ...(['DataSplitConfig', 'CandidateGenerationConfig', 'SecurityConfig'] as const).filter((k) => k in cfg),
    ];
    if (ignored.length)
      b.note(r, `${ignored.join(', ')}: not simulated (the job trains on its training channel as a whole)`);
  }
}
