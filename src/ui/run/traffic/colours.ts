import type { Flow, Outcomes } from '../../../worker/protocol';

/** Dot colours by outcome (also the legend). */
export const OUTCOME_COLOURS: Record<keyof Outcomes, string> = {
  ok: '#1f9d55',
  cold: '#7c4dff',
  rejected: '#d7263d',
  throttled: '#f08c00',
  timedOut: '#a0207a',
  failed: '#6b1d1d',
};
export const OUTCOME_LABELS: Record<keyof Outcomes, string> = {
  ok: 'ok',
  cold: 'cold load',
  rejected: 'rejected',
  throttled: 'throttled',
  timedOut: 'timed out',
  failed: 'failed',
};
/** The outcomes in drawing order (a dot stores its outcome's index). */
export const OUTCOME_KEYS = Object.keys(OUTCOME_COLOURS) as (keyof Outcomes)[];
/** Control-lens colours by what travels (also the legend). */
export const FLOW_KIND_COLOURS: Record<Flow['kind'], string> = {
  image: '#e07b00',
  data: '#3f8624',
  model: '#8c4fff',
  event: '#0f8f8f',
  broken: '#d7263d',
};
