import { setup } from 'xstate';

export type ExecutionEvent = { type: 'SUCCEED' } | { type: 'FAIL'; reason: string } | { type: 'STOP' };

/**
 * One pipeline execution as SageMaker reports it: Executing → Succeeded, Failed (a step failed, or
 * the SageMaker API could not be reached) or Stopped. The DAG bookkeeping lives in pipeline.ts.
 */
export const executionMachine = setup({
  types: { events: {} as ExecutionEvent },
}).createMachine({
  id: 'pipelineExecution',
  initial: 'Executing',
  states: {
    Executing: { on: { SUCCEED: 'Succeeded', FAIL: 'Failed', STOP: 'Stopped' } },
    Succeeded: { type: 'final' },
    Failed: { type: 'final' },
    Stopped: { type: 'final' },
  },
});

export type ApprovalStatus = 'PendingManualApproval' | 'Approved' | 'Rejected';
export type PackageEvent = { type: 'SET'; status: ApprovalStatus };

/**
 * A model package's approval: it starts where the registry says (its `approval` prop) and moves with
 * UpdateModelPackage (the `approve` timed action). Any status may follow any other, as in AWS.
 */
export const packageMachine = setup({
  types: { events: {} as PackageEvent, input: {} as { status: ApprovalStatus } },
}).createMachine({
  id: 'modelPackage',
  initial: 'route',
  context: ({ input }) => ({ initial: input.status }),
  states: {
    route: {
      always: [
        { guard: ({ context }) => context.initial === 'Approved', target: 'Approved' },
        { guard: ({ context }) => context.initial === 'Rejected', target: 'Rejected' },
        { target: 'PendingManualApproval' },
      ],
    },
    PendingManualApproval: {},
    Approved: {},
    Rejected: {},
  },
  on: {
    SET: [
      { guard: ({ event }) => event.status === 'Approved', target: '.Approved' },
      { guard: ({ event }) => event.status === 'Rejected', target: '.Rejected' },
      { target: '.PendingManualApproval' },
    ],
  },
});
