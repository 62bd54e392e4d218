import type { SimModule } from '../../sim';
import { deployFindings } from './checks';
import { startUpdate } from './rollout';

/**
 * Deployment guardrails of real-time endpoints (issue 17): the `model-update` fault is UpdateEndpoint with a new model
 * version, rolled out blue/green by the endpoint's `deployment` (rollout.ts); the finding guardrail-without-alarm.
 * Talks to the data plane only through TOPICS.deployTraffic.
 */
export const deployModule: SimModule = {
  id: 'deploy',
  check: deployFindings,
  faults: {
    'model-update': (sim, f) => {
      if (f.kind === 'model-update') startUpdate(sim, f);
    },
  },
};
