import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { themedAxis } from './chartAxis';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import { clock } from './store';
import { LearningCurves, useCurves } from './LearningCurves';

/** The charts: [title, series names (per-bucket sums are shown per second), colours]. */
const CHARTS: { title: string; series: string[]; colours: string[]; rate: boolean }[] = [
  { title: 'Requests / s', series: ['requests'], colours: ['#0b6bcb'], rate: true },
  { title: 'p99 latency (ms)', series: ['p99'], colours: ['#a35b00'], rate: false },
  {
    title: 'Errors / s · cold starts / s',
    series: ['errors', 'coldStarts'],
    colours: ['#d7263d', '#7c4dff'],
    rate: true,
  },
  { title: 'Instances', series: ['instances'], colours: ['#1f9d55'], rate: false },
  // async endpoints: requests queued (CloudWatch's ApproximateBacklogSize)
  { title: 'Backlog (ApproximateBacklogSize)', series: ['backlog'], colours: ['#b7791f'], rate: false },
];

/** A dashboard widget's chart title: "fraud · ModelLatency p99 (ms)" from "fraud · AWS/SageMaker ModelLatency p99". */
const widgetTitle = (series: string): string => {
  const [ep, widget] = series.split(' · ');
  const [ns, metric, stat] = widget.split(' ');
  const unit = metric === 'ModelLatency' ? ' (ms)' : metric === 'CPUUtilization' ? ' (%)' : '';
  return `${ep} · ${metric} ${stat}${unit} · ${ns}`;
};

type UPlotCtor = typeof uPlot;
let loading: Promise<UPlotCtor> | null = null;
/** uPlot and its stylesheet, loaded on first use (not in the first screen's bundle). */
const loadUPlot = () =>
  (loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default));

/** Per-node charts over simulated time for the selected node (the worker sends its series). */
/** A y-axis tick label: 950, 1,200, 12k, 1.5M (and decimals only for small values). */
export const compactTick = (x: number | null): string => {
  if (x === null || !Number.isFinite(x)) return '';
  const a = Math.abs(x);
  const trim = (v: number, unit: string) => `${Number(v.toFixed(v < 10 ? 1 : 0))}${unit}`;
  if (a >= 1e6) return trim(x / 1e6, 'M');
  if (a >= 1e4) return trim(x / 1e3, 'k');
  return x.toLocaleString('en-US', { maximumFractionDigits: a < 10 ? 2 : 0 });
};

let measurer: CanvasRenderingContext2D | null = null;
/** Width in px of the widest tick label (12 px system font) plus room for the ticks. */
const axisWidth = (labels: string[] | null | undefined): number => {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer || !labels?.length) return 44;
  measurer.font = '12px system-ui';
  return Math.ceil(Math.max(...labels.map((l) => measurer!.measureText(l).width)) + 18);
};

export function Charts() {
  const run = useRun();
  const selection = useEditorState((s) => s.selection);
  const why = useRunState((v) => v.why);
  const series = useRunState((v) => v.series);
  const node = selection[0] ?? why?.node ?? null;
  const curves = useCurves(node);
  const [U, setU] = useState<UPlotCtor | null>(null);
  useEffect(() => {
    void loadUPlot().then((u) => setU(() => u));
  }, []);
  useEffect(() => {
    run.selectSeries(node);
    return () => run.selectSeries(null);
  }, [run, node]);
  if (!node) return <p className="run-empty">Select a node on the canvas to chart it over simulated time.</p>;
  const s = series?.node === node ? series : null;
  // a CloudWatch dashboard's widgets: one small chart per endpoint and widget ("endpoint · NAMESPACE METRIC STAT")
  const widgets = s ? Object.keys(s.series).filter((n) => n.includes(' · ') && s.series[n]?.length) : [];
  const has = s && (widgets.length > 0 || CHARTS.some((c) => c.series.some((n) => s.series[n]?.length)));
  if (curves)
    return (
      <div className="charts" data-testid="charts">
        <div className="charts-head">
          Charts of <b>{node}</b>
          {!U ? ' · loading…' : ''}
        </div>
        {U && <LearningCurves U={U} data={curves} node={node} />}
      </div>
    );
  return (
    <div className="charts" data-testid="charts">
      <div className="charts-head">
        Charts of <b>{node}</b>
        {!U ? ' · loading…' : ''}
      </div>
      {!has ? (
        <p className="run-empty">
          {s
            ? `${node} has no time series yet (endpoints and clients have them once traffic flows).`
            : 'Waiting for the run…'}
        </p>
      ) : (
        <div className="charts-row" data-testid={widgets.length ? 'dashboard-widgets' : undefined}>
          {U &&
            CHARTS.filter((c) => c.series.some((n) => s!.series[n]?.length)).map((c) => (
              <Chart key={c.title} U={U} spec={c} data={s!.series} />
            ))}
          {U &&
            widgets.map((n) => (
              <Chart
                key={n}
                U={U}
                spec={{ title: widgetTitle(n), series: [n], colours: ['#e7157b'], rate: false }}
                data={s!.series}
              />
            ))}
        </div>
      )}
    </div>
  );
}

function Chart({
  U,
  spec,
  data,
}: {
  U: UPlotCtor;
  spec: (typeof CHARTS)[number];
  data: Record<string, [number, number][]>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const present = spec.series.filter((n) => data[n]?.length);
  const key = present.join(',');
  useEffect(() => {
    const el = box.current!;
    if (!present.length) return;
    const axis = themedAxis();
    const p = new U(
      {
        width: Math.max(160, el.clientWidth),
        height: 132,
        legend: { show: false },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { ...axis, values: (_u, v) => v.map((x) => clock(x).slice(0, 5)) },
          // compact tick labels (12k, 1.5M) and an axis as wide as its longest label: never "0,000"
          { ...axis, values: (_u, v) => v.map(compactTick), size: (_u, v) => axisWidth(v) },
        ],
        series: [
          {},
          ...present.map((n) => ({
            label: n,
            stroke: spec.colours[spec.series.indexOf(n)],
            width: 2,
            fill: `${spec.colours[spec.series.indexOf(n)]}22`,
          })),
        ],
      },
      toData(present, data, spec.rate),
      el,
    );
    plot.current = p;
    const ro = new ResizeObserver(() => p.setSize({ width: Math.max(160, el.clientWidth), height: 132 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      p.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when its series change; data goes to setData
  }, [U, key]);
  useEffect(() => {
    plot.current?.setData(toData(present, data, spec.rate));
  });
  return (
    <div className="chart">
      <div className="chart-title" title={spec.title}>
        {spec.title}
      </div>
      <div ref={box} className="chart-plot" />
    </div>
  );
}

/** Columns for uPlot on the first series' time axis; sums become per-second rates. */
function toData(names: string[], data: Record<string, [number, number][]>, rate: boolean): uPlot.AlignedData {
  const base = data[names[0]] ?? [];
  const width = base.length > 1 ? base[1][0] - base[0][0] : 10;
  const xs = base.map((p) => p[0]);
  const cols = names.map((n) => {
    const pts = data[n] ?? [];
    const w = pts.length > 1 ? pts[1][0] - pts[0][0] : width;
    const byT = new Map(pts.map((p) => [p[0], p[1]]));
    return xs.map((x) => {
      const v = byT.get(x);
      return v === undefined ? null : rate ? v / w : v;
    });
  });
  return [xs, ...cols] as uPlot.AlignedData;
}
