import {
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
  useReactFlow,
} from '@xyflow/react';
import { type Dispatch, type RefObject, type SetStateAction, useCallback, useMemo } from 'react';
import { isKind } from '../../catalog/kinds';
import { openText } from '../state/persist';
import type { Editor } from '../state/editor';
import type { FlowNode, Overlay } from './adapter';
import { absolutePosition, add, containerAt, sizeOf, snap, sub } from './geometry';
import type { CanvasActionsValue } from './actions';

export const KIND_MIME = 'application/x-sagesim-kind';

/** The canvas's event handlers: every gesture ends in one named command (or a refusal that says why). */
export function useCanvasHandlers(
  editor: Editor,
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
      const s = editor.getState();
      let sel: Set<string> | null = null;
      let pos: Overlay['pos'] | null = null,
        size: Overlay['size'] | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          sel ??= new Set(s.selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'position' && c.position) (pos ??= {})[c.id] = c.position;
        else if (c.type === 'dimensions' && c.resizing && c.dimensions) (size ??= {})[c.id] = c.dimensions;
      }
      if (sel) editor.select([...sel], s.edgeSelection);
      if (pos || size)
        setOverlay((o) => ({ pos: pos ? { ...o.pos, ...pos } : o.pos, size: size ? { ...o.size, ...size } : o.size }));
    },
    [editor, setOverlay],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const s = editor.getState();
      let sel: Set<string> | null = null;
      for (const c of changes)
        if (c.type === 'select') {
          sel ??= new Set(s.edgeSelection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      if (sel) editor.select(s.selection, [...sel]);
    },
    [editor],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      editor.run('connect', { from: c.source, to: c.target }, { at: { ...pointer.current } });
    },
    [editor, pointer],
  );

  /** A connection drag that ends anywhere but on a dot says so (React Flow alone would end it silently). */
  const onConnectEnd: OnConnectEnd = useCallback(
    (e, state) => {
      if (state.isValid) return;
      const p = 'changedTouches' in e ? e.changedTouches[0] : e;
      const at = { x: p.clientX, y: p.clientY };
      const from = state.fromNode?.id;
      editor.toast(
        state.toNode
          ? `Not connected: drop the line on the left-hand dot of ${state.toNode.id}.`
          : `Not connected: drag from ${from ?? 'a component'}'s right-hand dot to another component's left-hand dot.`,
        'error',
        at,
      );
    },
    [editor],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_e, _n, dragged) => {
      const doc = editor.getState().doc;
      const ids = dragged.map((n) => n.id);
      const at = { ...pointer.current };
      if (dragged.length === 1) {
        const n = dragged[0];
        const src = doc.nodes.find((m) => m.id === n.id);
        if (src) {
          const abs = add(src.parent ? absolutePosition(doc, src.parent) : { x: 0, y: 0 }, n.position);
          const sz = sizeOf(src);
          const target = containerAt(doc, { x: abs.x + sz.width / 2, y: abs.y + Math.min(sz.height / 2, 40) }, n.id);
          if ((target?.id ?? null) !== (src.parent ?? null)) {
            const rel = sub(abs, target ? absolutePosition(doc, target.id) : { x: 0, y: 0 });
            const r = editor.run('setParent', { id: n.id, parent: target?.id ?? null, position: rel }, { at });
            const dropped = r.ok ? (r.result as { droppedEdges: number }).droppedEdges : 0;
            if (dropped)
              editor.toast(
                `${dropped} pipeline step connection${dropped > 1 ? 's' : ''} removed: steps connect only inside one pipeline.`,
              );
            clear(ids);
            return;
          }
        }
      }
      editor.run('move', { positions: Object.fromEntries(dragged.map((n) => [n.id, n.position])) }, { at });
      clear(ids);
    },
    [editor, clear, pointer],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      e.preventDefault();
      const kind = e.dataTransfer.getData(KIND_MIME);
      const at = { x: e.clientX, y: e.clientY };
      if (!kind) {
        const file = e.dataTransfer.files?.[0];
        if (file) void file.text().then((t) => openText(editor, t, `"${file.name}"`));
        return;
      }
      if (!isKind(kind)) return;
      addAt(editor, kind, rf.screenToFlowPosition(at), at);
    },
    [editor, rf],
  );

  const actions: CanvasActionsValue = useMemo(
    () => ({
      resizeEnd(id, p) {
        editor.run('resize', { id, size: { width: p.width, height: p.height }, position: { x: p.x, y: p.y } });
        clear([id]);
      },
    }),
    [editor, clear],
  );

  return { onNodesChange, onEdgesChange, onConnect, onConnectEnd, onNodeDragStop, onDrop, actions };
}

/** Add a node of a kind centred at a canvas point, inside the container there (if the catalog allows). */
export function addAt(
  editor: Editor,
  kind: Parameters<typeof isKind>[0] & string,
  p: { x: number; y: number },
  at?: { x: number; y: number },
): boolean {
  if (!isKind(kind)) return false;
  const doc = editor.getState().doc;
  const size = sizeOf({ kind });
  const topLeft = snap({ x: p.x - size.width / 2, y: p.y - size.height / 2 });
  const target = containerAt(doc, p);
  const position = target ? sub(topLeft, absolutePosition(doc, target.id)) : topLeft;
  const r = editor.run('addNode', { kind, parent: target?.id ?? null, position }, { at });
  if (r.ok) editor.select([r.result as string]);
  return r.ok;
}
