import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditor, useEditorState } from '../state/context';
import { kindColor } from '../icons';
import { type FlowNode, NO_OVERLAY, type NodeCache, type Overlay, badges, toFlowEdges, toFlowNodes } from './adapter';
import { CanvasActions } from './actions';
import ArchNodeView from './ArchNodeView';
import GroupNodeView from './GroupNodeView';
import { GRID } from './geometry';
import { useCanvasHandlers } from './useCanvasHandlers';
import { TrafficLayer } from '../run/TrafficLayer';

const nodeTypes = { 'arch-node': ArchNodeView, 'group-node': GroupNodeView };
const minimapColor = (n: FlowNode) => (n.type === 'group-node' ? 'transparent' : kindColor(n.data.kind));
const minimapStroke = (n: FlowNode) => (n.type === 'group-node' ? kindColor(n.data.kind) : 'transparent');

/** The React Flow canvas: nodes and edges derived from the document; gestures become commands. */
export function Canvas() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const edgeSelection = useEditorState((s) => s.edgeSelection);
  const findings = useEditorState((s) => s.findings);
  const theme = useEditorState((s) => s.theme);
  const fitSeq = useEditorState((s) => s.fitSeq);
  const [overlay, setOverlay] = useState<Overlay>(NO_OVERLAY);
  const cache = useRef<NodeCache>(new Map());
  const pointer = useRef({ x: 0, y: 0 });
  const rf = useReactFlow();
  /** Fit on mount only when there is something to fit (else the first node added would jump the view). */
  const [fitOnInit] = useState(() => doc.nodes.length > 0);
  const h = useCanvasHandlers(editor, setOverlay, pointer);

  const marks = useMemo(() => badges(findings), [findings]);
  const selSet = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => toFlowNodes(doc, selSet, overlay, marks, cache.current), [doc, selSet, overlay, marks]);
  const edgeSel = useMemo(() => new Set(edgeSelection), [edgeSelection]);
  const edges = useMemo(() => toFlowEdges(doc, edgeSel, selSet), [doc, edgeSel, selSet]);

  useEffect(() => {
    if (!fitSeq || !editor.getState().doc.nodes.length) return;
    const t = setTimeout(() => void rf.fitView({ padding: 0.08, duration: 250, maxZoom: 1.1 }), 120);
    return () => clearTimeout(t);
  }, [fitSeq, rf, editor]);

  return (
    <div
      className="relative h-full w-full"
      data-testid="canvas"
      onPointerMoveCapture={(e) => { pointer.current.x = e.clientX; pointer.current.y = e.clientY; }}
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }}
      onDrop={h.onDrop}
    >
      <CanvasActions.Provider value={h.actions}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={h.onNodesChange}
          onEdgesChange={h.onEdgesChange}
          onConnect={h.onConnect}
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
          fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }}
          defaultEdgeOptions={{ type: 'default' }}
          aria-label="Architecture canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
          <MiniMap<FlowNode> style={{ width: 168, height: 112 }} pannable zoomable nodeColor={minimapColor} nodeStrokeColor={minimapStroke} nodeStrokeWidth={6} ariaLabel="Overview map" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </CanvasActions.Provider>
      <TrafficLayer />
    </div>
  );
}
