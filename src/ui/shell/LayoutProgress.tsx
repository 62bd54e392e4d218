import { useSyncExternalStore } from 'react';
import { cancelLayout, layoutJob } from '../state/layout-job';

/** While a big document is laid out in the worker: how far it got, and a cancel that leaves your work as it was. */
export function LayoutProgress() {
  const job = useSyncExternalStore(layoutJob.subscribe, layoutJob.get);
  if (!job) return null;
  const pct = job.total ? Math.floor((100 * job.placed) / job.total) : 0;
  return (
    <div
      className="layout-progress"
      role="dialog"
      aria-modal="false"
      aria-label="Laying out"
      data-testid="layout-progress"
    >
      <p>
        Laying out {job.what}: {job.total.toLocaleString('en')} nodes…
      </p>
      <progress max={100} value={pct} aria-label="Layout progress">
        {pct}%
      </progress>
      <button type="button" className="btn" onClick={cancelLayout}>
        Cancel
      </button>
    </div>
  );
}
