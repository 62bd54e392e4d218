import { useReactFlow } from '@xyflow/react';
import { Suspense, lazy, useEffect, useMemo, useRef } from 'react';
import { useEditorState } from '../state/context';
import { useRun, useRunState } from './context';
import { trafficPaths } from './traffic/paths';
import { type TrafficInstance, type TrafficUpdate, createTraffic } from './traffic/renderer';
import { ROUTES } from '../canvas/route';

export { OUTCOME_COLOURS, OUTCOME_LABELS } from './traffic/colours';

// the lens switch and its key load with the first run, not with the first screen
const Legend = lazy(() => import('./traffic/Legend').then((m) => ({ default: m.Legend })));

/**
 * Traffic you can see: the framework-free traffic renderer (`traffic/renderer.ts`) on a canvas over the
 * diagram, told what changed (run status, lens, the document's edges), and the lens switch with its key.
 */
export function TrafficLayer() {
  const run = useRun();
  const rf = useReactFlow();
  const doc = useEditorState((s) => s.doc);
  const status = useRunState((v) => v.status);
  const lens = useRunState((v) => v.lens);
  const paths = useMemo(() => trafficPaths(doc), [doc]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<TrafficInstance | null>(null);
  const view = useRef<TrafficUpdate | null>(null);

  // Before the layer is made (effects run in order): the view it starts from, then every change to it.
  useEffect(() => {
    view.current = { status, lens, paths };
    layer.current?.update(view.current);
  }, [status, lens, paths]);

  useEffect(() => {
    const inst = createTraffic({
      canvas: canvas.current!,
      getNode: (id) => {
        const a = rf.getInternalNode(id);
        if (!a) return null;
        const p = a.internals.positionAbsolute;
        return { x: p.x, y: p.y, width: a.measured.width ?? a.width ?? 0, height: a.measured.height ?? a.height ?? 0 };
      },
      getRoute: (from, to) => ROUTES.get(`${from}->${to}`),
      getViewport: () => rf.getViewport(),
      getFigures: () => run.latest,
      getTime: () => run.getState().now,
      onPick: (endpoint, outcome, atSec) => void run.openTraces(endpoint, { outcome, atSec }),
    });
    if (view.current) inst.update(view.current);
    const offFlows = run.onFlows((flows) => inst.flows(flows));
    layer.current = inst;
    return () => {
      offFlows();
      inst.destroy();
      layer.current = null;
    };
  }, [run, rf]);

  return (
    <>
      <canvas ref={canvas} className="traffic-layer" data-testid="traffic-layer" aria-hidden="true" />
      {status !== 'off' && (
        <Suspense fallback={null}>
          <Legend lens={lens} onLens={(l) => run.setLens(l)} />
        </Suspense>
      )}
    </>
  );
}
