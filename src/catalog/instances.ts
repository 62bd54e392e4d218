/**
 * SageMaker ML instance types that learners meet on the exam, as pure data.
 *
 * Prices are APPROXIMATE SageMaker on-demand list prices for us-east-1, in USD per
 * instance-hour, checked 2026, for teaching only. They are the real-time inference
 * (hosting) price from the SageMaker pricing page; for these families the training
 * price is the same or within a few percent, so one number serves both. Never use
 * them to quote a bill: AWS changes prices, and Savings Plans, Regions and spot move them.
 * UNCONFIRMED: no price below could be read on an AWS page on 2026-12-01 (the audit, with third-party comparisons,
 * is INSTANCE_PRICE_AUDIT in ./prices).
 *
 * Hardware facts (vCPU, memory, GPU count and memory) follow the EC2 instance-type
 * pages for the matching EC2 type. Inferentia (inf1/inf2) and Trainium (trn1) chips
 * are accelerators, not GPUs: they are recorded with gpus 0 and gpuModel null.
 *
 * The catalog imports nothing but itself.
 */

export interface InstanceType {
  /** SageMaker name, e.g. "ml.m5.xlarge". */
  name: string;
  /** Virtual CPUs. */
  vcpu: number;
  /** Instance memory, GiB. */
  memoryGiB: number;
  /** Number of NVIDIA GPUs; 0 if none (Inferentia/Trainium chips are not counted). */
  gpus: number;
  /** Memory per GPU, GiB; 0 if none. */
  gpuMemoryGiB: number;
  /** GPU model ("T4", "A10G", "V100", "A100", "H100"), or null if none. */
  gpuModel: string | null;
  /**
   * The instance has local NVMe instance storage (e.g. m5d, c5d, r5d, g4dn, g5, p3dn,
   * p4d, p5, trn1). Such storage is always encrypted with a hardware module, so a KMS
   * key may not be given for its storage volume (VolumeKmsKeyId is rejected).
   */
  localNvme: boolean;
  /**
   * SageMaker on-demand price, us-east-1, USD per instance-hour (real-time inference
   * price; training is the same or close). Approximate, checked 2026, for teaching.
   */
  pricePerHourUSD: number;
}

/** Where the facts above come from. */
export const INSTANCE_SOURCES: readonly { what: string; url: string }[] = [
  {
    what: 'SageMaker on-demand prices, us-east-1 (real-time inference / training tabs); approximate, checked 2026',
    url: 'https://aws.amazon.com/sagemaker/pricing/',
  },
  {
    what: 'vCPU, memory, GPU model, GPU count and GPU memory per instance size',
    url: 'https://aws.amazon.com/ec2/instance-types/',
  },
  {
    what: 'Instance storage volumes: instances with local NVMe storage cannot take a KMS key for the storage volume',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html',
  },
  {
    what: 'ResourceConfig (InstanceType, InstanceCount, VolumeKmsKeyId rules for training jobs)',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html',
  },
];

/** Shorthand for a CPU-only instance. */
function cpu(name: string, vcpu: number, memoryGiB: number, pricePerHourUSD: number, localNvme = false): InstanceType {
  return { name, vcpu, memoryGiB, gpus: 0, gpuMemoryGiB: 0, gpuModel: null, localNvme, pricePerHourUSD };
}

/** Shorthand for a GPU instance. */
function gpu(
  name: string,
  vcpu: number,
  memoryGiB: number,
  gpus: number,
  gpuModel: string,
  gpuMemoryGiB: number,
  pricePerHourUSD: number,
  localNvme: boolean,
): InstanceType {
  return { name, vcpu, memoryGiB, gpus, gpuMemoryGiB, gpuModel, localNvme, pricePerHourUSD };
}

/** Every instance type the simulator knows, grouped by family. */
export const INSTANCE_TYPES: readonly InstanceType[] = [
  // Burstable, general purpose (EBS only). Notebook / small hosting.
  cpu('ml.t2.medium', 2, 4, 0.056),
  cpu('ml.t2.large', 2, 8, 0.111),
  cpu('ml.t2.xlarge', 4, 16, 0.223),
  cpu('ml.t3.medium', 2, 4, 0.05),
  cpu('ml.t3.large', 2, 8, 0.1),
  cpu('ml.t3.xlarge', 4, 16, 0.2),

  // General purpose m5 (EBS only).
  cpu('ml.m5.large', 2, 8, 0.115),
  cpu('ml.m5.xlarge', 4, 16, 0.23),
  cpu('ml.m5.2xlarge', 8, 32, 0.461),
  cpu('ml.m5.4xlarge', 16, 64, 0.922),
  cpu('ml.m5.12xlarge', 48, 192, 2.765),
  cpu('ml.m5.24xlarge', 96, 384, 5.53),

  // General purpose m5d (local NVMe).
  cpu('ml.m5d.large', 2, 8, 0.136, true),
  cpu('ml.m5d.xlarge', 4, 16, 0.271, true),
  cpu('ml.m5d.2xlarge', 8, 32, 0.542, true),
  cpu('ml.m5d.4xlarge', 16, 64, 1.085, true),

  // General purpose m6i (EBS only).
  cpu('ml.m6i.large', 2, 8, 0.115),
  cpu('ml.m6i.xlarge', 4, 16, 0.23),
  cpu('ml.m6i.2xlarge', 8, 32, 0.461),
  cpu('ml.m6i.4xlarge', 16, 64, 0.922),

  // Compute optimised c5 (EBS only).
  cpu('ml.c5.large', 2, 4, 0.102),
  cpu('ml.c5.xlarge', 4, 8, 0.204),
  cpu('ml.c5.2xlarge', 8, 16, 0.408),
  cpu('ml.c5.4xlarge', 16, 32, 0.816),
  cpu('ml.c5.9xlarge', 36, 72, 1.836),
  cpu('ml.c5.18xlarge', 72, 144, 3.672),

  // Compute optimised c5d (local NVMe).
  cpu('ml.c5d.large', 2, 4, 0.115, true),
  cpu('ml.c5d.xlarge', 4, 8, 0.23, true),
  cpu('ml.c5d.2xlarge', 8, 16, 0.461, true),
  cpu('ml.c5d.4xlarge', 16, 32, 0.922, true),
  cpu('ml.c5d.9xlarge', 36, 72, 2.074, true),
  cpu('ml.c5d.18xlarge', 72, 144, 4.147, true),

  // Compute optimised c6i (EBS only).
  cpu('ml.c6i.large', 2, 4, 0.102),
  cpu('ml.c6i.xlarge', 4, 8, 0.204),
  cpu('ml.c6i.2xlarge', 8, 16, 0.408),
  cpu('ml.c6i.4xlarge', 16, 32, 0.816),

  // Memory optimised r5 (EBS only).
  cpu('ml.r5.large', 2, 16, 0.151),
  cpu('ml.r5.xlarge', 4, 32, 0.302),
  cpu('ml.r5.2xlarge', 8, 64, 0.605),
  cpu('ml.r5.4xlarge', 16, 128, 1.21),

  // GPU g4dn: NVIDIA T4, 16 GiB each (local NVMe).
  gpu('ml.g4dn.xlarge', 4, 16, 1, 'T4', 16, 0.736, true),
  gpu('ml.g4dn.2xlarge', 8, 32, 1, 'T4', 16, 1.052, true),
  gpu('ml.g4dn.4xlarge', 16, 64, 1, 'T4', 16, 1.686, true),
  gpu('ml.g4dn.8xlarge', 32, 128, 1, 'T4', 16, 3.046, true),
  gpu('ml.g4dn.12xlarge', 48, 192, 4, 'T4', 16, 5.477, true),

  // GPU g5: NVIDIA A10G, 24 GiB each (local NVMe).
  gpu('ml.g5.xlarge', 4, 16, 1, 'A10G', 24, 1.408, true),
  gpu('ml.g5.2xlarge', 8, 32, 1, 'A10G', 24, 1.515, true),
  gpu('ml.g5.4xlarge', 16, 64, 1, 'A10G', 24, 2.03, true),
  gpu('ml.g5.8xlarge', 32, 128, 1, 'A10G', 24, 3.06, true),
  gpu('ml.g5.12xlarge', 48, 192, 4, 'A10G', 24, 7.09, true),
  gpu('ml.g5.16xlarge', 64, 256, 1, 'A10G', 24, 5.12, true),
  gpu('ml.g5.24xlarge', 96, 384, 4, 'A10G', 24, 10.18, true),
  gpu('ml.g5.48xlarge', 192, 768, 8, 'A10G', 24, 20.36, true),

  // GPU p3: NVIDIA V100, 16 GiB each (EBS only).
  gpu('ml.p3.2xlarge', 8, 61, 1, 'V100', 16, 3.825, false),
  gpu('ml.p3.8xlarge', 32, 244, 4, 'V100', 16, 14.688, false),
  gpu('ml.p3.16xlarge', 64, 488, 8, 'V100', 16, 28.152, false),
  // GPU p3dn: NVIDIA V100, 32 GiB each (local NVMe).
  gpu('ml.p3dn.24xlarge', 96, 768, 8, 'V100', 32, 35.894, true),

  // GPU p4d: NVIDIA A100, 40 GiB each (local NVMe).
  gpu('ml.p4d.24xlarge', 96, 1152, 8, 'A100', 40, 37.688, true),

  // GPU p5: NVIDIA H100, 80 GiB each (local NVMe).
  gpu('ml.p5.48xlarge', 192, 2048, 8, 'H100', 80, 113.068, true),

  // AWS Inferentia (hosting only; accelerators, not GPUs; EBS only).
  cpu('ml.inf1.xlarge', 4, 8, 0.297),
  cpu('ml.inf2.xlarge', 4, 16, 0.99),

  // AWS Trainium (training; accelerators, not GPUs; local NVMe).
  cpu('ml.trn1.2xlarge', 8, 32, 1.5435, true),
  cpu('ml.trn1.32xlarge', 128, 512, 24.725, true),
];

const BY_NAME: ReadonlyMap<string, InstanceType> = new Map(INSTANCE_TYPES.map((t) => [t.name, t]));

/** The instance type of that SageMaker name ("ml.m5.xlarge"), or undefined if unknown. */
export function instanceType(name: string): InstanceType | undefined {
  return BY_NAME.get(name);
}
