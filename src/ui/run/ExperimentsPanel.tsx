import { useEffect, useRef, useState } from 'react';
import type { ExperimentRun, ModelLineage } from '../../engine';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import { useFocusNode } from './EventLog';
import { SideScroll } from './SideScroll';
import { lineageSteps, lineageTitle } from './lineageView';

const usd = (x: number) => `$${x >= 100 ? x.toFixed(0) : x.toFixed(2)}`;
const dash = (x: number | string | null | undefined) => (x === null || x === undefined ? '—' : String(x));

/**
 * The Experiments tab (exam skill S2.3.3): the run's training and tuning jobs compared as SageMaker Experiments /
 * MLflow compares runs (hyperparameters, training vs validation loss, the validation metric, time, cost), and the
 * lineage of each model the run trained, from data to endpoint, as ML Lineage Tracking links it. The figures are the
 * engine's read-outs, answered by the worker; they refresh as the run moves. The figures a choice rests on (metric,
 * time, cost) come first: a narrow panel shows them before it scrolls sideways to the rest.
 */
export function ExperimentsPanel() {
  const run = useRun();
  const status = useRunState((v) => v.status);
  const total = useRunState((v) => v.logTotal);
  const labels = useEditorState((s) => s.doc.nodes);
  const focus = useFocusNode();
  const [data, setData] = useState<{ runs: ExperimentRun[]; lineage: ModelLineage[] } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // at most one request every 400 ms while the log grows; one more when the run's status changes
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const p = run.experiments();
      if (p) void p.then(setData);
    }, 400);
  }, [run, status, total]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const label = (id: string) => labels.find((n) => n.id === id)?.label ?? id;
  if (status === 'off') return <p className="run-empty">Run the design to compare its training jobs here.</p>;
  if (!data) return <p className="run-empty">Loading experiments…</p>;
  if (!data.runs.length && !data.lineage.length)
    return <p className="run-empty">This design has no training or tuning job to compare.</p>;
  const best = bestRun(data.runs);
  return (
    // an Autopilot job's model has a lineage but no run to compare: the lineage takes the whole width
    <div className={data.runs.length ? 'experiments' : 'experiments lineage-only'} data-testid="experiments-panel">
      <SideScroll
        label="Training runs compared"
        className="exp-runs"
        testId="experiments-runs"
        hidden={!data.runs.length}
      >
        <table className="exp-table" data-testid="experiments-table">
          <thead>
            <tr>
              <th>Run</th>
              <th>Validation metric</th>
              <th>Time</th>
              <th>Cost</th>
              <th title="Training loss / validation loss of the kept model">Loss (train / val.)</th>
              <th>State</th>
              <th>Hyperparameters</th>
              <th>Algorithm</th>
              <th>Instance</th>
            </tr>
          </thead>
          <tbody>
            {data.runs.map((r) => (
              <tr key={r.id} className={r.id === best ? 'is-best' : undefined}>
                <td>
                  <button type="button" className="exp-node" onClick={() => focus(r.id)}>
                    {label(r.id)}
                  </button>
                </td>
                <td className="exp-num">{r.metric ? `${r.metric} ${dash(r.validation)}` : '—'}</td>
                <td className="exp-num">{r.minutes === null ? '—' : `${r.minutes} min`}</td>
                <td className="exp-num">{usd(r.costUSD)}</td>
                <td className="exp-num">
                  {r.trainLoss === null && r.validationLoss === null
                    ? '—'
                    : `${dash(r.trainLoss)} / ${dash(r.validationLoss)}`}
                </td>
                <td>{r.state}</td>
                <td className="exp-params">
                  {Object.entries(r.params)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(' · ') || '—'}
                </td>
                <td>{r.algorithm}</td>
                <td>{dash(r.instanceType)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <div className="lineage" data-testid="lineage">
        <h4>Lineage</h4>
        {!data.lineage.length && <p className="run-empty">No model trained in the run yet.</p>}
        {data.lineage.map((l) => (
          <section key={l.model}>
            <p className="lineage-model">{lineageTitle(l)}</p>
            <ol className="lineage-chain" aria-label={`Lineage of ${l.model}`}>
              {lineageSteps(l, label).map((e, i) => (
                <li key={e.key} className={e.className}>
                  {i > 0 && <span className="lineage-arrow">→</span>}
                  <span className="lineage-box" title={e.detail}>
                    <span className="lineage-role">{e.role}</span>
                    <b>{e.name}</b>
                    <span className="lineage-detail">{e.detail}</span>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}

const LOWER_IS_BETTER = ['rmse', 'mae', 'logloss'];

/** The completed run with the best validation figure (lower for error metrics), or null. */
function bestRun(runs: ExperimentRun[]): string | null {
  const scored = runs.filter((r) => r.validation !== null && r.metric);
  if (scored.length < 2) return null;
  const lower = LOWER_IS_BETTER.includes(scored[0].metric!);
  const sorted = [...scored].sort((a, b) => (lower ? a.validation! - b.validation! : b.validation! - a.validation!));
  return sorted[0].id;
}
