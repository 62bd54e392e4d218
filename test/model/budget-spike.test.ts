import { describe, expect, it } from 'vitest';
import { trafficSpike } from '../../src/model/budget';
import { faultSchema } from '../../src/model/schema';
import { LIMITS } from '../../src/catalog/limits';

// budget.ts checks traffic spikes by hand (no zod on the page's first screen): it must accept exactly what the
// schema's traffic-spike branch accepts, and give the same fields.
const base = { kind: 'traffic-spike', atSec: 10, node: 'client-1' };
const cases: unknown[] = [
  base,
  { ...base, factor: 3, durationSec: 60 },
  { ...base, factor: 0, durationSec: 0 },
  { ...base, factor: 1000, durationSec: LIMITS.durationSec },
  { ...base, factor: 1000.5 },
  { ...base, factor: -1 },
  { ...base, factor: NaN },
  { ...base, factor: Infinity },
  { ...base, factor: '3' },
  { ...base, factor: undefined },
  { ...base, durationSec: LIMITS.durationSec + 1 },
  { ...base, durationSec: -0 },
  { ...base, atSec: -1 },
  { ...base, atSec: LIMITS.durationSec },
  { ...base, atSec: LIMITS.durationSec + 1 },
  { ...base, atSec: Infinity },
  { ...base, atSec: undefined },
  { ...base, atSec: '10' },
  { ...base, node: 'Client' },
  { ...base, node: '-a' },
  { ...base, node: 'a'.repeat(64) },
  { ...base, node: 'a'.repeat(65) },
  { ...base, node: 7 },
  { ...base, extra: 1 },
  { ...base, extra: undefined },
  { ...base, kind: 'spot-interruption' },
  { ...base, kind: 'large-payloads', sizeMB: 3 },
  { kind: 'traffic-spike' },
  null,
  [],
  'traffic-spike',
  42,
];

describe('trafficSpike (budget.ts) agrees with faultSchema', () => {
  it.each(cases.map((c, i) => [i, c]))('case %i', (_, raw) => {
    const r = faultSchema.safeParse(raw);
    const want = r.success && r.data.kind === 'traffic-spike' ? r.data : null;
    expect(trafficSpike(raw)).toEqual(want);
  });
  it('refuses a wrong value and accepts a right one (the comparison can fail)', () => {
    expect(trafficSpike({ ...base, factor: 2000 })).toBeNull();
    expect(trafficSpike(base)).toEqual(base);
  });
});
