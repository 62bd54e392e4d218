// @vitest-environment jsdom
/**
 * The Cost panel's purchase options (issue 17, savings17): on demand vs with the Savings Plan vs spot per node, the
 * plan's utilisation and unused commitment, the break-even line and a plain sentence on its sizing, drawn from a real
 * run's figures (the engine's plan entry once the run has finished, an estimate before).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PurchaseOptions, planView } from '../../src/ui/run/PurchaseOptions';
import type { LiveNode } from '../../src/worker/protocol';
import { liveNode } from './live-node';
import type { ArchDoc } from '../../src/model/schema';
import { arch, edge, node, run } from '../harness';

afterEach(cleanup);

const live = (n: Record<string, unknown>): LiveNode =>
  liveNode(Object.fromEntries(Object.entries(n).filter(([k]) => !['state', 'costUSD', 'requests'].includes(k))), {
    ...n,
    costUSD: Number(n.costUSD ?? 0),
  });

const design = (commitment: number): ArchDoc => ({
  ...arch(
    node('c', 'client', { rps: 5 }),
    node('ep', 'realtime-endpoint', { instanceCount: 2 }),
    edge('c', 'ep'),
    node('t', 'training-job', { trainingMinutes: 30, spot: true, checkpointS3Uri: 's3://ck/' }),
    node('sp', 'savings-plan', { commitmentUSDPerHour: commitment }),
  ),
  durationSec: 7200,
});

const show = (doc: ArchDoc, hideAnswer = false, focused: string[] = []) => {
  const r = run(doc).report;
  const nodes = Object.fromEntries(Object.entries(r.nodes).map(([id, n]) => [id, live(n)]));
  render(
    <PurchaseOptions
      docNodes={doc.nodes}
      nodes={nodes}
      now={r.simulatedSec}
      hideAnswer={hideAnswer}
      focus={(id) => focused.push(id)}
    />,
  );
  return r;
};

describe('purchase options in the Cost panel', () => {
  it('an over-sized plan: its utilisation, the unused commitment, the break-even and a plain warning', () => {
    const r = show(design(1));
    const plan = r.nodes.sp;
    expect(screen.getByTestId('savings-plan').textContent).toContain(`used ${plan.utilisationPercent}%`);
    expect(screen.getByTestId('savings-plan').textContent).toContain('unused $1.');
    expect(screen.getByTestId('break-even').textContent).toMatch(
      /Break-even: steady usage of \$1\.00\/h on demand \(36% of the commitment used\); fully used from \$2\.78/,
    );
    expect(screen.getByTestId('break-even').textContent).toContain(
      `a commitment of $${(plan.suggestedCommitmentUSDPerHour as number).toFixed(4)}/h fits it`,
    );
    expect(screen.getByTestId('plan-sizing').textContent).toMatch(/^Over-sized: you pay \$1\.\d+ for commitment/);
  });

  it('per node: on demand, with the plan and spot; the spot job shows its on-demand price and no plan share', () => {
    const focused: string[] = [];
    const r = show(design(1), false, focused);
    const rows = screen.getAllByRole('row').map((tr) => tr.textContent);
    const ep = rows.find((t) => t?.startsWith('ep'))!;
    expect(ep).toContain(`$${(r.nodes.ep.onDemandUSD as number).toFixed(4)}`);
    expect(ep).toContain(`$${(r.nodes.ep.costUSD as number).toFixed(4)}`);
    expect(ep).toContain('no spot for endpoints');
    const t = rows.find((x) => x?.startsWith('t'))!;
    expect(t).toContain(`$${(r.nodes.t.costUSD as number).toFixed(4)}`); // the spot column: what it billed
    expect(t).toContain('—'); // no plan share: spot draws nothing from the plan
    expect(t).toContain('resumes from its S3 checkpoints');
    fireEvent.click(screen.getAllByRole('row').find((tr) => tr.textContent?.startsWith('ep'))!);
    expect(focused).toEqual(['ep']);
  });

  it('a plan sized to the steady usage says so; an unsolved puzzle hides the suggested commitment', () => {
    const steady = run(design(1)).report.nodes.sp.suggestedCommitmentUSDPerHour as number;
    show(design(steady), true);
    expect(screen.getByTestId('plan-sizing').textContent).toMatch(/^Sized to the steady usage/);
    expect(screen.getByTestId('break-even').textContent).not.toContain('fits it');
  });

  it('before the run ends: an estimate from the costs so far', () => {
    const doc = design(1);
    const v = planView(doc.nodes, { ep: live({ costUSD: 0.46 }) }, 3600)!;
    expect(v.final).toBe(false);
    expect(v.plan.eligibleOnDemandUSD).toBe(0.46);
    expect(v.plan.unusedUSD).toBeCloseTo(1 - 0.36 * 0.46, 4);
  });

  it('without a plan or SageMaker usage it shows nothing', () => {
    const { container } = render(
      <PurchaseOptions docNodes={[]} nodes={{}} now={0} hideAnswer={false} focus={() => {}} />,
    );
    expect(container.textContent).toBe('');
  });
});
