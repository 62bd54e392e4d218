import { useEffect } from 'react';
import { type Fragment, copyFragment } from '../model/commands';
import { edgeId } from './canvas/adapter';
import type { Editor } from './state/editor';
import { autoLayoutCanvas, exportFile } from './state/persist';

/** Every keyboard shortcut, as the `?` sheet lists them ("Mod" = Ctrl, ⌘ on a Mac). */
export const SHORTCUTS: readonly { keys: string; label: string }[] = [
  { keys: 'Delete / Backspace', label: 'Delete the selected nodes or connections' },
  { keys: 'Mod+D', label: 'Duplicate the selection' },
  { keys: 'Mod+C / Mod+X', label: 'Copy / cut the selection' },
  { keys: 'Mod+V', label: 'Paste' },
  { keys: 'Mod+A', label: 'Select every node' },
  { keys: 'Mod+Z', label: 'Undo' },
  { keys: 'Mod+Shift+Z / Mod+Y', label: 'Redo' },
  { keys: 'Mod+S', label: 'Save the architecture to a file' },
  { keys: 'Mod+Shift+L', label: 'Auto-layout' },
  { keys: 'Shift+drag', label: 'Select with a box' },
  { keys: 'Mod+click', label: 'Add to the selection' },
  { keys: 'Enter (in the palette)', label: 'Add the focused component' },
  { keys: 'Escape', label: 'Close a dialog, clear the selection' },
  { keys: 'F', label: 'Focus the canvas: hide or show both side panels (for a projector)' },
  { keys: '[ / ]', label: 'Hide or show the palette / the inspector' },
  { keys: '?', label: 'This sheet' },
];

let clipboard: Fragment | null = null;
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function removeSelection(editor: Editor) {
  const s = editor.getState();
  if (s.selection.length) editor.run('removeNodes', { ids: s.selection });
  else if (s.edgeSelection.length) {
    editor.run('disconnect', { edges: (s.doc.edges ?? []).filter((e) => s.edgeSelection.includes(edgeId(e))) });
    editor.select([], []);
  }
}

function pasteInto(editor: Editor, fragment: Fragment | null) {
  if (!fragment) return;
  const r = editor.run('paste', { fragment });
  if (r.ok) editor.select(r.result as string[]);
}

/** Install the global keyboard shortcuts (not while typing in a field, except Escape). */
export function useShortcuts(editor: Editor): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = editor.getState();
      if (e.key === 'Escape') {
        if (s.dialog) editor.setDialog(null);
        else if (!typing(e.target)) editor.select([]);
        return;
      }
      if (typing(e.target) || s.dialog) return;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const act = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return act(() => removeSelection(editor));
      if (!mod && e.key === '?') return act(() => editor.setDialog('shortcuts'));
      if (!mod && !e.altKey && k === 'f') return act(() => editor.toggleFocus());
      if (!mod && e.key === '[') return act(() => editor.togglePanel('palette'));
      if (!mod && e.key === ']') return act(() => editor.togglePanel('inspector'));
      if (!mod) return;
      if (k === 'z' && !e.shiftKey) return act(() => editor.undo());
      if ((k === 'z' && e.shiftKey) || k === 'y') return act(() => editor.redo());
      if (k === 'a') return act(() => editor.select(s.doc.nodes.map((n) => n.id)));
      if (k === 'd')
        return act(() => {
          const r = editor.run('duplicate', { ids: s.selection });
          if (r.ok) editor.select(r.result as string[]);
        });
      if (k === 'c' && s.selection.length)
        return act(() => {
          clipboard = copyFragment(s.doc, s.selection);
          editor.toast(`Copied ${clipboard.nodes.length} node${clipboard.nodes.length > 1 ? 's' : ''}.`);
        });
      if (k === 'x' && s.selection.length)
        return act(() => {
          clipboard = copyFragment(s.doc, s.selection);
          removeSelection(editor);
        });
      if (k === 'v') return act(() => pasteInto(editor, clipboard));
      if (k === 's') return act(() => exportFile(s.doc));
      if (k === 'l' && e.shiftKey) return act(() => autoLayoutCanvas(editor));
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [editor]);
}
