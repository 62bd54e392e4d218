import { describe, expect, it } from 'vitest';
import { INSTANCE_SOURCES, INSTANCE_TYPES, instanceType } from './instances';
import {
  FALLBACK_INSTANCE_TYPE,
  INSTANCE_PRICE_AUDIT,
  PRICES,
  PRICE_SOURCES,
  instanceCostUSD,
  natCostUSD,
  serverlessCostUSD,
} from './prices';

describe('instance catalog', () => {
  it('looks instance types up by name', () => {
    expect(instanceType('ml.m5.large')?.pricePerHourUSD).toBeCloseTo(0.115, 3);
    expect(instanceType('ml.m5.xlarge')?.pricePerHourUSD).toBeCloseTo(0.23, 3);
    expect(instanceType('ml.g4dn.xlarge')?.gpuModel).toBe('T4');
    expect(instanceType('ml.p3.2xlarge')?.pricePerHourUSD).toBeCloseTo(3.825, 3);
    expect(instanceType('ml.p4d.24xlarge')?.gpus).toBe(8);
    expect(instanceType('ml.nope.xlarge')).toBeUndefined();
  });

  it('has unique, well-formed names and positive figures', () => {
    const names = INSTANCE_TYPES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of INSTANCE_TYPES) {
      expect(t.name).toMatch(/^ml\.[a-z0-9]+\.[a-z0-9]+$/);
      expect(t.vcpu).toBeGreaterThan(0);
      expect(t.memoryGiB).toBeGreaterThan(0);
      expect(t.pricePerHourUSD).toBeGreaterThan(0);
    }
  });

  it('covers the families learners meet', () => {
    for (const n of [
      'ml.t2.medium',
      'ml.t3.xlarge',
      'ml.m5.24xlarge',
      'ml.m5d.4xlarge',
      'ml.c5.18xlarge',
      'ml.c5d.large',
      'ml.r5.4xlarge',
      'ml.g4dn.12xlarge',
      'ml.g5.48xlarge',
      'ml.p3.16xlarge',
      'ml.p3dn.24xlarge',
      'ml.p5.48xlarge',
      'ml.inf1.xlarge',
      'ml.inf2.xlarge',
      'ml.trn1.2xlarge',
      'ml.trn1.32xlarge',
      'ml.m6i.large',
      'ml.c6i.xlarge',
    ])
      expect(instanceType(n), n).toBeDefined();
  });

  it('gives every GPU instance GPUs and GPU memory, and every other instance none', () => {
    const gpuFamilies = /^ml\.(g4dn|g5|p3|p3dn|p4d|p5)\./;
    for (const t of INSTANCE_TYPES) {
      if (gpuFamilies.test(t.name)) {
        expect(t.gpuModel, t.name).not.toBeNull();
        expect(t.gpus, t.name).toBeGreaterThan(0);
        expect(t.gpuMemoryGiB, t.name).toBeGreaterThan(0);
      } else {
        expect(t.gpuModel, t.name).toBeNull();
        expect(t.gpus, t.name).toBe(0);
        expect(t.gpuMemoryGiB, t.name).toBe(0);
      }
    }
  });

  it('records the GPU facts per family', () => {
    const expected: Record<string, [string, number]> = {
      g4dn: ['T4', 16],
      g5: ['A10G', 24],
      p3: ['V100', 16],
      p3dn: ['V100', 32],
      p4d: ['A100', 40],
      p5: ['H100', 80],
    };
    for (const t of INSTANCE_TYPES) {
      const e = expected[t.name.split('.')[1]];
      if (e) expect([t.gpuModel, t.gpuMemoryGiB], t.name).toEqual(e);
    }
    expect(instanceType('ml.g4dn.12xlarge')?.gpus).toBe(4);
    expect(instanceType('ml.g5.48xlarge')?.gpus).toBe(8);
    expect(instanceType('ml.p3.8xlarge')?.gpus).toBe(4);
    expect(instanceType('ml.p5.48xlarge')?.gpus).toBe(8);
  });

  it('marks local-NVMe instances (no KMS key on their storage volume)', () => {
    for (const n of [
      'ml.m5d.large',
      'ml.m5d.4xlarge',
      'ml.c5d.xlarge',
      'ml.g4dn.xlarge',
      'ml.g5.xlarge',
      'ml.p3dn.24xlarge',
      'ml.p4d.24xlarge',
      'ml.p5.48xlarge',
    ]) {
      expect(instanceType(n)?.localNvme, n).toBe(true);
    }
    for (const t of INSTANCE_TYPES) {
      if (/^ml\.(m5|c5|p3|t2|t3|r5|m6i|c6i)\./.test(t.name)) expect(t.localNvme, t.name).toBe(false);
    }
  });

  it('names its sources', () => {
    const urls = INSTANCE_SOURCES.map((s) => s.url);
    expect(urls).toContain('https://aws.amazon.com/sagemaker/pricing/');
    expect(urls).toContain('https://docs.aws.amazon.com/sagemaker/latest/dg/host-instance-storage.html');
  });
});

describe('prices', () => {
  it('has non-negative numeric prices and fractions within 0..1', () => {
    for (const [k, v] of Object.entries(PRICES)) {
      if (typeof v === 'number') expect(v, k).toBeGreaterThanOrEqual(0);
    }
    expect(PRICES.spotDiscount).toBeGreaterThan(0);
    expect(PRICES.spotDiscount).toBeLessThanOrEqual(PRICES.maxSpotDiscount);
    expect(PRICES.maxSpotDiscount).toBeLessThanOrEqual(0.9);
    expect(PRICES.groundTruthActiveLearningSaving).toBeLessThan(1);
    expect(PRICES.s3GatewayEndpointUSD).toBe(0);
    const urls = PRICE_SOURCES.map((s) => s.url);
    expect(urls).toContain('https://aws.amazon.com/vpc/pricing/');
    expect(urls).toContain('https://aws.amazon.com/privatelink/pricing/');
  });

  it('prices an instance-hour at the list price', () => {
    expect(instanceCostUSD('ml.m5.xlarge', 3600)).toBeCloseTo(0.23, 9);
    expect(instanceCostUSD('ml.p3.2xlarge', 1800)).toBeCloseTo(3.825 / 2, 9);
  });

  it('makes spot cheaper, by the documented discount', () => {
    for (const t of INSTANCE_TYPES) {
      const onDemand = instanceCostUSD(t.name, 3600);
      const spot = instanceCostUSD(t.name, 3600, 1, true);
      expect(spot, t.name).toBeLessThan(onDemand);
      expect(spot, t.name).toBeGreaterThanOrEqual(onDemand * (1 - PRICES.maxSpotDiscount) - 1e-12);
      expect(spot / onDemand).toBeCloseTo(1 - PRICES.spotDiscount, 9);
    }
  });

  it('falls back to ml.m5.xlarge for unknown types', () => {
    expect(FALLBACK_INSTANCE_TYPE).toBe('ml.m5.xlarge');
    expect(instanceCostUSD('ml.unknown.huge', 3600)).toBe(instanceCostUSD('ml.m5.xlarge', 3600));
    expect(instanceCostUSD('', 100, 3, true)).toBe(instanceCostUSD('ml.m5.xlarge', 100, 3, true));
  });

  it('scales instance cost linearly with seconds and count', () => {
    const one = instanceCostUSD('ml.g5.xlarge', 600);
    expect(instanceCostUSD('ml.g5.xlarge', 1200)).toBeCloseTo(2 * one, 12);
    expect(instanceCostUSD('ml.g5.xlarge', 600, 4)).toBeCloseTo(4 * one, 12);
    expect(instanceCostUSD('ml.g5.xlarge', 1800, 3)).toBeCloseTo(9 * one, 12);
    expect(instanceCostUSD('ml.g5.xlarge', 0, 5)).toBe(0);
  });

  it('prices serverless by GB-second, linearly', () => {
    expect(serverlessCostUSD(1024, 1)).toBeCloseTo(PRICES.serverlessPerGBSecondUSD, 12);
    expect(serverlessCostUSD(2048, 10)).toBeCloseTo(20 * PRICES.serverlessPerGBSecondUSD, 12);
    expect(serverlessCostUSD(4096, 300)).toBeCloseTo(2 * serverlessCostUSD(4096, 150), 12);
    expect(serverlessCostUSD(3072, 0)).toBe(0);
  });

  it('prices a NAT gateway by hour plus GB processed', () => {
    expect(natCostUSD(3600, 0)).toBeCloseTo(PRICES.natGatewayPerHourUSD, 12);
    expect(natCostUSD(0, 10)).toBeCloseTo(10 * PRICES.natPerGBProcessedUSD, 12);
    expect(natCostUSD(7200, 5)).toBeCloseTo(2 * natCostUSD(3600, 2.5), 12);
  });
});

describe('price audit (issue 12)', () => {
  it('records a source and an audit date beside every price', async () => {
    const { PRICES, PRICE_AUDIT } = await import('./prices');
    expect(Object.keys(PRICE_AUDIT).sort()).toEqual(Object.keys(PRICES).sort());
    for (const [k, c] of Object.entries(PRICE_AUDIT)) {
      expect(c.source, k).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(c.checked, k).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('instance price audit (issue 12)', () => {
  it('records a source, the audit date and a status for every instance type, and claims no AWS confirmation', () => {
    expect(Object.keys(INSTANCE_PRICE_AUDIT).sort()).toEqual(INSTANCE_TYPES.map((t) => t.name).sort());
    for (const [name, c] of Object.entries(INSTANCE_PRICE_AUDIT)) {
      expect(c.source, name).toBe('https://aws.amazon.com/sagemaker/pricing/');
      expect(c.checked, name).toBe('2026-12-01');
      expect(c.status, name).toBe('unconfirmed');
      expect(c.note, name).toBeTruthy();
    }
    // a third-party figure that disagrees is said plainly
    expect(INSTANCE_PRICE_AUDIT['ml.m5.xlarge'].note).toMatch(/\$0\.269\/h .*not \$0\.23/);
  });
});
