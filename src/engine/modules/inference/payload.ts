import { round } from '../../util';
import { PAYLOAD_ERRORS } from './constants';

/** The message values of a payload-too-large rejection on an endpoint kind. */
export function payloadVars(kind: string, variant: string, sizeMB: number): Record<string, string | number> {
  const e = PAYLOAD_ERRORS[kind as keyof typeof PAYLOAD_ERRORS];
  return {
    status: e.status,
    detail: e.detail,
    variant,
    sizeMB: round(sizeMB, 2),
    limitMB: e.limitMB,
    endpointType: e.endpointType,
  };
}
