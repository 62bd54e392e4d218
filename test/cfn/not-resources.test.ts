/**
 * What the export cannot write as a CloudFormation resource is said, per kind, in the template's
 * Metadata.SageSim.notResources (issue 17): every kind is either a resource kind of the export or has a reason, and
 * an exported template names the reason of each kind it keeps in Metadata.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/catalog/types';
import { exportDesign, NOT_A_RESOURCE, RESOURCE_KINDS } from '../../src/cfn/export/index';
import { importTemplate } from '../../src/cfn/import';
import { templateToYaml } from '../../src/cfn/yaml-out';
import { loadJson } from '../../src/model/load';

describe('CloudFormation: what is no resource, and why', () => {
  it('every kind is a resource of the export or has a reason', () => {
    expect(KINDS.filter((k) => !RESOURCE_KINDS.has(k) && !NOT_A_RESOURCE[k])).toEqual([]);
    // and none is both (a reason for an exported kind is a stale claim), but an SCP: exported only when it denies
    expect(KINDS.filter((k) => RESOURCE_KINDS.has(k) && NOT_A_RESOURCE[k])).toEqual(['scp']);
  });

  it("the every-kind fixture's template gives the reason of each kind it keeps in Metadata", () => {
    const r = loadJson(JSON.parse(readFileSync(new URL('../fixtures/every-kind.json', import.meta.url), 'utf8')));
    if (!r.ok) throw new Error('fixture');
    const { template, notResources } = exportDesign(r.doc);
    const meta = (template.Metadata as { SageSim: { nodes: { kind: string }[]; notResources: object } }).SageSim;
    const kinds = [...new Set(meta.nodes.map((n) => n.kind))].sort();
    expect(Object.keys(meta.notResources).sort()).toEqual(kinds);
    expect(meta.notResources).toEqual(notResources);
    for (const k of ['client', 'jumpstart-model', 'inference-recommender', 'ai-service'])
      expect(notResources[k]).toBe(NOT_A_RESOURCE[k]);
    // import reads nodes and connections, and leaves the reasons alone
    expect(importTemplate(templateToYaml(template)).notes.filter((n) => /notResources/.test(n.message))).toEqual([]);
  });
});
