import {
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
  useReactFlow,
} from '@xyflow/react';
import { type Dispatch, type RefObject, type SetStateAction, useCallback, useMemo } from 'react';
import type { Host } from '../state/persist';
import { openAnyFile } from '../cfn/open';
import type { FlowNode, Overlay } from './adapter';
import type { CanvasActionsValue } from './actions';
import { addAt, connectNodes, dragStop, selectEdges, selectNodes } from './gestures';

export { addAt } from './gestures';
export const KIND_MIME = 'application/x-sagesim-kind';

/** The canvas's event handlers: React Flow's events, handed to the gestures (`gestures.ts`). */
export function useCanvasHandlers(
  host: Host,
  setOverlay: Dispatch<SetStateAction<Overlay>>,
  pointer: RefObject<{ x: number; y: number }>,
) {
  const rf = useReactFlow();

  const clear = useCallback(
    (ids: string[]) =>
      setOverlay((o) => {
        const pos = { ...o.pos },
          size = { ...o.size };
        for (const id of ids) {
          delete pos[id];
          delete size[id];
        }
        return { pos, size };
      }),
    [setOverlay],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const sel: { id: string; selected: boolean }[] = [];
      let pos: Overlay['pos'] | null = null,
        size: Overlay['size'] | null = null;
      for (const c of changes) {
        if (c.type === 'select') sel.push(c);
        else if (c.type === 'position' && c.position) (pos ??= {})[c.id] = c.position;
        else if (c.type === 'dimensions' && c.resizing && c.dimensions) (size ??= {})[c.id] = c.dimensions;
      }
      if (sel.length) selectNodes(host, sel);
      if (pos || size)
        setOverlay((o) => ({ pos: pos ? { ...o.pos, ...pos } : o.pos, size: size ? { ...o.size, ...size } : o.size }));
    },
    [host, setOverlay],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const sel = changes.filter((c) => c.type === 'select');
      if (sel.length) selectEdges(host, sel);
    },
    [host],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      connectNodes(host, c.source, c.target, { ...pointer.current });
    },
    [host, pointer],
  );

  /** A connection drag that ends anywhere but on a dot says so (React Flow alone would end it silently). */
  const onConnectEnd: OnConnectEnd = useCallback(
    (e, state) => {
      if (state.isValid) return;
      const p = 'changedTouches' in e ? e.changedTouches[0] : e;
      const at = { x: p.clientX, y: p.clientY };
      const from = state.fromNode?.id;
      host.ui.toast(
        state.toNode
          ? `Not connected: drop the line on the left-hand dot of ${state.toNode.id}.`
          : `Not connected: drag from ${from ?? 'a component'}'s right-hand dot to another component's left-hand dot.`,
        'error',
        at,
      );
    },
    [host],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_e, _n, dragged) => {
      dragStop(host, dragged, { ...pointer.current });
      clear(dragged.map((n) => n.id));
    },
    [host, clear, pointer],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      e.preventDefault();
      const kind = e.dataTransfer.getData(KIND_MIME);
      const at = { x: e.clientX, y: e.clientY };
      if (!kind) {
        const file = e.dataTransfer.files?.[0];
        if (file) openAnyFile(host, file); // a SageSim file or a CloudFormation template
        return;
      }
      addAt(host, kind, rf.screenToFlowPosition(at), at);
    },
    [host, rf],
  );

  const actions: CanvasActionsValue = useMemo(
    () => ({
      resizeEnd(id, p) {
        host.editor.run('resize', { id, size: { width: p.width, height: p.height }, position: { x: p.x, y: p.y } });
        clear([id]);
      },
    }),
    [host, clear],
  );

  return { onNodesChange, onEdgesChange, onConnect, onConnectEnd, onNodeDragStop, onDrop, actions };
}
