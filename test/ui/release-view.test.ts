/**
 * A codepipeline on the page (issue 17, cicd17): the canvas chip's line and the details' stages come from the node's
 * live figures, as the engine's release module writes them. The figures here are a real run's.
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../harness';
import { mlopsLine, releaseOf } from '../../src/ui/run/mlopsView';
import type { LiveNode } from '../../src/worker/protocol';
import { liveNode } from './live-node';

const live = (extra: Record<string, unknown>): LiveNode => liveNode(extra);

const doc = (push: boolean) =>
  arch(
    node('prod', 'realtime-endpoint'),
    node('rel', 'codepipeline', { tests: ['unit', 'integration'], branches: ['main', 'release/*'] }),
    edge('rel', 'prod'),
    ...(push ? [fault({ atSec: 60, kind: 'code-push', node: 'rel', branch: 'main', defect: 'integration' })] : []),
  );

describe('codepipeline chip and stage table', () => {
  it('before any execution: the trigger branches', () => {
    const r = run(doc(false), { durationSec: 120 });
    const line = mlopsLine(live(r.report.nodes.rel as Record<string, unknown>))!;
    expect(line.title).toBe('No execution yet (push trigger: main, release/*)');
    expect(line.parts).toEqual([{ text: '⎇ main, release/*', tone: 'idle' }]);
  });

  it('a release stopped by its tests: ✓ Source, ✕ Build, the rest skipped', () => {
    const r = run(doc(true), { durationSec: 3600 });
    const n = live(r.report.nodes.rel as Record<string, unknown>);
    expect(releaseOf(n)?.stages.map((s) => s.status)).toEqual(['Succeeded', 'Failed', 'Skipped', 'Skipped']);
    const line = mlopsLine(n)!;
    expect(line.title).toMatch(/^Execution #1: Failed at Build \(Source Succeeded, Build Failed/);
    expect(line.parts.map((p) => `${p.text}:${p.tone}`)).toEqual([
      '✓ Source:ok',
      '✕ Build:bad',
      '– ApproveDeployment:idle',
      '– DeployProd:idle',
    ]);
  });

  it('other nodes are not releases', () => {
    expect(releaseOf(live({ events: 2 }))).toBeNull();
  });
});
