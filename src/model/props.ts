import { z } from './zod';
import type { Kind, PropDef } from '../catalog/types';
import { kindDef } from '../catalog/kinds';
import { installPropCheck } from './prop-check';

/** Target-tracking autoscaling of a real-time endpoint. */
export const autoscalingSchema = z
  .strictObject({
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(1).max(100),
    targetInvocationsPerInstance: z.number().positive().max(1_000_000),
    /** Our own additions: cooldowns (AWS default 300 s each). */
    scaleOutCooldownSec: z.number().min(0).max(86_400).optional(),
    scaleInCooldownSec: z.number().min(0).max(86_400).optional(),
  })
  .refine((a) => a.max >= a.min, { message: 'max must be at least min', path: ['max'] });
export type Autoscaling = z.infer<typeof autoscalingSchema>;

/**
 * Deployment guardrails of a real-time endpoint, after UpdateEndpoint's DeploymentConfig: BlueGreenUpdatePolicy
 * (TrafficRoutingConfiguration Type, WaitIntervalInSeconds 0–3600, CanarySize / LinearStepSize as CAPACITY_PERCENT:
 * a canary ≤ 50 %, a linear step 10–50 %; TerminationWaitInSeconds 0–3600) and AutoRollbackConfiguration.Alarms
 * (1–10 alarm names: here the ids of cloudwatch nodes).
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
 */
export const deploymentSchema = z
  .strictObject({
    type: z.enum(['all-at-once', 'canary', 'linear']),
    /** CapacitySize as CAPACITY_PERCENT: the canary, or each linear step. Ignored all at once. */
    sizePercent: z.number().min(1).max(50).optional(),
    waitIntervalSec: z.number().int().min(0).max(3600),
    terminationWaitSec: z.number().int().min(0).max(3600).optional(),
    rollbackAlarms: z.array(z.string().max(64)).max(10).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.type === 'canary' && d.sizePercent === undefined)
      ctx.addIssue({ code: 'custom', path: ['sizePercent'], message: 'a canary needs sizePercent (at most 50)' });
    if (d.type === 'linear' && (d.sizePercent === undefined || d.sizePercent < 10))
      ctx.addIssue({ code: 'custom', path: ['sizePercent'], message: 'a linear step is 10 to 50 percent' });
  });
export type Deployment = z.infer<typeof deploymentSchema>;

const variantSchema = z.strictObject({
  name: z.string().min(1).max(63),
  weight: z.number().min(0).max(1_000),
  shadow: z.boolean().optional(),
  /** v1.1: the share of requests a shadow variant receives (ShadowModelVariantConfig.SamplingPercentage). */
  samplingPercentage: z.number().int().min(1).max(100).optional(),
  /** Our own additions: per-variant instances and model latency. */
  instanceType: z.string().min(1).max(40).optional(),
  instanceCount: z.number().int().min(1).max(100).optional(),
  modelLatencyMs: z.number().min(0).max(600_000).optional(),
});
export const variantsSchema = z
  .array(variantSchema)
  .min(1)
  .max(10)
  .superRefine((vs, ctx) => {
    const seen = new Set<string>();
    vs.forEach((v, i) => {
      if (seen.has(v.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate variant name "${v.name}"` });
      seen.add(v.name);
    });
    if (!vs.some((v) => !v.shadow && v.weight > 0))
      ctx.addIssue({ code: 'custom', message: 'at least one non-shadow variant needs a weight above 0' });
    // A shadow test is one production variant and one shadow variant (ShadowProductionVariants takes one).
    const shadows = vs.filter((v) => v.shadow).length;
    if (shadows > 1)
      ctx.addIssue({ code: 'custom', message: `at most one shadow variant per endpoint, got ${shadows}` });
    if (shadows && vs.length - shadows !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `an endpoint with a shadow variant has exactly one production variant, got ${vs.length - shadows}`,
      });
    vs.forEach((v, i) => {
      if (!v.shadow && v.samplingPercentage !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'samplingPercentage'],
          message: 'samplingPercentage is for a shadow variant only',
        });
    });
  });
export type Variant = z.infer<typeof variantSchema>;

/** The zod schema of one prop, from its catalog definition. */
export function propSchema(p: PropDef): z.ZodType {
  let s: z.ZodType;
  switch (p.type) {
    case 'number': {
      let n = z.number().finite();
      if (p.integer) n = n.int();
      if (p.min !== undefined) n = n.min(p.min);
      if (p.max !== undefined) n = n.max(p.max);
      s = n;
      if (p.step !== undefined && p.min !== undefined) {
        const { step, min } = p;
        s = n.refine((v) => Number.isInteger((v - min) / step), {
          message: `must be ${min} plus a multiple of ${step}`,
        });
      }
      break;
    }
    case 'boolean':
      s = z.boolean();
      break;
    case 'enum':
      s = z.enum(p.options as [string, ...string[]]);
      break;
    case 'string':
      s = z.string().max(p.maxLength ?? 1000);
      break;
    case 'ref':
      s = z.string().max(64);
      break;
    case 'string-list':
      s = z
        .array(p.options ? z.enum(p.options as [string, ...string[]]) : z.string().max(2048))
        .max(p.maxItems ?? 1000);
      break;
    case 'autoscaling':
      return autoscalingSchema.nullable();
    case 'variants':
      return variantsSchema;
    case 'deployment':
      return deploymentSchema.nullable();
  }
  const nullable = p.type === 'ref' || ('nullable' in p && p.nullable);
  return nullable ? s.nullable() : s;
}

const propsSchemas = new Map<Kind, z.ZodType>();

/**
 * The schema of a kind's `props`: a strict object of optional props (every prop has a default). Built on first use
 * and kept, so a call of the runner builds only the kinds its file uses.
 */
export function propsSchema(kind: Kind): z.ZodType {
  let s = propsSchemas.get(kind);
  if (!s) {
    const props = kindDef(kind).props;
    s = z.strictObject(Object.fromEntries(Object.entries(props).map(([name, p]) => [name, propSchema(p).optional()])));
    propsSchemas.set(kind, s);
  }
  return s;
}

installPropCheck((def, value) => {
  const ok = propSchema(def).safeParse(value);
  return ok.success ? undefined : (ok.error.issues[0]?.message ?? 'invalid value');
});
