/** One production variant's invocations so far, as the live view reads them from an endpoint's `extra.variants`. */
export interface VariantCount {
  name: string;
  weight: number;
  requests: number;
}

/**
 * The production variants of a real-time endpoint with two or more of them (an A/B test), with their current weight
 * and invocations, from the node's live `extra.variants` (engine realtime.ts); null for any other node. Shadow
 * variants are left out: their copies never reach a caller.
 */
export function variantCounts(extra: Record<string, unknown>): VariantCount[] | null {
  const vs = extra.variants;
  if (!vs || typeof vs !== 'object') return null;
  const out: VariantCount[] = [];
  for (const [name, v] of Object.entries(vs as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const x = v as { weight?: unknown; requests?: unknown; shadow?: unknown };
    if (x.shadow === true) continue;
    out.push({ name, weight: Number(x.weight ?? 0), requests: Number(x.requests ?? 0) });
  }
  return out.length >= 2 ? out : null;
}
