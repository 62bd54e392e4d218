/**
 * CloudWatch dashboards (issue 17, skill S4.2.3): each widget of a `cloudwatch-dashboard` ("NAMESPACE METRIC STAT")
 * draws one data point per period for every endpoint wired to the dashboard, from what the endpoint measured in that
 * period; at the end of the run the dashboard records `dashboard-blind-spot` when the run's problem on an endpoint
 * (slow requests, 4XX or 5XX errors) shows in none of its widgets, or a widget shows no data.
 *
 * What a widget draws (AWS: https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html):
 * - Invocations: 1 per request (Sum = requests; every other statistic 1 when there are any).
 * - Invocation4XXErrors / Invocation5XXErrors: 1 per request answered 4xx / 5xx, 0 per other request (Sum = errors,
 *   Average = their share). A 503 the client retried still counts: it was an invocation answered 5xx.
 * - InvocationsPerInstance: requests / instances in the period (one data point, every statistic alike but Sum).
 * - ModelLatency: the request's latency, in ms (AWS publishes microseconds), statistics over the period's requests.
 * - CPUUtilization (/aws/sagemaker/Endpoints): the model's busy time per instance over the period, 100% per vCPU
 *   (AWS sums the cores: 400% is four busy vCPUs); one data point per instance, so Sum multiplies by the instances.
 * A metric under the other namespace has no data (CloudWatch finds no metric of that name there).
 */
import { instanceType } from '../../../catalog/instances';
import {
  DASHBOARD_METRICS,
  ENDPOINT_KINDS,
  parseWidget,
  type DashboardMetric,
  type DashboardNamespace,
  type DashboardStat,
} from '../../../catalog/kinds';
import { httpStatus } from '../../../catalog/rules';
import type { GNode } from '../../../model/graph';
import { HISTOGRAM_BUCKETS, Histogram } from '../../histogram';
import type { Simulation } from '../../sim';
import { round } from '../../util';

/** A run's slow requests are a tail worth showing when p99 is at least this many times the mean latency. */
export const TAIL_RATIO = 3;
/** The statistics that show the slowest 1% of requests: p99 and the Maximum (the Average and p50/p90 hide them). */
const TAIL_STATS: ReadonlySet<DashboardStat> = new Set(['p99', 'Maximum']);

interface Widget {
  text: string;
  namespace: DashboardNamespace;
  metric: DashboardMetric;
  stat: DashboardStat;
}

/** What an endpoint did in one period. */
interface Period {
  requests: number;
  err4: number;
  err5: number;
  instances: number;
  latency: Histogram;
  /** Busy seconds of the model over the period (requests × model latency). */
  busySec: number;
}

/** Running totals of an endpoint, to take one period's difference. */
interface Before {
  requests: number;
  err4: number;
  err5: number;
  counts: Float64Array;
  total: number;
  sum: number;
}

/** Whether a widget's metric is published under its namespace (else it has no data). */
export const widgetHasData = (w: { namespace: string; metric: DashboardMetric }): boolean =>
  DASHBOARD_METRICS[w.metric] === w.namespace;

const widgetsOf = (d: GNode<'cloudwatch-dashboard'>): Widget[] =>
  d.props.widgets.flatMap((text) => {
    const w = parseWidget(text);
    return w ? [{ text, ...w }] : [];
  });

/** One widget's data point for a period (null: no data in it). */
export function widgetValue(w: Widget, p: Period, periodSec: number, vcpu: number): number | null {
  if (!widgetHasData(w)) return null;
  const { metric, stat } = w;
  if (metric === 'InvocationsPerInstance') return p.requests ? round(p.requests / Math.max(1, p.instances), 2) : null;
  if (metric === 'CPUUtilization') {
    const per = Math.min(vcpu, p.busySec / periodSec / Math.max(1, p.instances)) * 100;
    return round(stat === 'Sum' ? per * Math.max(1, p.instances) : per, 1);
  }
  if (!p.requests) return null;
  if (metric === 'ModelLatency') {
    const h = p.latency;
    if (!h.total) return null;
    if (stat === 'Sum') return round(h.sum, 1);
    if (stat === 'Average') return round(h.sum / h.total, 1);
    if (stat === 'Maximum') return round(h.quantile(1), 1);
    return round(h.quantile(Number(stat.slice(1)) / 100), 1);
  }
  // per-request 0/1 samples: Invocations (all 1), 4XX and 5XX (1 for an error)
  const ones = metric === 'Invocations' ? p.requests : metric === 'Invocation4XXErrors' ? p.err4 : p.err5;
  if (stat === 'Sum') return ones;
  if (stat === 'Average') return round(ones / p.requests, 4);
  if (stat === 'Maximum') return ones > 0 ? 1 : 0;
  // pNN of 0/1 samples: 1 when more than (100 − NN)% of them are 1
  return ones / p.requests > 1 - Number(stat.slice(1)) / 100 ? 1 : 0;
}

/** An endpoint's 4xx and 5xx answers so far (each rule's incidents, by the HTTP status the catalog gives it). */
function errorsOf(sim: Simulation, ep: GNode): { err4: number; err5: number } {
  let err4 = 0,
    err5 = 0;
  for (const i of sim.allIncidents()) {
    if (i.node !== ep.id) continue;
    const s = httpStatus(i.rule, ep.kind);
    if (s === undefined) continue;
    if (s >= 500) err5 += i.count;
    else if (s >= 400) err4 += i.count;
  }
  return { err4, err5 };
}

const modelSec = (ep: GNode): number => {
  const ms = (ep.props as { modelLatencyMs?: number }).modelLatencyMs;
  return typeof ms === 'number' ? ms / 1000 : 0;
};

const vcpuOf = (ep: GNode): number => {
  const t = (ep.props as { instanceType?: string }).instanceType;
  return (t && instanceType(t)?.vcpu) || 1;
};

const seriesName = (ep: string, w: Widget) => `${ep} · ${w.text}`;

/** Start drawing every dashboard's widgets: one data point per period for each wired endpoint. */
export function startDashboards(sim: Simulation): void {
  for (const d of sim.graph.ofKind('cloudwatch-dashboard')) {
    const widgets = widgetsOf(d);
    const eps = sim.graph.in(d.id, ...ENDPOINT_KINDS);
    // SageSim's own state (CloudWatch dashboards have no status): Active once it has a widget and an endpoint to draw
    sim.setState(d.id, widgets.length && eps.length ? 'Active' : 'Empty');
    if (!widgets.length || !eps.length) continue;
    const periodSec = d.props.periodSec;
    const m = sim.metrics(d.id);
    const before = new Map<string, Before>();
    for (const ep of eps)
      before.set(ep.id, {
        requests: 0,
        err4: 0,
        err5: 0,
        counts: new Float64Array(HISTOGRAM_BUCKETS),
        total: 0,
        sum: 0,
      });
    sim.every(
      periodSec,
      'dashboard period',
      d.id,
      (t) => {
        for (const ep of eps) {
          const b = before.get(ep.id)!;
          const em = sim.metrics(ep.id);
          const { err4, err5 } = errorsOf(sim, ep);
          const latency = new Histogram();
          const h = em.latency;
          for (let i = 0; i < HISTOGRAM_BUCKETS; i++) latency.counts[i] = h.counts[i] - b.counts[i];
          latency.total = h.total - b.total;
          latency.sum = h.sum - b.sum;
          latency.max = h.max;
          const inst = em.series.get('instances');
          const last = inst?.values[inst.values.length - 1];
          const requests = em.requests - b.requests;
          const p: Period = {
            requests,
            err4: err4 - b.err4,
            err5: err5 - b.err5,
            instances: last ?? (ep.props as { instanceCount?: number }).instanceCount ?? 1,
            latency,
            busySec: requests * modelSec(ep),
          };
          for (const w of widgets) {
            const v = widgetValue(w, p, periodSec, vcpuOf(ep));
            if (v !== null) m.s(seriesName(ep.id, w), 'last', periodSec).add(t - periodSec, v);
          }
          b.requests = em.requests;
          b.err4 = err4;
          b.err5 = err5;
          b.counts.set(h.counts);
          b.total = h.total;
          b.sum = h.sum;
        }
      },
      periodSec,
    );
  }
}

/**
 * At the end of the run: each widget's highest data point for the report (`extra.widgets`), and `dashboard-blind-spot`
 * for every wired endpoint whose problem no widget shows.
 */
export function finishDashboards(sim: Simulation): void {
  for (const d of sim.graph.ofKind('cloudwatch-dashboard')) {
    const widgets = widgetsOf(d);
    const eps = sim.graph.in(d.id, ...ENDPOINT_KINDS);
    const m = sim.metrics(d.id);
    const shown: { endpoint: string; widget: string; peak: number | null }[] = [];
    for (const ep of eps) {
      const peakOf = (w: Widget): number | null => {
        const s = m.series.get(seriesName(ep.id, w));
        return s && s.values.length ? Math.max(...s.values.map((v) => v ?? 0)) : null;
      };
      const peaks = widgets.map((w) => ({ w, peak: peakOf(w) }));
      for (const { w, peak } of peaks) shown.push({ endpoint: ep.id, widget: w.text, peak });
      const em = sim.allMetrics().get(ep.id);
      if (!em || em.requests === 0) continue;
      const blind: string[] = [];
      const { err4, err5 } = errorsOf(sim, ep);
      const h = em.latency;
      const mean = h.total ? h.sum / h.total : 0;
      const p99 = h.quantile(0.99);
      const showing = (metric: DashboardMetric, over: number) =>
        peaks.some((x) => x.w.metric === metric && x.peak !== null && x.peak > over);
      const tail = widgets.some((w) => widgetHasData(w) && w.metric === 'ModelLatency' && TAIL_STATS.has(w.stat));
      if (h.total && p99 >= TAIL_RATIO * mean && !tail)
        blind.push(
          `p99 latency ${round(p99, 0)} ms against a mean of ${round(mean, 0)} ms, and no ModelLatency widget ` +
            `at p99 or Maximum`,
        );
      if (err5 > 0 && !showing('Invocation5XXErrors', 0))
        blind.push(`${err5} invocation(s) answered 5xx, and no widget shows a 5XX error`);
      if (err4 > 0 && !showing('Invocation4XXErrors', 0))
        blind.push(`${err4} invocation(s) answered 4xx, and no widget shows a 4XX error`);
      for (const w of widgets)
        if (!widgetHasData(w))
          blind.push(`widget "${w.text}" shows no data (${w.metric} is published in ${DASHBOARD_METRICS[w.metric]})`);
      if (blind.length) sim.incident('dashboard-blind-spot', d.id, { endpoint: ep.id, blind: blind.join('; ') });
    }
    if (shown.length) m.extra.widgets = shown;
  }
}
