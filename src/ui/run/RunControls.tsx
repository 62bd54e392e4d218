import { useRun, useRunState } from './context';
import { clock } from './store';

export const SPEEDS = [1, 2, 5, 10, 30, 100, 300, 1000] as const;

/** Play/pause, step, speed, run to end, the simulated clock and reset, in the top bar's run slot. */
export function RunControls() {
  const run = useRun();
  const status = useRunState((v) => v.status);
  const now = useRunState((v) => v.now);
  const dur = useRunState((v) => v.durationSec);
  const speed = useRunState((v) => v.speed);
  const lastStep = useRunState((v) => v.lastStep);
  const eta = useRunState((v) => v.etaSec);
  const finished = status === 'finished';
  const toEnd = status === 'toEnd';
  const running = status === 'running' || toEnd;
  return (
    <div className="run-controls" role="group" aria-label="Run">
      <button
        type="button"
        className={`run-btn run-play ${running ? 'is-on' : ''}`}
        onClick={() => run.toggle()}
        disabled={finished}
        aria-label={running ? 'Pause' : 'Play'}
        title={running ? 'Pause (P)' : 'Play (P)'}
      >
        {running ? <Icon d="M6 4h4v16H6zM14 4h4v16h-4z" /> : <Icon d="M7 4l13 8-13 8z" />}
      </button>
      <button
        type="button"
        className="run-btn"
        onClick={() => run.step()}
        disabled={finished}
        aria-label="Step"
        title={`Step: process the next event and stop (.)${lastStep ? `\nLast: ${lastStep}` : ''}`}
      >
        <Icon d="M5 4l10 8-10 8zM16 4h3v16h-3z" />
      </button>
      <label className="sr-only" htmlFor="run-speed">
        Speed
      </label>
      <select
        id="run-speed"
        className="run-speed"
        value={speed}
        onChange={(e) => run.setSpeed(Number(e.target.value))}
        title="Simulated seconds per second"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            ×{s}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="run-btn"
        onClick={() => run.runToEnd()}
        disabled={finished || toEnd}
        aria-label="Run to end"
        title="Run to the end at full speed"
      >
        <Icon d="M3 4l9 8-9 8zM12 4l9 8-9 8z" />
      </button>
      <div
        className="run-clock"
        title={`Simulated time ${clock(now)} of ${clock(dur)}${toEnd ? ': running to the end' : ''}`}
        data-testid="run-clock"
        data-status={status}
      >
        <span className="run-clock-time">{clock(now)}</span>
        <span className="run-clock-of">/ {clock(dur)}</span>
        {toEnd && (
          <span className="run-clock-eta" data-testid="run-eta" aria-live="off">
            {Math.floor((100 * now) / Math.max(1, dur))}%{eta !== null ? ` · ${etaText(eta)} left` : ''}
          </span>
        )}
        <span className="run-clock-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (100 * now) / Math.max(1, dur))}%` }} />
        </span>
      </div>
      <button
        type="button"
        className="run-btn"
        onClick={() => run.reset()}
        disabled={status === 'off'}
        aria-label="Reset run"
        title="Reset to 00:00:00"
      >
        <Icon d="M4 12a8 8 0 1 0 2.3-5.6M4 4v5h5" stroke />
      </button>
    </div>
  );
}

/** A wall-time estimate as the clock shows it: "≈ 12 s", "≈ 2 min". */
export function etaText(sec: number): string {
  if (sec < 1) return '< 1 s';
  if (sec < 90) return `≈ ${Math.round(sec)} s`;
  return `≈ ${Math.round(sec / 60)} min`;
}

function Icon({ d, stroke }: { d: string; stroke?: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill={stroke ? 'none' : 'currentColor'}
      stroke={stroke ? 'currentColor' : 'none'}
      strokeWidth={stroke ? 2.4 : 0}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
