import { setup } from 'xstate';

export type EndpointEvent =
  | { type: 'IMAGE_PULLED' }
  | { type: 'MODEL_LOADED' }
  | { type: 'HEALTHY' }
  | { type: 'FAIL'; reason: string }
  | { type: 'UPDATE' }
  | { type: 'UPDATED' };

/**
 * An endpoint's life as AWS reports it: Creating (image pull → model download → health check) →
 * InService, or Failed; an update (a new model version) goes through Updating back to InService.
 */
export const endpointMachine = setup({
  types: { events: {} as EndpointEvent },
}).createMachine({
  id: 'endpoint',
  initial: 'Creating',
  states: {
    Creating: {
      initial: 'pullingImage',
      on: { FAIL: 'Failed' },
      states: {
        pullingImage: { on: { IMAGE_PULLED: 'downloadingModel' } },
        downloadingModel: { on: { MODEL_LOADED: 'healthCheck' } },
        healthCheck: { on: { HEALTHY: '#endpoint.InService' } },
      },
    },
    InService: { on: { UPDATE: 'Updating' } },
    /** An update that fails rolls back: the endpoint stays in service on its old model. */
    Updating: { on: { UPDATED: 'InService', FAIL: 'InService' } },
    Failed: { type: 'final' },
  },
});

/** The AWS status name of a machine state value. */
export const statusOf = (value: unknown): string =>
  typeof value === 'string' ? value : Object.keys(value as object)[0];
