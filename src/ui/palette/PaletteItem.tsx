import { useReactFlow } from '@xyflow/react';
import type { KindDef } from '../../catalog/types';
import { kindDef } from '../../catalog/kinds';
import { absolutePosition, indexNodes, sizeOf } from '../../model/layout';
import { KindIcon } from '../icons';
import { KIND_MIME, addAt } from '../canvas/useCanvasHandlers';
import { useWorkspace } from '../state/context';
import type { Editor } from '../state/editor';
import type { Host } from '../state/persist';

/** One kind in the palette: draggable, and a button (Enter/click adds it to the view, or into the selected container). */
export function PaletteItem({ def }: { def: KindDef }) {
  const ws = useWorkspace();
  const editor = ws.editor;
  const rf = useReactFlow();
  const add = () => {
    const into = selectedContainerFor(editor, def);
    if (into) return addInside(ws, def, into);
    const el = document.querySelector('.react-flow');
    const r = el?.getBoundingClientRect();
    const centre = r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
    const n = editor.getState().doc.nodes.length;
    const jitter = { x: ((n * 37) % 5) * 24 - 48, y: ((n * 53) % 5) * 24 - 48 };
    addAt(ws, def.kind, add2(rf.screenToFlowPosition(centre), jitter), centre);
  };
  return (
    <li>
      <button
        type="button"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(KIND_MIME, def.kind);
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={add}
        className="palette-item"
        title={def.description}
        data-kind={def.kind}
      >
        <KindIcon kind={def.kind} size={30} />
        <span className="truncate">{def.label}</span>
      </button>
    </li>
  );
}

const add2 = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x: a.x + b.x, y: a.y + b.y });

/** The selected container, when exactly one is selected and the kind may sit in it. */
function selectedContainerFor(editor: Editor, def: KindDef): string | null {
  const { selection, doc } = editor.getState();
  if (selection.length !== 1) return null;
  const n = doc.nodes.find((m) => m.id === selection[0]);
  return n && kindDef(n.kind).container && def.parents.includes(n.kind) ? n.id : null;
}

function addInside(host: Host, def: KindDef, parent: string) {
  const doc = host.editor.getState().doc;
  const byId = indexNodes(doc);
  const kids = doc.nodes.filter((n) => n.parent === parent).length;
  const p = absolutePosition(doc, parent, byId);
  const s = sizeOf(def);
  const col = kids % 2,
    row = Math.floor(kids / 2);
  const centre = {
    x: p.x + 28 + col * (s.width + 24) + s.width / 2,
    y: p.y + 56 + row * (s.height + 24) + s.height / 2,
  };
  addAt(host, def.kind, centre);
}
