/**
 * A puzzle that shows bias-disparate-impact as shipped (issue 17: it was dormant, seen only with d4/07's solution).
 * d4/20 (capstone): a working bias-drift schedule (Clarify, four-fifths threshold) reports the violation after a bias
 * shift, the evidence the regulator asks for, and the goal keeps it as a required incident, so fixes that hide the bias
 * (a lower threshold, no Clarify, no capture) fail. The two faults around it:
 * - the model-quality schedule on the same endpoint fails every run: no ground truth is merged with the captured
 *   predictions. AWS: model quality compares predictions with ground-truth labels uploaded to S3 and matched by
 *   inference or event id (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-model-quality-merge.html).
 * - the EventBridge rule wired straight to the schedule never starts the retraining: Model Monitor publishes a
 *   violation as CloudWatch metrics, and EventBridge receives the state change of an alarm on them
 *   (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-monitoring.html).
 */
import { provePuzzles, type PuzzleCase } from './prove';

const alarm = { id: 'bias-alarm', kind: 'cloudwatch' as const, label: 'Alarm: bias metrics' };
const labels = { quality: { groundTruth: true } };

const CASES: PuzzleCase[] = [
  {
    file: 'd4/20-the-regulators-review.json',
    alternatives: [
      // the alarm may start the pipeline through a Lambda (StartPipelineExecution) instead of the rule targeting it
      {
        setProps: labels,
        addNodes: [alarm, { id: 'starter', kind: 'lambda', label: 'Start fairness retraining' }],
        addEdges: [
          { from: 'bias', to: 'bias-alarm' },
          { from: 'bias-alarm', to: 'on-bias' },
          { from: 'on-bias', to: 'starter' },
          { from: 'starter', to: 'pipe' },
        ],
      },
    ],
    wrong: [
      // labels alone: the violation still reaches nothing
      { setProps: labels },
      // a second schedule with labels beside the failing one, and the alarm: the old schedule still fails every run
      {
        addNodes: [
          alarm,
          {
            id: 'quality2',
            kind: 'model-monitor',
            label: 'Model quality with labels',
            props: { monitorType: 'model-quality', baseline: true, scheduleMinutes: 60, groundTruth: true },
          },
        ],
        addEdges: [
          { from: 'ep', to: 'quality2' },
          { from: 'bias', to: 'bias-alarm' },
          { from: 'bias-alarm', to: 'on-bias' },
        ],
      },
      // Clarify computes bias and attributions, not accuracy: the quality runs still find no labels
      {
        addNodes: [alarm],
        addEdges: [
          { from: 'quality', to: 'clarify' },
          { from: 'bias', to: 'bias-alarm' },
          { from: 'bias-alarm', to: 'on-bias' },
        ],
      },
      // unwiring the rule silences the broken chain, and the retraining never runs
      { setProps: labels, removeEdges: [{ from: 'bias', to: 'on-bias' }] },
      // an alarm on the endpoint's own metrics (errors, latency) does not see a bias violation
      {
        setProps: labels,
        addNodes: [alarm],
        addEdges: [
          { from: 'ep', to: 'bias-alarm' },
          { from: 'bias-alarm', to: 'on-bias' },
        ],
      },
      // hiding the bias evidence: a threshold no run falls below
      {
        setProps: { ...labels, clarify: { disparateImpactThreshold: 0.5 } },
        addNodes: [alarm],
        addEdges: [
          { from: 'bias', to: 'bias-alarm' },
          { from: 'bias-alarm', to: 'on-bias' },
        ],
      },
    ],
  },
];

provePuzzles(CASES, /^[SK][1-4]\.[1-3]\.\d+$/);
