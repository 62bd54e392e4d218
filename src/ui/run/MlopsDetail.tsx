import type { RecommendationResult } from '../../engine';
import { useRunNode } from './context';
import {
  automlOf,
  EXEC_TONE,
  mlopsLine,
  type MountedInput,
  mountedInputOf,
  PACKAGE_STATUS,
  recommendationOf,
  releaseOf,
  type ReleaseStageView,
  RUN_RESULT,
  runningSteps,
  STAGE_TONE,
} from './mlopsView';
import { SideScroll } from './SideScroll';
import type { ReactNode } from 'react';
import { clock } from './store';

const at = (t?: number) => (t === undefined ? '—' : clock(t));

/**
 * A pipeline's executions and steps, a registry's package versions, a monitor's runs, in full (the why?
 * panel of the node): what the canvas shows in one line.
 */
export function MlopsDetail({ id }: { id: string }) {
  const n = useRunNode(id);
  const line = n ? mlopsLine(n) : null;
  if (!n || !line) return null;
  const ml = n.mlops;
  const rec = recommendationOf(n);
  const rel = releaseOf(n);
  const mounted = mountedInputOf(n);
  const auto = automlOf(n);
  return (
    <section className="mlx" data-testid="mlops-detail" aria-label={`${id} in this run`}>
      <div className="mlx-head">
        <b>{id}</b> in this run: {line.title}
      </div>
      {ml?.steps && (
        <div className="mlx-grid">
          <DetailTable
            label="Pipeline executions"
            caption="Executions"
            columns={['#', 'State', 'Started', 'Ended', 'Trigger']}
          >
            {(ml.executions ?? [])
              .slice()
              .reverse()
              .map((e) => (
                <tr key={e.n}>
                  <td>{e.n}</td>
                  <td>
                    <span className={`run-chip run-chip-${EXEC_TONE[e.state] ?? 'idle'}`}>{e.state}</span>
                  </td>
                  <td>{at(e.startSec)}</td>
                  <td>{at(e.endSec)}</td>
                  <td className="mlx-wrap">{e.reason || '—'}</td>
                </tr>
              ))}
            {!ml.executions?.length && (
              <tr>
                <td colSpan={5} className="muted">
                  No execution yet: it starts at 00:00:00, or when its trigger fires.
                </td>
              </tr>
            )}
          </DetailTable>
          <DetailTable
            label="Pipeline steps"
            caption={<>Steps{runningSteps(ml) ? ` — running: ${runningSteps(ml)}` : ''}</>}
          >
            {ml.steps.map((s) => (
              <tr key={s.id}>
                <td>{s.id}</td>
                <td>
                  {s.state ?? '—'}
                  {s.phase ? ` · ${s.phase}` : ''}
                  {s.progress !== undefined ? ` ${Math.round(s.progress * 100)}%` : ''}
                </td>
              </tr>
            ))}
          </DetailTable>
        </div>
      )}
      {ml?.packages && (
        <DetailTable
          label="Model package versions"
          caption="Model package versions"
          columns={['Version', 'Model', 'Status', 'Registered', 'Status since']}
        >
          {ml.packages
            .slice()
            .reverse()
            .map((p) => (
              <tr key={p.id} data-status={p.status}>
                <td>
                  v{p.n} <span className="muted">{p.id}</span>
                </td>
                <td>{p.model ?? '—'}</td>
                <td>
                  <span className={`run-chip run-chip-${PACKAGE_STATUS[p.status]?.tone ?? 'idle'}`}>{p.status}</span>
                </td>
                <td>{p.n === 0 ? 'before the run' : at(p.registeredAt)}</td>
                <td>{at(p.statusAt ?? p.registeredAt)}</td>
              </tr>
            ))}
        </DetailTable>
      )}
      {ml?.runs && (
        <DetailTable
          label="Monitoring runs"
          caption="Monitoring runs (newest first)"
          columns={['Run', 'At', 'Result', 'Detail']}
        >
          {ml.runs
            .slice()
            .reverse()
            .map((r) => (
              <tr key={r.n} data-result={r.result}>
                <td>{r.n}</td>
                <td>{clock(r.t)}</td>
                <td>
                  <span className={`run-chip run-chip-${RUN_RESULT[r.result].tone}`}>{RUN_RESULT[r.result].short}</span>
                </td>
                <td className="mlx-wrap">{r.text}</td>
              </tr>
            ))}
          {!ml.runs.length && (
            <tr>
              <td colSpan={4} className="muted">
                No run yet: the first comes one schedule period after the start.
              </td>
            </tr>
          )}
        </DetailTable>
      )}
      {rec && <RecommendationTable rec={rec} />}
      {rel && rel.stages.length > 0 && <StageTable stages={rel.stages} executions={rel.executions} />}
      {mounted && <MountedInputTable m={mounted} />}
      {auto && <AutomlTables auto={auto} />}
    </section>
  );
}

/** A training job's input from a file system: mount time and read against what File mode from S3 would cost. */
function MountedInputTable({ m }: { m: MountedInput }) {
  return (
    <DetailTable
      label="Input from a file system"
      testId="mounted-input"
      caption="Input from a file system (EFS / FSx for Lustre)"
      columns={['Input path', 'Before training', 'Reading the data']}
    >
      <tr>
        <td>Mounted (FileSystemDataSource)</td>
        <td>{m.mountSec} s mount</td>
        <td>{m.readMin} min, while it trains</td>
      </tr>
      <tr className="muted">
        <td>S3 in File mode (same data)</td>
        <td>{m.s3Min} min download</td>
        <td>from the local volume</td>
      </tr>
    </DetailTable>
  );
}

const usd = (x: number, digits: number) => `$${x.toFixed(digits)}`;

/**
 * An Inference Recommender job's result: latency against cost per instance configuration, the recommended one
 * first.
 */
function RecommendationTable({ rec }: { rec: RecommendationResult }) {
  const rows = [...rec.recommendations].sort(
    (a, b) => Number(b.meetsLatency ?? true) - Number(a.meetsLatency ?? true) || a.costPerHourUSD - b.costPerHourUSD,
  );
  const advanced = rec.jobType === 'Advanced';
  return (
    <DetailTable
      label="Inference Recommender results"
      testId="recommendations"
      caption={
        <>
          Load tests ({rec.jobType} job) — recommended: <b>{rec.recommended ?? 'none met the p99 limit'}</b>
        </>
      }
      columns={[
        'Instance type',
        'Count',
        ['Max inv/min', 'MaxInvocations: requests per minute at saturation'],
        ['p50 ms', 'ModelLatency, median'],
        'p99 ms',
        'Cost/hour',
        'Cost/1M inferences',
        ...(advanced ? ['Meets p99'] : []),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.instanceType}>
          <td>{r.instanceType}</td>
          <td>{r.instanceCount}</td>
          <td>{r.maxInvocations.toLocaleString('en-US')}</td>
          <td>{r.modelLatencyMs}</td>
          <td>{r.p99Ms}</td>
          <td>{usd(r.costPerHourUSD, 3)}</td>
          <td>{usd(r.costPerInferenceUSD * 1e6, 2)}</td>
          {advanced && (
            <td>
              <span className={`run-chip run-chip-${r.meetsLatency ? 'ok' : 'bad'}`}>
                {r.meetsLatency ? 'yes' : 'no'}
              </span>
            </td>
          )}
        </tr>
      ))}
    </DetailTable>
  );
}

/** A codepipeline's latest execution, stage by stage (as the CodePipeline console lists it). */
function StageTable({ stages, executions }: { stages: ReleaseStageView[]; executions: number }) {
  return (
    <DetailTable
      label="Release stages"
      testId="release-stages"
      caption={<>Execution #{executions}: stages</>}
      columns={['Stage', 'Status', 'Started', 'Ended', 'Detail']}
    >
      {stages.map((s) => (
        <tr key={s.name}>
          <td>{s.name}</td>
          <td>
            <span className={`run-chip run-chip-${STAGE_TONE[s.status]?.tone ?? 'idle'}`}>
              {STAGE_TONE[s.status]?.mark ?? '·'} {s.status}
            </span>
          </td>
          <td>{at(s.startSec)}</td>
          <td>{at(s.endSec)}</td>
          <td>{s.detail ?? ''}</td>
        </tr>
      ))}
    </DetailTable>
  );
}

/**
 * An Autopilot job's leaderboard (candidates ranked by the objective metric, best first) and the explainability
 * report's top features (Clarify SHAP: share of the mean |SHAP| value) of its best candidate.
 */
function AutomlTables({ auto }: { auto: NonNullable<ReturnType<typeof automlOf>> }) {
  return (
    <div className="mlx-grid">
      <DetailTable
        label="Autopilot leaderboard"
        testId="automl-leaderboard"
        caption={
          <>
            Leaderboard — {auto.candidates} of {auto.planned} candidates ({auto.mode}, objective {auto.objective})
          </>
        }
        columns={['#', 'Candidate', 'Algorithm', auto.objective, 'Trained by']}
      >
        {auto.leaderboard.map((c) => (
          <tr key={c.name} data-best={c.rank === 1 || undefined}>
            <td>{c.rank === 1 ? '★ 1' : c.rank}</td>
            <td>{c.name}</td>
            <td>{c.algorithm}</td>
            <td>{c.value}</td>
            <td>{clock(c.finishedSec)}</td>
          </tr>
        ))}
        {!auto.leaderboard.length && (
          <tr>
            <td colSpan={5} className="muted">
              No leaderboard yet: it is written when the job ends.
            </td>
          </tr>
        )}
      </DetailTable>
      <DetailTable
        label="Explainability report"
        testId="automl-explainability"
        caption="Explainability report (SHAP) of the best candidate"
        columns={['Feature', 'Share of mean |SHAP|']}
      >
        {auto.topFeatures.map((f) => (
          <tr key={f.feature}>
            <td>{f.feature}</td>
            <td>{Math.round(f.share * 100)}%</td>
          </tr>
        ))}
        {!auto.topFeatures.length && (
          <tr>
            <td colSpan={2} className="muted">
              {auto.leaderboard.length ? 'No explainability report: the job ended before writing it.' : 'Not yet.'}
            </td>
          </tr>
        )}
      </DetailTable>
    </div>
  );
}

/** A column head: its text, or its text and a tooltip that says what the figure is. */
type Column = string | [text: string, title: string];

/** One of the panel's tables: a caption, its column heads and its rows, scrolling sideways when the panel is narrow. */
function DetailTable({
  label,
  caption,
  columns,
  testId,
  children,
}: {
  label: string;
  caption: ReactNode;
  columns?: Column[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <SideScroll label={label}>
      <table className="mlx-table" data-testid={testId}>
        <caption>{caption}</caption>
        {columns && (
          <thead>
            <tr>
              {columns.map((c) =>
                typeof c === 'string' ? (
                  <th key={c}>{c}</th>
                ) : (
                  <th key={c[0]} title={c[1]}>
                    {c[0]}
                  </th>
                ),
              )}
            </tr>
          </thead>
        )}
        <tbody>{children}</tbody>
      </table>
    </SideScroll>
  );
}
