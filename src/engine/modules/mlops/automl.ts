import type { AutomlMetric } from '../../../catalog/automl';
import { TOPICS, type AutomlCompleted } from '../../topics';
import { labelSource } from './lineage';
import { registerPackage } from './registry';
import type { MlopsRun, ModelVersion } from './state';

/**
 * Autopilot's best candidates as model versions. When an Autopilot job completes, DescribeAutoMLJobV2 names its
 * BestCandidate; registering it is a CreateModelPackage call with the candidate's InferenceContainers as the
 * package's InferenceSpecification and its objective metric in ModelMetrics — the glue an autopilot-job →
 * model-registry edge stands for. The package goes through the same registration path as a training job's model
 * (registry.ts registerPackage: the registry's `approval` status, the package-status observation, the data-lineage
 * check), so the registry → endpoint deploy path and the approval event chain treat it as any registered model.
 *
 * The version is `<job>:v1` (a job's one best candidate). Its validation figure is the candidate's objective value on
 * the leaderboard, and in production it scores the same (Autopilot validates on a split of the same data; SageSim's
 * own choice: no leakage is modelled for Autopilot).
 *
 * Sources: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLCandidate.html (InferenceContainers,
 * FinalAutoMLJobObjectiveMetric), https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJob.html
 * ("find the best-performing model … by calling DescribeAutoMLJobV2"),
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-models.html.
 */
export function startAutomlModels(run: MlopsRun): void {
  const { sim } = run;
  sim.on(TOPICS.automlCompleted, (p: AutomlCompleted) => {
    const v = candidateVersion(run, p);
    run.versions.set(p.node, [v]);
    run.automl.set(v.id, p);
    const registries = sim.graph.out(p.node, 'model-registry');
    for (const r of registries)
      registerPackage(run, r.id, v, `best candidate ${p.candidate} of ${p.node}, ${p.metric} ${p.value}`, p.node);
  });
}

function candidateVersion(run: MlopsRun, p: AutomlCompleted): ModelVersion {
  const ratio = labelSource(run.sim.graph, p.node)?.props.positiveClassRatio ?? 0.5;
  return {
    id: `${p.node}:v1`,
    training: p.node,
    n: 1,
    trainedAtSec: run.sim.now,
    quality: {
      metric: p.metric,
      skill: p.quality,
      validationSkill: p.quality,
      positiveClassRatio: ratio,
      causes: [],
      explain: [`best candidate ${p.candidate} (${p.algorithm}) of ${p.candidates} on ${p.node}'s leaderboard`],
      labels: null,
      interactions: null,
      automl: p.metric as AutomlMetric,
    },
    validation: p.value,
  };
}
