import { setup } from 'xstate';

export type JobEvent =
  | { type: 'START' }
  | { type: 'PROVISIONED' }
  | { type: 'RUN' }
  | { type: 'DOWNLOADED' }
  | { type: 'RAN' }
  | { type: 'UPLOADED' }
  | { type: 'INTERRUPT' }
  | { type: 'RESTART' }
  | { type: 'FAIL' }
  | { type: 'STOP' };

/**
 * A job's life as AWS reports it: TrainingJobStatus (Pending → InProgress → Completed / Failed / Stopped)
 * with the SecondaryStatus inside InProgress: Starting → Downloading → Running → Uploading, and
 * Interrupted (a Spot interruption) → Starting again. "Running" is shown by kind: Training, Processing,
 * Transforming, Labeling. Kinds with nothing to download go Starting → Running (RUN).
 */
export const jobMachine = setup({
  types: { events: {} as JobEvent },
}).createMachine({
  id: 'job',
  initial: 'Pending',
  states: {
    Pending: { on: { START: 'InProgress', FAIL: 'Failed' } },
    InProgress: {
      initial: 'Starting',
      on: { FAIL: 'Failed', STOP: 'Stopped' },
      states: {
        Starting: { on: { PROVISIONED: 'Downloading', RUN: 'Running', INTERRUPT: 'Interrupted' } },
        Downloading: { on: { DOWNLOADED: 'Running', INTERRUPT: 'Interrupted' } },
        Running: { on: { RAN: 'Uploading', INTERRUPT: 'Interrupted' } },
        Uploading: { on: { UPLOADED: '#job.Completed', INTERRUPT: 'Interrupted' } },
        Interrupted: { on: { RESTART: 'Starting' } },
      },
    },
    Completed: { type: 'final' },
    Failed: { type: 'final' },
    Stopped: { type: 'final' },
  },
});

/** The job status (format.md section 5) of a machine state value. */
export const statusOf = (value: unknown): string =>
  typeof value === 'string' ? value : Object.keys(value as object)[0];

/** The secondary status (phase) of a machine state value: the InProgress sub-state, or the status itself. */
export const phaseOf = (value: unknown): string =>
  typeof value === 'string' ? value : String(Object.values(value as Record<string, unknown>)[0]);
