import { type NodeProps, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { createContext, memo, useContext, useEffect, useMemo, useState } from 'react';
import type { ArchDoc } from '../../model/schema';
import type { LiveNode } from '../../worker/protocol';
import ArchNodeView from '../canvas/ArchNodeView';
import GroupNodeView from '../canvas/GroupNodeView';
import RoutedEdge from '../canvas/RoutedEdge';
import { type FlowNode, NO_OVERLAY, type NodeCache, toFlowEdges, toFlowNodes } from '../canvas/adapter';
import { own } from '../../model/own';

const Live = createContext<Record<string, LiveNode>>({});
const fmt = (n: number) => n.toLocaleString('en');

/** The tone of a node's state: healthy, on its way, or failed. */
const stateTone = (state: string): 'ok' | 'busy' | 'bad' =>
  /fail|stopp|error|denied/i.test(state)
    ? 'bad'
    : /inservice|completed|succeeded|approved|running|active|ready/i.test(state)
      ? 'ok'
      : 'busy';

/** Room around the fitted nodes: the figure chips hang below a node, so the bottom keeps more. */
const FIT_PADDING = { top: '12%', x: '8%', bottom: '120px' } as const;

/** A component with its figures at this point of the run underneath. */
const FigureNode = memo(function FigureNode(p: NodeProps<FlowNode>) {
  const n = own(useContext(Live), p.id);
  const incidents = n ? Object.values(n.incidents ?? {}).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="relative">
      <ArchNodeView {...p} />
      {n && (n.state || n.requests > 0 || incidents > 0) && (
        <div className="pr-fig" data-testid={`pr-fig-${p.id}`}>
          {/* each chip carries its own tone: a healthy state is green even when requests failed */}
          {n.state && <span className={`pr-chip is-${stateTone(n.state)}`}>{n.state}</span>}
          {n.requests > 0 && (
            <span className="pr-chip">
              <span className="pr-ok">✓ {fmt(n.ok || (n.failed ? 0 : n.requests))}</span>
              {n.failed > 0 && <span className="pr-no"> ✗ {fmt(n.failed)}</span>}
            </span>
          )}
          {incidents > 0 && <span className="pr-chip is-bad">⚠ {fmt(incidents)}</span>}
        </div>
      )}
    </div>
  );
});
const nodeTypes = { 'arch-node': FigureNode, 'group-node': GroupNodeView };
const edgeTypes = { routed: RoutedEdge };

/**
 * What to show around the step's focus: its outermost container when it sits in one (a VPC, a pipeline),
 * else the node and its neighbours. Undefined (the whole design) without a focus.
 */
function around(doc: ArchDoc, focus?: string): string[] | undefined {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  if (!focus || !byId.has(focus)) return undefined;
  let top = focus;
  for (let i = 0; i < 64 && byId.get(top)?.parent; i++) top = byId.get(top)!.parent!;
  if (top !== focus) return [top];
  const near = (doc.edges ?? []).flatMap((e) => (e.from === focus ? [e.to] : e.to === focus ? [e.from] : []));
  return [
    focus,
    ...near.map((id) => {
      let t = id;
      for (let i = 0; i < 64 && byId.get(t)?.parent; i++) t = byId.get(t)!.parent!;
      return t;
    }),
  ];
}

function Flow({ doc, focus, live }: { doc: ArchDoc; focus?: string; live: Record<string, LiveNode> }) {
  const [cache] = useState<NodeCache>(() => new Map());
  const rf = useReactFlow();
  const nodes = useMemo(
    () =>
      toFlowNodes(doc, new Set(), NO_OVERLAY, new Map(), cache).map((n) =>
        n.id === focus ? { ...n, className: 'pr-focus' } : n,
      ),
    [doc, focus, cache],
  );
  const edges = useMemo(() => toFlowEdges(doc, new Set(), new Set()).map((e) => ({ ...e, label: undefined })), [doc]);
  useEffect(() => {
    const ids = around(doc, focus);
    const fit = () =>
      void rf.fitView({
        padding: FIT_PADDING,
        maxZoom: 1.3,
        minZoom: 0.1,
        duration: 300,
        nodes: ids?.map((id) => ({ id })),
      });
    const t = setTimeout(fit, 60);
    addEventListener('resize', fit);
    return () => {
      clearTimeout(t);
      removeEventListener('resize', fit);
    };
  }, [rf, doc, focus]);
  return (
    <Live.Provider value={live}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        minZoom={0.1}
        fitView
        fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1.3, minZoom: 0.1 }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        panOnDrag={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling
        proOptions={{ hideAttribution: true }}
        aria-label="Demo architecture"
      />
    </Live.Provider>
  );
}

/** The demo's architecture, read-only, its own React Flow (the editor's canvas stays as it is underneath). */
export function Diagram(p: { doc: ArchDoc; focus?: string; live: Record<string, LiveNode> }) {
  return (
    <ReactFlowProvider>
      <Flow {...p} />
    </ReactFlowProvider>
  );
}
