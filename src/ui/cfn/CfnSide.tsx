import { Suspense, lazy, useEffect, useRef } from 'react';
import './cfn.css';
import { useUi } from '../state/context';
import { cfnViewOpen, useCell } from './store';

const CfnPanel = lazy(() => import('./CfnPanel'));

/** Beside the canvas: the tab that opens "View as CloudFormation", and the view itself once open. */
export function CfnSide() {
  const open = useCell(cfnViewOpen);
  const ui = useUi();
  const first = useRef(true);
  // the canvas gets narrower or wider: fit the design to it again (not on the first render)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ui.requestFit();
  }, [open, ui]);
  // Closed, the tab stands in its own narrow rail beside the canvas, never over it: nothing floating over the
  // diagram can cover a component's connection dot (a drag that starts on a covered dot would miss it).
  if (!open)
    return (
      <div className="cfn-rail">
        <button type="button" className="cfn-tab" onClick={() => cfnViewOpen.set(true)} title="View as CloudFormation">
          View as CloudFormation
        </button>
      </div>
    );
  return (
    <Suspense fallback={<aside className="cfn-panel p-3">Loading the template…</aside>}>
      <CfnPanel />
    </Suspense>
  );
}
