import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { themedAxis } from './chartAxis';
import { useRun, useRunState } from './context';

/** The curves a training job's run logs when its Training phase ends (see engine jobs/learning.ts). */
export interface CurvesData {
  unit: string;
  bestStep: number;
  servedStep: number;
  points: { step: number; train: number; validation: number }[];
}

/** The newest learning curves of a node in the log buffer, or null. */
export function useCurves(node: string | null): CurvesData | null {
  const run = useRun();
  const version = useRunState((v) => v.logVersion);
  void version; // re-read the buffer when rows arrive
  if (!node) return null;
  for (let i = run.log.length - 1; i >= 0; i--) {
    const r = run.log[i];
    if (r.node !== node || !r.data || !Array.isArray(r.data.curves)) continue;
    return {
      unit: String(r.data.unit ?? 'step'),
      bestStep: Number(r.data.bestStep),
      servedStep: Number(r.data.servedStep),
      points: r.data.curves as CurvesData['points'],
    };
  }
  return null;
}

/**
 * Training and validation loss per round (XGBoost) or epoch (a script-mode network) of the selected training
 * job: the picture of overfitting (a widening gap), underfitting (both high) and early stopping (the kept round).
 */
export function LearningCurves({ U, data, node }: { U: typeof uPlot; data: CurvesData; node: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current!;
    const axis = themedAxis();
    const xs = data.points.map((p) => p.step);
    const p = new U(
      {
        width: Math.max(200, el.clientWidth),
        height: 150,
        legend: { show: true },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          { ...axis, label: data.unit },
          { ...axis, size: 44, label: 'loss' },
        ],
        series: [
          { label: data.unit },
          { label: 'training loss', stroke: '#0b6bcb', width: 2 },
          { label: 'validation loss', stroke: '#d7263d', width: 2 },
        ],
      },
      [xs, data.points.map((q) => q.train), data.points.map((q) => q.validation)],
      el,
    );
    const ro = new ResizeObserver(() => p.setSize({ width: Math.max(200, el.clientWidth), height: 150 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      p.destroy();
    };
  }, [U, data]);
  const last = data.points[data.points.length - 1];
  return (
    <div className="chart" data-testid="learning-curves">
      <div className="chart-title">
        Learning curves of {node}: {last ? `${last.step} ${data.unit}s run` : ''}
        {data.servedStep !== last?.step ? ` · model kept from ${data.unit} ${data.servedStep}` : ''} · lowest validation
        loss at {data.unit} {data.bestStep}
      </div>
      <div ref={box} className="chart-plot" />
    </div>
  );
}
