import { useReactFlow } from '@xyflow/react';
import type { KindDef } from '../../catalog/types';
import { kindDef } from '../../catalog/kinds';
import { absolutePosition, indexNodes } from '../../model/layout';
import { KindIcon } from '../icons';
import { KIND_MIME, addAt } from '../canvas/useCanvasHandlers';
import { freeSpot } from '../canvas/geometry';
import { useWorkspace } from '../state/context';
import type { Editor } from '../state/editor';

/**
 * One kind in the palette: an option of the palette's listbox, draggable; Enter or a click adds it to a free,
 * allowed place in view (or into the selected container).
 */
export function PaletteItem({ def, active }: { def: KindDef; active: boolean }) {
  const ws = useWorkspace();
  const editor = ws.editor;
  const rf = useReactFlow();
  const add = () => {
    const el = document.querySelector('.react-flow');
    const r = el?.getBoundingClientRect();
    const centre = r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
    const doc = editor.getState().doc;
    const into = selectedContainerFor(editor, def);
    const around = into ? interiorStart(editor, into) : rf.screenToFlowPosition(centre);
    const spot = freeSpot(doc, def.kind, around, { within: into ?? undefined });
    // nowhere free and allowed: try the centre anyway, so the refusal says why
    if (!addAt(ws, def.kind, spot ?? around, centre) || !spot) return;
    const view = r && rf.screenToFlowPosition({ x: r.left, y: r.top });
    const far = view && rf.screenToFlowPosition({ x: r.right, y: r.bottom });
    if (view && far && (spot.x < view.x || spot.y < view.y || spot.x > far.x || spot.y > far.y))
      void rf.setCenter(spot.x, spot.y, { zoom: rf.getZoom(), duration: 250 });
  };
  return (
    <li
      role="option"
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(KIND_MIME, def.kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={add}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          add();
        }
      }}
      className="palette-item"
      title={def.description}
      data-kind={def.kind}
    >
      <KindIcon kind={def.kind} size={30} />
      <span className="palette-label">{def.label}</span>
    </li>
  );
}

/** The selected container, when exactly one is selected and the kind may sit in it. */
function selectedContainerFor(editor: Editor, def: KindDef): string | null {
  const { selection, doc } = editor.getState();
  if (selection.length !== 1) return null;
  const n = doc.nodes.find((m) => m.id === selection[0]);
  return n && kindDef(n.kind).container && def.parents.includes(n.kind) ? n.id : null;
}

/** Where to start looking for room inside a container: just below its title bar, on the left. */
function interiorStart(editor: Editor, parent: string) {
  const doc = editor.getState().doc;
  const p = absolutePosition(doc, parent, indexNodes(doc));
  return { x: p.x + 28 + 104, y: p.y + 56 + 32 };
}
