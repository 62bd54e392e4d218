/**
 * Non-instance prices and cost helpers.
 *
 * All figures are APPROXIMATE AWS list prices for us-east-1 in USD, checked 2026, for
 * teaching only: they make the simulator's cost comparisons point the same way the
 * exam's answers do, not quote a bill. Instance-hour prices live in ./instances.
 *
 * The catalog imports nothing but itself.
 */
import { INSTANCE_TYPES, instanceType } from './instances';

/** Instance type whose price is used when a type is unknown. */
export const FALLBACK_INSTANCE_TYPE = 'ml.m5.xlarge';

export const PRICES = {
  /** Serverless inference compute: USD per GB-second of configured memory while serving (1024 MB ≈ $0.00002/s). */
  serverlessPerGBSecondUSD: 0.00002,
  /** Serverless provisioned concurrency, idle: USD per GB-second of provisioned memory. */
  serverlessProvisionedPerGBSecondUSD: 0.0000048,
  /** Serverless inference per-request charge: USD per request. There is none (0): compute is billed by GB-second. */
  serverlessPerRequestUSD: 0,
  /** Serverless inference data processed (in + out): USD per GB. */
  dataProcessedPerGBUSD: 0.016,

  /** Typical managed spot training saving: fraction (0–1) of the on-demand price saved. */
  spotDiscount: 0.7,
  /** Largest spot saving the sheet quotes ("up to 90%"): fraction (0–1). */
  maxSpotDiscount: 0.9,
  /**
   * SageMaker Savings Plans: the largest saving off on-demand, fraction (0–1), "up to 64%". An UPPER BOUND: the real
   * rate depends on the instance family, the Region, the term and the payment option; SageSim applies it to all
   * eligible usage, whatever the term, as no page we could read states the rates per term or payment option.
   */
  savingsPlanMaxDiscount: 0.64,

  /** NAT gateway: USD per gateway-hour. */
  natGatewayPerHourUSD: 0.045,
  /** NAT gateway data processed: USD per GB. */
  natPerGBProcessedUSD: 0.045,
  /** Interface VPC endpoint (PrivateLink): USD per endpoint-hour, per AZ. */
  interfaceEndpointPerHourUSD: 0.01,
  /** Interface VPC endpoint data processed: USD per GB (first PB tier). */
  interfaceEndpointPerGBUSD: 0.01,
  /** S3 (and DynamoDB) gateway endpoint: USD, free (0) — no hourly or per-GB charge. */
  s3GatewayEndpointUSD: 0,

  /** Ground Truth human labelling: USD per labelled object (first 50k objects/month tier). */
  groundTruthPerObjectUSD: 0.08,
  /**
   * Ground Truth automated data labelling (active learning) saving: fraction (0–1) of labelling cost, the sheet's "up
   * to ~70%".
   */
  groundTruthActiveLearningSaving: 0.7,

  /** Data Wrangler (default ml.m5.4xlarge): USD per instance-hour. */
  dataWranglerPerHourUSD: 0.922,

  /** Lambda: USD per request ($0.20 per million). */
  lambdaPerRequestUSD: 0.0000002,
  /** Lambda compute (x86): USD per GB-second. */
  lambdaPerGBSecondUSD: 0.0000166667,

  /** S3 Standard storage: USD per GB-month (first 50 TB tier). */
  s3PerGBMonthUSD: 0.023,

  /**
   * Asynchronous inference per-request charge: USD per request. There is none (0):
   * async endpoints bill only instance-hours (and can scale to zero instances when the
   * queue is empty, then cost nothing).
   */
  asyncPerRequestUSD: 0,
  /** Note (flag): async endpoints bill only their instances' hours, nothing per request. */
  asyncOnlyBillsInstances: true,
} as const;

export type Prices = typeof PRICES;

/**
 * How a price was checked: against an AWS pricing page we could read, or not confirmed there (kept as the sheet-era
 * figure).
 */
export interface PriceCheck {
  source: string;
  /** Date of the audit (issue 12). */
  checked: string;
  /**
   * 'aws-page': the figure appears on the AWS page read that day; 'unconfirmed': that page was not available to read.
   */
  status: 'aws-page' | 'unconfirmed';
  note?: string;
}

const AUDIT = '2026-12-01';
const SM = 'https://aws.amazon.com/sagemaker/pricing/';
const unconfirmed = (source: string, note?: string): PriceCheck => ({
  source,
  checked: AUDIT,
  status: 'unconfirmed',
  ...(note ? { note } : {}),
});
const onPage = (source: string, note?: string): PriceCheck => ({
  source,
  checked: AUDIT,
  status: 'aws-page',
  ...(note ? { note } : {}),
});

/**
 * The source and audit date of every price above (issue 12: "record each price's source and date beside it").
 * Only the Lambda, PrivateLink data-processing and gateway-endpoint figures could be read on AWS's own pages
 * on the audit date; the others match third-party 2026 references where noted and stay approximate.
 */
export const PRICE_AUDIT: Readonly<Record<keyof Prices, PriceCheck>> = {
  serverlessPerGBSecondUSD: unconfirmed(SM),
  serverlessProvisionedPerGBSecondUSD: unconfirmed(SM),
  serverlessPerRequestUSD: unconfirmed(SM, 'serverless inference bills compute duration and data processed'),
  dataProcessedPerGBUSD: unconfirmed(SM),
  spotDiscount: unconfirmed(SM, 'a typical saving, not a price; AWS quotes "up to 90%"'),
  maxSpotDiscount: unconfirmed(SM, 'the sheet\'s "up to 90%"'),
  savingsPlanMaxDiscount: unconfirmed(
    'https://aws.amazon.com/savingsplans/ml-pricing/',
    'AWS\'s "up to 64%" could not be read on an AWS page on the audit date; third-party 2026 pages agree on ' +
      '"up to 64%" (https://cloudburn.io/blog/sagemaker-ai-savings-plans, ' +
      'https://www.redresscompliance.com/aws-sagemaker-savings-plans-ml-cost.html). An upper bound, not a rate',
  ),
  natGatewayPerHourUSD: unconfirmed(
    'https://aws.amazon.com/vpc/pricing/',
    'third-party 2026 references agree: $0.045 per hour in us-east-1',
  ),
  natPerGBProcessedUSD: unconfirmed(
    'https://aws.amazon.com/vpc/pricing/',
    'third-party 2026 references agree: $0.045 per GB in us-east-1',
  ),
  interfaceEndpointPerHourUSD: unconfirmed(
    'https://aws.amazon.com/privatelink/pricing/',
    'third-party 2026 references agree: $0.01 per endpoint per AZ-hour',
  ),
  interfaceEndpointPerGBUSD: onPage('https://aws.amazon.com/privatelink/pricing/', 'first 1 PB tier: $0.01 per GB'),
  s3GatewayEndpointUSD: onPage('https://aws.amazon.com/privatelink/pricing/', 'gateway endpoints carry no charge'),
  groundTruthPerObjectUSD: unconfirmed('https://aws.amazon.com/sagemaker/groundtruth/pricing/'),
  groundTruthActiveLearningSaving: unconfirmed(
    'https://aws.amazon.com/sagemaker/groundtruth/pricing/',
    "the sheet's figure (AWS marketing), not a price",
  ),
  dataWranglerPerHourUSD: unconfirmed(SM, 'ml.m5.4xlarge'),
  lambdaPerRequestUSD: onPage('https://aws.amazon.com/lambda/pricing/', '$0.20 per 1 million requests'),
  lambdaPerGBSecondUSD: onPage('https://aws.amazon.com/lambda/pricing/', '$0.00001667 per GB-second (x86)'),
  s3PerGBMonthUSD: unconfirmed('https://aws.amazon.com/s3/pricing/'),
  asyncPerRequestUSD: unconfirmed(SM, 'async inference bills instance hours only'),
  asyncOnlyBillsInstances: unconfirmed(SM),
};

/**
 * Third-party figures for SageMaker instance-hours (us-east-1, real-time inference) found on the audit date, compared
 * with the catalog's (instances.ts). Not AWS's word: the notes say where they agree or not.
 */
const INSTANCE_PRICE_NOTES: Readonly<Record<string, string>> = {
  'ml.t3.medium': 'agrees with https://www.wring.co/blog/aws-sagemaker-inference-guide (March 2026: $0.05/h)',
  'ml.m5.xlarge':
    'https://zircon.tech/blog/the-real-cost-of-running-ai-models-on-aws-sagemaker-inference-deep-dive gives ' +
    '$0.269/h (October 2025), not $0.23',
  'ml.g5.xlarge':
    'zircon.tech (October 2025) gives about $1.41/h (agrees); ' +
    'https://www.wring.co/blog/aws-sagemaker-inference-guide gives $1.21/h',
  'ml.g5.2xlarge': 'agrees with https://www.wring.co/blog/aws-sagemaker-inference-guide (March 2026: $1.52/h)',
  'ml.p4d.24xlarge': 'agrees with https://www.wring.co/blog/aws-sagemaker-inference-guide (March 2026: $37.69/h)',
  'ml.inf2.xlarge': 'https://www.wring.co/blog/aws-sagemaker-inference-guide gives $0.76/h (March 2026), not $0.99',
};

/**
 * The source and audit date of every SageMaker instance-hour price (instances.ts), issue 12. None is confirmed:
 * on 2026-12-01 no AWS page with the instance price tables could be read (https://aws.amazon.com/sagemaker/pricing/
 * renders its tables with scripts; the stored copies hold only the free-tier text), so every figure stays
 * "unconfirmed" with the third-party comparison where one was found. Replace an entry with `onPage` only after
 * reading the figure on AWS's page.
 */
export const INSTANCE_PRICE_AUDIT: Readonly<Record<string, PriceCheck>> = Object.fromEntries(
  INSTANCE_TYPES.map((t) => [
    t.name,
    unconfirmed(
      SM,
      INSTANCE_PRICE_NOTES[t.name] ?? 'no AWS or third-party figure for this size was found on the audit date',
    ),
  ]),
);

/** Where the figures above come from. */
export const PRICE_SOURCES: readonly { what: string; url: string }[] = [
  {
    what:
      'SageMaker pricing: instances, serverless inference (GB-s, provisioned concurrency, data processed), ' +
      'managed spot, Data Wrangler',
    url: 'https://aws.amazon.com/sagemaker/pricing/',
  },
  { what: 'VPC pricing: NAT gateway per hour and per GB processed', url: 'https://aws.amazon.com/vpc/pricing/' },
  {
    what: 'AWS PrivateLink pricing: interface endpoints per AZ-hour and per GB; gateway endpoints are free',
    url: 'https://aws.amazon.com/privatelink/pricing/',
  },
  {
    what: 'SageMaker Ground Truth pricing: per labelled object',
    url: 'https://aws.amazon.com/sagemaker/groundtruth/pricing/',
  },
  { what: 'AWS Lambda pricing: per request and per GB-second', url: 'https://aws.amazon.com/lambda/pricing/' },
  { what: 'Amazon S3 pricing: Standard storage per GB-month', url: 'https://aws.amazon.com/s3/pricing/' },
  {
    what: 'SageMaker Savings Plans: up to 64% off eligible SageMaker usage for a 1- or 3-year $/hour commitment',
    url: 'https://aws.amazon.com/savingsplans/ml-pricing/',
  },
];

/**
 * SageMaker Savings Plans, the facts SageSim uses besides the discount (PRICES.savingsPlanMaxDiscount). Sources:
 * - a plan is a commitment to "a consistent amount of usage per hour … for a term of one or three years" in exchange
 *   for a lower price (https://docs.aws.amazon.com/cli/latest/reference/savingsplans/index.md);
 * - savingsPlanType `Compute | EC2Instance | SageMaker`, paymentOption `All Upfront | Partial Upfront | No Upfront`,
 *   `commitment` "the hourly commitment amount" (https://docs.aws.amazon.com/savingsplans/latest/APIReference/
 *   API_SavingsPlan.html); CreateSavingsPlan's commitment is "between 0.001 and 1 million"
 *   (https://docs.aws.amazon.com/goto/cli2/savingsplans-2019-06-28/CreateSavingsPlan);
 * - Cost Explorer reports `UnusedCommitment` ("commitment that wasn't consumed from Savings Plans eligible usage") and
 *   `UtilizationPercentage` = UsedCommitment / TotalCommitment
 *   (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_SavingsPlansUtilization.html): the
 *   commitment is billed whether used or not;
 * - usage beyond the commitment is billed at on-demand rates: stated by third-party pages
 *   (https://cloudburn.io/blog/sagemaker-ai-savings-plans), not on an AWS page we could read;
 * - what it covers (SageMaker instance usage: training, real-time, serverless and asynchronous inference, batch
 *   transform, processing, Data Wrangler, notebooks; not EC2, Fargate or Lambda): third-party pages
 *   (https://www.factualminds.com/blog/aws-sagemaker-ai-savings-plans-commitment-flexibility/,
 *   https://www.redresscompliance.com/aws-sagemaker-savings-plans-ml-cost.html), not on an AWS page we could read.
 * SageSim's own: managed spot training is billed at its spot price and draws nothing from the plan (no page we
 * could read says whether spot usage counts against a SageMaker Savings Plan).
 */
export const SAVINGS_PLAN = {
  terms: ['1yr', '3yr'],
  paymentOptions: ['No Upfront', 'Partial Upfront', 'All Upfront'],
  minCommitmentUSDPerHour: 0.001,
  maxCommitmentUSDPerHour: 1_000_000,
} as const;

const nonNegative = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/**
 * Cost in USD of running `count` instances of `type` for `seconds` seconds.
 * Unknown types are priced as ml.m5.xlarge. With `spot`, the typical managed spot
 * saving (PRICES.spotDiscount) is taken off. Negative or non-finite inputs count as 0.
 */
export function instanceCostUSD(type: string, seconds: number, count = 1, spot = false): number {
  const perHour = (instanceType(type) ?? instanceType(FALLBACK_INSTANCE_TYPE)!).pricePerHourUSD;
  const factor = spot ? 1 - PRICES.spotDiscount : 1;
  return (perHour / 3600) * nonNegative(seconds) * nonNegative(count) * factor;
}

/**
 * Cost in USD of a serverless endpoint with `memoryMB` MB of memory that is busy
 * (serving) for `busySeconds` seconds: GB-seconds × PRICES.serverlessPerGBSecondUSD.
 * Data-processed charges are not included.
 */
export function serverlessCostUSD(memoryMB: number, busySeconds: number): number {
  return (nonNegative(memoryMB) / 1024) * nonNegative(busySeconds) * PRICES.serverlessPerGBSecondUSD;
}

/**
 * Cost in USD of one NAT gateway running for `seconds` seconds and processing
 * `gbProcessed` GB: hours × natGatewayPerHourUSD + GB × natPerGBProcessedUSD.
 */
export function natCostUSD(seconds: number, gbProcessed: number): number {
  return (
    (nonNegative(seconds) / 3600) * PRICES.natGatewayPerHourUSD + nonNegative(gbProcessed) * PRICES.natPerGBProcessedUSD
  );
}
