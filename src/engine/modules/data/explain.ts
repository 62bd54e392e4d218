import type { Simulation } from '../../sim';
import { TOPICS, type JobCompleted } from '../../topics';
import { datasetGB } from '../shared/data';
import { formatAttributions, shapAttributions } from '../shared/explain';
import { clarifyJobSec } from './bias';

/**
 * Post-training explainability: each training-job → clarify edge runs a Clarify explainability job (a SageMaker
 * Processing job computing Kernel SHAP, https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-model-explainability.html)
 * each time the training job completes. The Clarify node is InProgress, then Completed with the report's global
 * attributions: its figures `topFeature` and `topShare` (share of the total mean |SHAP| value), `secondShare`, and
 * a log line ranking the top five features. The report names no cause: a feature far ahead of the others is what
 * a learner reads as the symptom of a leaked column.
 */
export function startExplainability(sim: Simulation): void {
  const g = sim.graph;
  for (const c of g.ofKind('clarify')) {
    const jobs = g.in(c.id, 'training-job');
    if (!jobs.length) continue;
    const x = sim.metrics(c.id).extra;
    x.explainabilityReports = 0;
    sim.on(TOPICS.jobCompleted, (p: JobCompleted) => {
      if (!jobs.some((j) => j.id === p.node)) return;
      sim.setState(c.id, 'InProgress', `explainability analysis of ${p.node}'s model (Clarify processing job, SHAP)`);
      sim.after(clarifyJobSec(datasetGB(g, p.node)), `${c.id}: explainability report`, c.id, () => {
        const { baseline } = shapAttributions(g, p.node, sim.seed);
        const [top, second] = baseline;
        x.explainabilityReports = (x.explainabilityReports as number) + 1;
        x.topFeature = top.feature;
        x.topShare = top.share;
        x.secondShare = second?.share ?? 0;
        sim.note(
          c.id,
          'event',
          `${c.id}: explainability report for ${p.node}'s model — global SHAP (share of mean |SHAP|): ` +
            `${formatAttributions(baseline)}`,
        );
        sim.setState(c.id, 'Completed', 'explainability report written');
      });
    });
  }
}
