import type { SimModule } from '../../sim';
import { deployFindings } from './checks';
import { codePush, startReleases } from './release';
import { startUpdate } from './rollout';

/**
 * Deployment guardrails of real-time endpoints (issue 17): the `model-update` fault is UpdateEndpoint with a new model
 * version, rolled out blue/green by the endpoint's `deployment` (rollout.ts); the finding guardrail-without-alarm.
 * CI/CD releases (release.ts): a `codepipeline` builds, tests and deploys a `code-push` (or an approved model package
 * an EventBridge rule hands it) through the same rollout. Talks to the data plane only through TOPICS.deployTraffic.
 */
export const deployModule: SimModule = {
  id: 'deploy',
  check: deployFindings,
  start: startReleases,
  faults: {
    'model-update': (sim, f) => {
      if (f.kind === 'model-update') startUpdate(sim, f);
    },
    'code-push': (sim, f) => {
      if (f.kind === 'code-push') codePush(sim, f);
    },
  },
};
