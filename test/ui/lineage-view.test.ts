/**
 * The Experiments tab's lineage boxes (issue 16): an Autopilot model's chain shows the dataset, the Autopilot job, its
 * best candidate, the model package and the endpoint, nodes by their labels and the candidate and package by their own
 * names, as a run's modelLineage read-out gives them.
 */
import { describe, expect, it } from 'vitest';
import { modelLineage } from '../../src/engine';
import { runDocument } from '../../src/engine/run';
import { lineageSteps, lineageTitle } from '../../src/ui/run/lineageView';
import type { ArchDoc } from '../../src/model/schema';
import { arch, edge, fault, node } from '../harness';

const labelled = (doc: ArchDoc, labels: Record<string, string>): ArchDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (labels[n.id] ? { ...n, label: labels[n.id] } : n)),
});

const doc = labelled(
  arch(
    node('data', 's3-bucket', { datasetGB: 0.05, task: 'binary-classification', rows: 50_000, versioning: 'Enabled' }),
    node('auto', 'autopilot-job', { objectiveMetric: 'AUC' }),
    node('registry', 'model-registry', { approval: 'PendingManualApproval' }),
    node('rule', 'eventbridge'),
    node('deployer', 'lambda'),
    node('ep', 'realtime-endpoint'),
    node('app', 'client', { rps: 1 }),
    edge('data', 'auto'),
    edge('auto', 'registry'),
    edge('registry', 'rule'),
    edge('rule', 'deployer'),
    edge('deployer', 'ep'),
    edge('app', 'ep'),
    fault({ atSec: 3600, kind: 'approve', node: 'registry', status: 'Approved' }),
  ),
  { data: 'Churn history', auto: 'Churn AutoML', ep: 'Churn scores' },
);

describe('lineage boxes', () => {
  it('an Autopilot model: dataset → Autopilot job → best candidate → model package → endpoint', () => {
    const { sim } = runDocument(doc, { durationSec: 7200 });
    const [l] = modelLineage(sim);
    const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
    const steps = lineageSteps(l, label);
    const best = String(sim.metrics('auto').extra.bestCandidate);
    expect(steps.map((s) => [s.role, s.name])).toEqual([
      ['Dataset', 'Churn history'],
      ['Autopilot job', 'Churn AutoML'],
      ['Best candidate', best],
      ['Model package', 'registry/1'],
      ['Endpoint', 'Churn scores'],
    ]);
    expect(steps[0].className).toBe('lineage-step role-data is-pinned');
    expect(steps[3].className).toBe('lineage-step role-package');
    expect(steps[3].detail).toMatch(/^Approved · AUC 0\.\d+$/);
    expect(lineageTitle(l)).toBe('auto:v1 · registered as registry/1');
  });

  it('an unversioned dataset is flagged, and a model with no package has a bare title', () => {
    const bare = labelled(
      arch(
        node('data', 's3-bucket', { datasetGB: 0.05, task: 'binary-classification', rows: 50_000, versioning: 'Off' }),
        node('auto', 'autopilot-job'),
        edge('data', 'auto'),
      ),
      {},
    );
    const [l] = modelLineage(runDocument(bare, { durationSec: 7200 }).sim);
    const steps = lineageSteps(l, (id) => id);
    expect(steps[0].className).toBe('lineage-step role-data is-unpinned');
    expect(steps.map((s) => s.role)).toEqual(['Dataset', 'Autopilot job', 'Best candidate']);
    expect(lineageTitle(l)).toBe('auto:v1');
  });
});
