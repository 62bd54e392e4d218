/**
 * A/B tests on a live real-time endpoint (issue 17): the client's targetVariant (InvokeEndpoint TargetVariant) pins
 * its requests to one production variant, overriding the weights; the update-weights action
 * (UpdateEndpointWeightsAndCapacities) changes the weights during the run. Per-variant invocations are in the report.
 */
import { describe, expect, it } from 'vitest';
import { loadJson } from '../../../src/model/load';
import { arch, edge, fault, node, run } from '../../harness';

type Variants = Record<string, { weight: number; requests: number; ok: number }>;
const VARIANTS = [
  { name: 'champion', weight: 1 },
  { name: 'challenger', weight: 0 },
];
const ep = (variants: unknown = VARIANTS) => node('ep', 'realtime-endpoint', { instanceCount: 2, variants });

describe('TargetVariant: a client pinned to a variant', () => {
  it('every request of the pinned client goes to its variant, even one weighted 0; the others split by weight', () => {
    const r = run(
      arch(
        node('shop', 'client', { rps: 20 }),
        node('qa', 'client', { rps: 5, targetVariant: 'challenger' }),
        ep(),
        edge('shop', 'ep'),
        edge('qa', 'ep'),
      ),
    );
    const v = r.node('ep').variants as Variants;
    expect(v.challenger.requests).toBe(r.node('qa').requests);
    expect(v.champion.requests).toBe(r.node('shop').requests);
    expect(v.challenger.ok).toBe(v.challenger.requests);
  });

  it('without a target the weight-0 variant gets nothing', () => {
    const r = run(arch(node('qa', 'client', { rps: 5 }), ep(), edge('qa', 'ep')));
    expect((r.node('ep').variants as Variants).challenger.requests).toBe(0);
  });

  it('a target that names no production variant is refused on load, naming the prop and the variants', () => {
    const r = loadJson({
      format: 'sagesim/architecture@1',
      nodes: [
        { id: 'qa', kind: 'client', props: { targetVariant: 'variant-b' } },
        { id: 'ep', kind: 'realtime-endpoint', props: { variants: VARIANTS } },
      ],
      edges: [{ from: 'qa', to: 'ep' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({
        path: 'nodes[0].props.targetVariant',
        message: 'endpoint ep has no production variant "variant-b" (it has champion, challenger)',
      });
  });
});

describe('UpdateEndpointWeightsAndCapacities during the run', () => {
  const shift = (weights: Record<string, number>, atSec = 1800) =>
    fault({ kind: 'update-weights', node: 'ep', atSec, weights });

  it('the split follows the new weights from the update on, and the timeline records it', () => {
    const doc = arch(node('shop', 'client', { rps: 20 }), ep(), edge('shop', 'ep'), shift({ challenger: 1 }));
    const r = run(doc);
    const v = r.node('ep').variants as Variants;
    expect(v.challenger.weight).toBe(1);
    // half of the second half of the run: about a quarter of all requests
    const share = v.challenger.requests / r.node('ep').requests!;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    expect(
      r.report.timeline.some((e) =>
        /UpdateEndpointWeightsAndCapacities: variant weights champion 1, challenger 0 → champion 1, challenger 1/.test(
          e.event,
        ),
      ),
    ).toBe(true);
    expect(r.state('ep')).toBe('InService');
  });

  it('moving all traffic to the challenger leaves the champion with only what came before', () => {
    const r = run(
      arch(node('shop', 'client', { rps: 20 }), ep(), edge('shop', 'ep'), shift({ champion: 0, challenger: 1 }, 600)),
    );
    const v = r.node('ep').variants as Variants;
    expect(v.champion.requests / r.node('ep').requests!).toBeLessThan(0.2);
    expect(v.champion.weight).toBe(0);
  });

  it('a pinned client ignores the weights', () => {
    const r = run(
      arch(
        node('qa', 'client', { rps: 5, targetVariant: 'champion' }),
        ep(),
        edge('qa', 'ep'),
        shift({ champion: 0, challenger: 1 }, 900),
      ),
    );
    expect((r.node('ep').variants as Variants).challenger.weight).toBe(1);
    expect((r.node('ep').variants as Variants).challenger.requests).toBe(0);
  });

  it('before the endpoint is InService the update is refused, and the weights stay', () => {
    const r = run(arch(node('shop', 'client', { rps: 5 }), ep(), edge('shop', 'ep'), shift({ challenger: 1 }, 1)));
    expect((r.node('ep').variants as Variants).challenger.requests).toBe(0);
    expect(r.report.timeline.some((e) => /ignored: the endpoint is not InService/.test(e.event))).toBe(true);
  });

  it('names production variants only, and leaves one weight above 0', () => {
    const base = {
      format: 'sagesim/architecture@1',
      nodes: [{ id: 'ep', kind: 'realtime-endpoint', props: { variants: VARIANTS } }],
    };
    const bad = (weights: Record<string, number>) =>
      loadJson({ ...base, faults: [{ kind: 'update-weights', node: 'ep', atSec: 10, weights }] });
    const unknown = bad({ blue: 1 });
    expect(unknown.ok || unknown.errors).toContainEqual({
      path: 'faults[0].weights.blue',
      message: 'endpoint ep has no production variant "blue" (it has champion, challenger)',
    });
    const none = bad({ champion: 0 });
    expect(none.ok || none.errors).toContainEqual({
      path: 'faults[0].weights',
      message: 'at least one production variant needs a weight above 0 after the update',
    });
    expect(bad({ challenger: 3 }).ok).toBe(true);
  });
});
