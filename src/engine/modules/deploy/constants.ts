/**
 * Timings of a blue/green endpoint update. Sources:
 * https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html (green fleet, baking, rollback)
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html (WaitIntervalInSeconds 0–3600)
 */
export const DEPLOY = {
  /**
   * Seconds to provision the green fleet before any traffic shifts: the same 120 s the endpoints module takes for an
   * UpdateEndpoint (a simulator figure; AWS gives no fixed time, real fleets take minutes).
   */
  provisionSec: 120,
} as const;
