import { Suspense, lazy } from 'react';
import './cfn.css';
import { cfnViewOpen, useCell } from './store';

const CfnPanel = lazy(() => import('./CfnPanel'));

/** Beside the canvas: the tab that opens "View as CloudFormation", and the view itself once open. */
export function CfnSide() {
  const open = useCell(cfnViewOpen);
  if (!open)
    return (
      <button type="button" className="cfn-tab" onClick={() => cfnViewOpen.set(true)} title="View as CloudFormation">
        View as CloudFormation
      </button>
    );
  return (
    <Suspense fallback={<aside className="cfn-panel p-3">Loading the template…</aside>}>
      <CfnPanel />
    </Suspense>
  );
}
