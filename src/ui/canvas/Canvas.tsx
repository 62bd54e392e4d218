import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditorState, useFindings, useUiState, useWorkspace } from '../state/context';
import { kindColor } from '../icons';
import { type FlowNode, NO_OVERLAY, type NodeCache, type Overlay, badges, toFlowEdges, toFlowNodes } from './adapter';
import { CanvasActions } from './actions';
import ArchNodeView from './ArchNodeView';
import GroupNodeView from './GroupNodeView';
import RoutedEdge from './RoutedEdge';
import { GRID } from './geometry';
import { useCanvasHandlers } from './useCanvasHandlers';
import { MAP_SIZE, useMapCorner } from './useMapCorner';
import { TrafficLayer } from '../run/TrafficLayer';
import { useRunState } from '../run/context';

const nodeTypes = { 'arch-node': ArchNodeView, 'group-node': GroupNodeView };
const edgeTypes = { routed: RoutedEdge };
const minimapColor = (n: FlowNode) => (n.type === 'group-node' ? 'transparent' : kindColor(n.data.kind));
const minimapStroke = (n: FlowNode) => (n.type === 'group-node' ? kindColor(n.data.kind) : 'transparent');

/** The overview map: 'on' / 'off' as the user chose, else shown only when the canvas is tall enough. */
const MINIMAP_KEY = 'sagesim:minimap@1';
const MINIMAP_MIN_H = 560;
const readMinimap = (): 'on' | 'off' | null => {
  try {
    const v = localStorage.getItem(MINIMAP_KEY);
    return v === 'on' || v === 'off' ? v : null;
  } catch {
    return null;
  }
};
/**
 * Fit padding that keeps nodes out of the canvas's corners: the run legend (top right, while a run is on),
 * the overview map (bottom right) and the zoom controls (bottom left).
 */
const fitPadding = (runOn: boolean, minimap: boolean) =>
  ({
    top: runOn ? '64px' : '28px',
    right: '28px',
    bottom: minimap ? '140px' : '36px',
    left: minimap ? '28px' : '60px',
  }) as const;

/** The React Flow canvas: nodes and edges derived from the document; gestures become commands. */
export function Canvas() {
  const ws = useWorkspace();
  const editor = ws.editor;
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const edgeSelection = useEditorState((s) => s.edgeSelection);
  const findings = useFindings();
  const theme = useUiState((s) => s.theme);
  const fitSeq = useUiState((s) => s.fitSeq);
  const runOn = useRunState((v) => v.status !== 'off');
  const [overlay, setOverlay] = useState<Overlay>(NO_OVERLAY);
  /** Flow nodes kept between renders (a stable, lazily made map; toFlowNodes reuses unchanged entries). */
  const [cache] = useState<NodeCache>(() => new Map());
  const pointer = useRef({ x: 0, y: 0 });
  const rf = useReactFlow();
  /** Fit on mount only when there is something to fit (else the first node added would jump the view). */
  const [fitOnInit] = useState(() => doc.nodes.length > 0);
  const h = useCanvasHandlers(ws, setOverlay, pointer);
  const host = useRef<HTMLDivElement>(null);
  const [tall, setTall] = useState(true);
  const [mapChoice, setMapChoice] = useState(readMinimap);
  const showMap = mapChoice ? mapChoice === 'on' : tall;
  const mapCorner = useMapCorner(runOn);
  const padding = fitPadding(runOn, showMap);
  /** The latest padding, for fits run from timers (updated after each render, read only in timers). */
  const fitArgs = useRef({ padding });
  useEffect(() => {
    fitArgs.current = { padding };
  });
  /**
   * Set when the user pans or zooms by hand (then a run starting does not move the view); cleared on a new document.
   */
  const userMoved = useRef(false);
  /** Until when a run that just started may re-fit the view as the run panel opens. */
  const refitUntil = useRef(0);
  const refitTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refit = (delay: number) => {
    clearTimeout(refitTimer.current);
    refitTimer.current = setTimeout(() => {
      if (userMoved.current || !editor.getState().doc.nodes.length) return;
      void rf.fitView({ padding: fitArgs.current.padding, duration: 250, maxZoom: 1.1 });
    }, delay);
  };
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      setTall(el.clientHeight >= MINIMAP_MIN_H);
      if (performance.now() < refitUntil.current) refit(160);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(refitTimer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one observer for the canvas's life; refit reads refs
  }, []);
  useEffect(() => {
    if (!runOn) return;
    // The first time a run starts: the run panel opens and the canvas shrinks; fit once it has settled.
    refitUntil.current = performance.now() + 1500;
    refit(220);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a run starting re-fits; refit is remade every render
  }, [runOn]);
  const toggleMap = () => {
    const next = showMap ? 'off' : 'on';
    setMapChoice(next);
    try {
      localStorage.setItem(MINIMAP_KEY, next);
    } catch {
      /* blocked */
    }
  };

  const marks = useMemo(() => badges(findings), [findings]);
  const selSet = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => toFlowNodes(doc, selSet, overlay, marks, cache), [doc, selSet, overlay, marks, cache]);
  const edgeSel = useMemo(() => new Set(edgeSelection), [edgeSelection]);
  const edges = useMemo(() => toFlowEdges(doc, edgeSel, selSet), [doc, edgeSel, selSet]);

  useEffect(() => {
    userMoved.current = false;
    if (!fitSeq || !editor.getState().doc.nodes.length) return;
    const t = setTimeout(() => void rf.fitView({ padding: fitArgs.current.padding, duration: 250, maxZoom: 1.1 }), 120);
    return () => clearTimeout(t);
  }, [fitSeq, rf, editor]);

  return (
    <div
      ref={host}
      className="relative h-full w-full"
      data-testid="canvas"
      onPointerMoveCapture={(e) => {
        pointer.current.x = e.clientX;
        pointer.current.y = e.clientY;
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={h.onDrop}
    >
      <CanvasActions.Provider value={h.actions}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={h.onNodesChange}
          onEdgesChange={h.onEdgesChange}
          onConnect={h.onConnect}
          onConnectEnd={h.onConnectEnd}
          onNodeDragStop={h.onNodeDragStop}
          onPaneClick={() => editor.select([])}
          colorMode={theme}
          snapToGrid
          snapGrid={[GRID, GRID]}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          minZoom={0.1}
          maxZoom={2}
          fitView={fitOnInit}
          fitViewOptions={{ padding, maxZoom: 1.1 }}
          onMoveStart={(e) => {
            if (e) userMoved.current = true;
          }}
          defaultEdgeOptions={{ type: 'default' }}
          aria-label="Architecture canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
          {showMap && mapCorner && (
            <MiniMap<FlowNode>
              position={mapCorner}
              style={MAP_SIZE}
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeStrokeColor={minimapStroke}
              nodeStrokeWidth={6}
              ariaLabel="Overview map"
            />
          )}
          <Controls showInteractive={false} fitViewOptions={{ padding, maxZoom: 1.1 }}>
            <ControlButton
              onClick={toggleMap}
              title={
                showMap
                  ? mapCorner
                    ? 'Hide the overview map'
                    : 'Hide the overview map (now stepped aside: components fill every corner)'
                  : 'Show the overview map'
              }
              aria-label={showMap ? 'Hide the overview map' : 'Show the overview map'}
              aria-pressed={showMap}
              data-testid="toggle-minimap"
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <rect
                  x="1.5"
                  y="2.5"
                  width="13"
                  height="11"
                  rx="1.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                />
                <rect x="8" y="8" width="5" height="4" fill="currentColor" opacity={showMap ? 1 : 0.35} />
              </svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      </CanvasActions.Provider>
      <TrafficLayer />
    </div>
  );
}
