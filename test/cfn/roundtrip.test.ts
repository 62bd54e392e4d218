import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProps } from '../../src/catalog/kinds';
import { RESOURCE_PROPS } from '../../src/cfn/export/context';
import { exportDesign } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { parseTemplate } from '../../src/cfn/parse';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';

/** Every shipped scenario (sandbox, puzzles, demos, bench) and the every-kind fixture. */
function designs(): [string, ArchDoc][] {
  const root = new URL('../../', import.meta.url).pathname;
  const out: [string, ArchDoc][] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) {
        const r = loadJson(JSON.parse(readFileSync(p, 'utf8')));
        if (r.ok) out.push([p.slice(root.length), r.doc]);
      }
    }
  };
  walk(join(root, 'scenarios'));
  walk(join(root, 'test/fixtures'));
  return out;
}

const nodesOf = (d: ArchDoc) =>
  d.nodes.map((n) => ({ id: n.id, kind: n.kind, parent: n.parent ?? null })).sort((a, b) => a.id.localeCompare(b.id));
/** Cost allocation tags per node (issue 17): resource Tags, or Metadata for kinds without them. */
const tagsOf = (d: ArchDoc) => Object.fromEntries(d.nodes.filter((n) => n.tags).map((n) => [n.id, n.tags]));
const edgesOf = (d: ArchDoc) => (d.edges ?? []).map((e) => `${e.from} -> ${e.to}`).sort();
const propsOf = (d: ArchDoc, only?: (kind: string, prop: string) => boolean) =>
  Object.fromEntries(
    d.nodes.map((n) => {
      const all = { ...defaultProps(n.kind), ...(n.props ?? {}) };
      return [n.id, Object.fromEntries(Object.entries(all).filter(([k]) => !only || only(n.kind, k)))];
    }),
  );

function roundTrip(doc: ArchDoc, strip = false): ArchDoc {
  let yaml = templateToYaml(exportDesign(doc).template);
  if (strip) {
    // Drop what Metadata keeps of each resource's props: the props left must come back from resource properties.
    const t = parseTemplate(yaml).template as {
      Resources: Record<string, { Metadata?: { SageSim?: Record<string, unknown> } }>;
    };
    for (const r of Object.values(t.Resources)) {
      const m = r.Metadata?.SageSim;
      if (!m) continue;
      delete m.props;
      for (const s of Object.values((m.steps ?? {}) as Record<string, Record<string, unknown>>)) delete s.props;
    }
    yaml = templateToYaml(t);
  }
  return importTemplate(yaml).doc;
}

const all = designs();

describe('export → import', () => {
  it('covers every shipped scenario', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
  });
  it.each(all)('%s: the same kinds, containers, connections, props and labels', (_, doc) => {
    const back = roundTrip(doc);
    expect(loadJson(back).ok).toBe(true);
    expect(nodesOf(back)).toEqual(nodesOf(doc));
    expect(edgesOf(back)).toEqual(edgesOf(doc));
    expect(propsOf(back)).toEqual(propsOf(doc));
    expect(back.nodes.map((n) => n.label ?? null).sort()).toEqual(doc.nodes.map((n) => n.label ?? null).sort());
    expect(tagsOf(back)).toEqual(tagsOf(doc));
  });
  it.each(all)('%s: props with a resource property come back from the resources alone', (_, doc) => {
    const { metadataOnly } = exportDesign(doc);
    const back = roundTrip(doc, true);
    const mapped = (kind: string, prop: string) => (RESOURCE_PROPS[kind] ?? []).includes(prop);
    const want = propsOf(doc, mapped);
    for (const { node, prop } of metadataOnly) delete (want[node] as Record<string, unknown>)[prop];
    const got = propsOf(back, mapped);
    for (const { node, prop } of metadataOnly) delete (got[node] as Record<string, unknown>)[prop];
    expect(got).toEqual(want);
    expect(nodesOf(back)).toEqual(nodesOf(doc));
  });
  it('a shadow variant keeps its sampling (a shadow test resource), an all-at-once update its unused size', () => {
    const r = loadJson({
      format: 'sagesim/architecture@1',
      title: 'shadow sampling',
      nodes: [
        { id: 'app', kind: 'client' },
        {
          id: 'ep',
          kind: 'realtime-endpoint',
          props: {
            variants: [
              { name: 'prod', weight: 1 },
              { name: 'candidate', weight: 1, shadow: true, samplingPercentage: 20, instanceType: 'ml.c5.xlarge' },
            ],
            deployment: { type: 'all-at-once', sizePercent: 20, waitIntervalSec: 0 },
          },
        },
      ],
      edges: [{ from: 'app', to: 'ep' }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const yaml = templateToYaml(exportDesign(r.doc).template);
    expect(yaml).toContain('Type: AWS::SageMaker::InferenceExperiment');
    expect(yaml).toMatch(/ShadowModelVariantName: candidate\n\s+SamplingPercentage: 20/);
    expect(propsOf(roundTrip(r.doc))).toEqual(propsOf(r.doc));
    // from the resources alone: the sampling comes back; the all-at-once size has no property (Metadata only)
    expect(exportDesign(r.doc).metadataOnly).toEqual([{ node: 'ep', prop: 'deployment' }]);
    expect(roundTrip(r.doc, true).nodes.find((n) => n.id === 'ep')?.props?.variants).toEqual(
      r.doc.nodes.find((n) => n.id === 'ep')?.props?.variants,
    );
  });
  it(
    "a pipeline's processing and transform steps write their own " + "instance types and the transform's volume key",
    () => {
      const r = loadJson({
        format: 'sagesim/architecture@1',
        title: 'step instances',
        nodes: [
          { id: 'key', kind: 'kms-key' },
          { id: 'data', kind: 's3-bucket' },
          { id: 'pipe', kind: 'pipeline' },
          { id: 'prep', kind: 'processing-job', parent: 'pipe', props: { instanceType: 'ml.c5.2xlarge' } },
          {
            id: 'score',
            kind: 'batch-transform',
            parent: 'pipe',
            props: { instanceType: 'ml.c5.xlarge', VolumeKmsKeyId: 'key' },
          },
        ],
        edges: [
          { from: 'data', to: 'prep' },
          { from: 'prep', to: 'score' },
        ],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const yaml = templateToYaml(exportDesign(r.doc).template);
      expect(yaml).toContain('"InstanceType": "ml.c5.2xlarge"');
      expect(yaml).toContain('"InstanceType": "ml.c5.xlarge"');
      expect(exportDesign(r.doc).metadataOnly).toEqual([]);
      expect(propsOf(roundTrip(r.doc, true))).toEqual(propsOf(r.doc));
    },
  );
  it('holds for random sub-designs of the every-kind fixture (nodes removed with what depends on them)', () => {
    const every = all.find(([p]) => p.endsWith('every-kind.json'))![1];
    fc.assert(
      fc.property(fc.subarray(every.nodes.map((n) => n.id)), (drop) => {
        const gone = new Set(drop);
        // a removed container takes its children; references to removed nodes are cleared
        let changed = true;
        while (changed) {
          changed = false;
          for (const n of every.nodes)
            if (!gone.has(n.id) && n.parent && gone.has(n.parent)) {
              gone.add(n.id);
              changed = true;
            }
        }
        const nodes = every.nodes
          .filter((n) => !gone.has(n.id))
          .map((n) => ({
            ...n,
            props: Object.fromEntries(
              Object.entries(n.props ?? {}).filter(([, v]) => !(typeof v === 'string' && gone.has(v))),
            ),
          }));
        const doc = { ...every, nodes, edges: (every.edges ?? []).filter((e) => !gone.has(e.from) && !gone.has(e.to)) };
        const ok = loadJson(doc);
        fc.pre(ok.ok);
        const back = roundTrip((ok as { doc: ArchDoc }).doc);
        expect(nodesOf(back)).toEqual(nodesOf(doc));
        expect(edgesOf(back)).toEqual(edgesOf(doc));
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
