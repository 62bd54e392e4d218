import { describe, expect, it } from 'vitest';
import { variantCounts } from './variantsView';

describe('variantCounts', () => {
  it('lists the production variants of an A/B endpoint with weight and invocations, leaving out the shadow', () => {
    const extra = {
      variants: {
        champion: { weight: 1, requests: 900, ok: 900 },
        challenger: { weight: 0, requests: 100, ok: 99 },
        shadow: { weight: 0, shadow: true, requests: 1000 },
      },
    };
    expect(variantCounts(extra)).toEqual([
      { name: 'champion', weight: 1, requests: 900 },
      { name: 'challenger', weight: 0, requests: 100 },
    ]);
  });

  it('is null for one production variant (with or without a shadow) and for nodes without variants', () => {
    expect(variantCounts({ variants: { a: { weight: 1, requests: 5 }, s: { shadow: true, requests: 5 } } })).toBeNull();
    expect(variantCounts({})).toBeNull();
    expect(variantCounts({ variants: 3 })).toBeNull();
  });
});
