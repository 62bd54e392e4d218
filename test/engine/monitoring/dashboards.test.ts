/**
 * CloudWatch dashboards (issue 17, S4.2.3): widgets draw one data point per period from the wired endpoints, and
 * dashboard-blind-spot names what a run's problem was when no widget shows it (AWS metric namespaces:
 * https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_WIDGETS, parseWidget } from '../../../src/catalog/kinds';
import { createSimulation } from '../../../src/engine/run';
import { arch, edge, node, run } from '../../harness';

/** A hot endpoint (16 rps × 110 ms on 2 vCPUs: queueing) with a few uploads over 6 MB (413). */
const hot = (widgets: string[], uploads = true) =>
  arch(
    node('app', 'client', { rps: 16, pattern: 'constant', payloadMB: 0.05 }),
    ...(uploads
      ? [node('up', 'client', { rps: 0.5, payloadMB: 3, payloadSpread: 'lognormal' }), edge('up', 'ep')]
      : []),
    node('ep', 'realtime-endpoint', { instanceType: 'ml.m5.large', instanceCount: 1, modelLatencyMs: 110 }),
    node('dash', 'cloudwatch-dashboard', { widgets }),
    edge('app', 'ep'),
    edge('ep', 'dash'),
  );

describe('CloudWatch dashboards', () => {
  it('accepts "NAMESPACE METRIC STAT" widgets of either namespace, and nothing else', () => {
    expect(DASHBOARD_WIDGETS).toContain('AWS/SageMaker ModelLatency p99');
    expect(DASHBOARD_WIDGETS).toContain('/aws/sagemaker/Endpoints CPUUtilization Average');
    expect(parseWidget('AWS/SageMaker ModelLatency p99')).toEqual({
      namespace: 'AWS/SageMaker',
      metric: 'ModelLatency',
      stat: 'p99',
    });
    expect(parseWidget('ModelLatency p99')).toBeNull();
    expect(parseWidget('AWS/SageMaker ModelLatency p42')).toBeNull();
  });

  it('charts one data point per period for each widget and endpoint, and reports each widget peak', () => {
    const sim = createSimulation(
      hot(['AWS/SageMaker Invocations Sum', 'AWS/SageMaker ModelLatency p99', 'AWS/SageMaker ModelLatency Average']),
      { seed: 1, durationSec: 1800 },
    );
    sim.runToEnd();
    const m = sim.allMetrics().get('dash')!;
    const inv = m.series.get('ep · AWS/SageMaker Invocations Sum')!;
    expect(inv.bucketSec).toBe(60);
    expect(inv.values.length).toBeGreaterThanOrEqual(29);
    // about 16.5 requests per second in each minute
    expect(inv.values[5]).toBeGreaterThan(900);
    expect(inv.values[5]).toBeLessThan(1100);
    const p99 = m.series.get('ep · AWS/SageMaker ModelLatency p99')!.values;
    const avg = m.series.get('ep · AWS/SageMaker ModelLatency Average')!.values;
    for (let i = 1; i < 29; i++) expect(p99[i]).toBeGreaterThan(avg[i]);
    const widgets = m.extra.widgets as { widget: string; peak: number | null }[];
    expect(widgets.map((w) => w.widget)).toEqual([
      'AWS/SageMaker Invocations Sum',
      'AWS/SageMaker ModelLatency p99',
      'AWS/SageMaker ModelLatency Average',
    ]);
    expect(widgets[1].peak).toBeGreaterThan(widgets[2].peak!);
  });

  it('flags the Average hiding a queueing tail, errors no widget shows, and a metric under the wrong namespace', () => {
    const r = run(
      hot([
        'AWS/SageMaker Invocations Sum',
        'AWS/SageMaker ModelLatency Average',
        'AWS/SageMaker CPUUtilization Average',
      ]),
      {
        seed: 1,
      },
    );
    const msg = r.incident('dashboard-blind-spot', 'dash')!.message;
    expect(msg).toMatch(
      /^Dashboard dash does not show what happened on ep: p99 latency \d+ ms against a mean of \d+ ms/,
    );
    expect(msg).toMatch(/\d+ invocation\(s\) answered 4xx, and no widget shows a 4XX error/);
    expect(msg).toContain(
      'widget "AWS/SageMaker CPUUtilization Average" shows no data (CPUUtilization is published in ' +
        '/aws/sagemaker/Endpoints)',
    );
    const peaks = r.report.nodes.dash.widgets as { widget: string; peak: number | null }[];
    expect(peaks.find((w) => w.widget.includes('CPUUtilization'))!.peak).toBeNull();
  });

  it('is quiet when the widgets show the tail (p99 or Maximum) and the errors, and CPU is in its own namespace', () => {
    for (const tail of ['p99', 'Maximum'])
      expect(
        run(
          hot([
            `AWS/SageMaker ModelLatency ${tail}`,
            'AWS/SageMaker Invocation4XXErrors Sum',
            '/aws/sagemaker/Endpoints CPUUtilization Average',
          ]),
          { seed: 1 },
        ).incident('dashboard-blind-spot'),
      ).toBeUndefined();
  });

  it('p90 and p50 do not show the slowest 1%; an error widget whose statistic stays at 0 shows nothing', () => {
    for (const stat of ['p90', 'p50', 'Average'])
      expect(
        run(hot([`AWS/SageMaker ModelLatency ${stat}`, 'AWS/SageMaker Invocation4XXErrors Sum']), { seed: 1 }).incident(
          'dashboard-blind-spot',
        )?.message,
      ).toMatch(/p99 latency/);
    // about 1 request in 120 is a 413: the p50 of the 0/1 samples stays 0
    const msg = run(hot(['AWS/SageMaker ModelLatency p99', 'AWS/SageMaker Invocation4XXErrors p50']), {
      seed: 1,
    }).incident('dashboard-blind-spot')!.message;
    expect(msg).toMatch(/answered 4xx/);
    expect(msg).not.toMatch(/p99 latency/);
  });

  it('says nothing of a healthy endpoint (no tail, no errors) with a plain dashboard', () => {
    const calm = arch(
      node('app', 'client', { rps: 5, pattern: 'constant', payloadMB: 0.05 }),
      node('ep', 'realtime-endpoint', { instanceType: 'ml.m5.large', instanceCount: 1, modelLatencyMs: 110 }),
      node('dash', 'cloudwatch-dashboard'),
      edge('app', 'ep'),
      edge('ep', 'dash'),
    );
    const r = run(calm, { seed: 2 });
    expect(r.incident('dashboard-blind-spot')).toBeUndefined();
    // CPU: 5 rps × 110 ms on one instance = 55% of one vCPU
    const sim = createSimulation(
      {
        ...calm,
        nodes: calm.nodes.map((n) =>
          n.id === 'dash' ? { ...n, props: { widgets: ['/aws/sagemaker/Endpoints CPUUtilization Average'] } } : n,
        ),
      },
      { seed: 2, durationSec: 600 },
    );
    sim.runToEnd();
    const cpu = sim
      .allMetrics()
      .get('dash')!
      .series.get('ep · /aws/sagemaker/Endpoints CPUUtilization Average')!.values;
    expect(cpu[3]).toBeGreaterThan(45);
    expect(cpu[3]).toBeLessThan(65);
  });
});
