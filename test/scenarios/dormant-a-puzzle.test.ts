/**
 * The puzzle that makes async-request-expired happen in shipped content (dormant rules, issue 17). Proven like every
 * puzzle (test/scenarios/prove.ts): fails as shipped and passes with its solution on seeds 1–20; the tempting wrong
 * fixes fail.
 * - d3/18 trains sizing an asynchronous endpoint's auto scaling (S3.2.1, K3.2.5): requests that wait in the queue past
 *   RequestTTLSeconds expire; their errors go to the S3 failure path and the ErrorTopic, never a 503
 *   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpointAsync.html,
 *   https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AsyncInferenceNotificationConfig.html). The fix is
 *   capacity the traffic needs (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html).
 */
import { props, provePuzzles, type PuzzleCase } from './prove';

const CASES: PuzzleCase[] = [
  {
    file: 'd3/18-the-morning-pile.json',
    alternatives: [
      // any ceiling the backlog policy can use above the traffic's need passes: it scales to what the backlog asks
      props('reader', { maxCapacity: 4 }),
      props('reader', { maxCapacity: 8 }),
      props('reader', { maxCapacity: 20 }),
      // four instances kept in service all the time also keep up (at a higher bill)
      props('reader', { minCapacity: 4 }),
      props('reader', { minCapacity: 4, instanceCount: 4, maxCapacity: 4 }),
    ],
    wrong: [
      // a longer time to live: nothing expires, but the backlog grows and extractions come back hours late
      props('reader', { requestTtlSec: 21600 }),
      // more instances at launch, capped by the same maxCapacity
      props('reader', { instanceCount: 4 }),
      // three instances finish 3 scans a minute of the 3.6 that arrive: the backlog still climbs at max capacity
      props('reader', { maxCapacity: 3 }),
      // the per-request processing limit and the scale-from-zero policy have nothing to do with a queue that grows
      props('reader', { invocationTimeoutSec: 3600 }),
      props('reader', { backlogScaling: true }),
      // a second topic for successes announces results; it does not make them faster
      {
        addNodes: [{ id: 'ready', kind: 'sns', label: 'Extraction ready' }],
        addEdges: [{ from: 'reader', to: 'ready' }],
      },
    ],
  },
];

provePuzzles(CASES, /^[SK]3\.[1-3]\.\d+$/);
