import { copyFragment } from '../../model/commands';
import { edgeId } from '../canvas/adapter';
import { autoLayoutCanvas, exportFile } from '../state/persist';
import type { Workspace } from '../workspace';
import { type Outcome, defineAction } from './types';

const mod = (e: { ctrlKey: boolean; metaKey: boolean }) => e.ctrlKey || e.metaKey;
const done: Outcome<undefined> = { ok: true, result: undefined };
const hasSelection = (ws: Workspace) => ws.editor.getState().selection.length > 0;

/** Remove the selected nodes, else the selected connections. */
function removeSelection(ws: Workspace): Outcome<unknown> | null {
  const { editor } = ws;
  const s = editor.getState();
  if (s.selection.length) return editor.run('removeNodes', { ids: s.selection });
  if (s.edgeSelection.length)
    return editor.run('disconnect', { edges: (s.doc.edges ?? []).filter((e) => s.edgeSelection.includes(edgeId(e))) });
  return null;
}

/** Copy the selected nodes (and what they hold) to the workspace's clipboard. */
function copy(ws: Workspace): number {
  const s = ws.editor.getState();
  ws.clipboard = copyFragment(s.doc, s.selection);
  return ws.clipboard.nodes.length;
}

export const deleteSelection = defineAction({
  name: 'delete',
  label: 'Delete the selected nodes or connections',
  keys: 'Delete / Backspace',
  keyTest: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  perform: removeSelection,
  selection: 'clear',
});

export const duplicate = defineAction<string[]>({
  name: 'duplicate',
  label: 'Duplicate the selection',
  keys: 'Mod+D',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'd',
  perform: (ws) => {
    const r = ws.editor.run('duplicate', { ids: ws.editor.getState().selection });
    return r.ok ? { ok: true, result: r.result as string[] } : r;
  },
  selection: 'result',
});

export const copySelection = defineAction({
  name: 'copy',
  label: 'Copy the selection',
  keys: 'Mod+C',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'c',
  enabled: hasSelection,
  perform: (ws) => {
    const n = copy(ws);
    ws.ui.toast(`Copied ${n} node${n > 1 ? 's' : ''}.`);
    return done;
  },
  selection: 'keep',
});

export const cutSelection = defineAction({
  name: 'cut',
  label: 'Cut the selection',
  keys: 'Mod+X',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'x',
  enabled: hasSelection,
  perform: (ws) => {
    copy(ws);
    return removeSelection(ws);
  },
  selection: 'clear',
});

export const paste = defineAction<string[]>({
  name: 'paste',
  label: 'Paste',
  keys: 'Mod+V',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'v',
  perform: (ws) => {
    if (!ws.clipboard) return null;
    const r = ws.editor.run('paste', { fragment: ws.clipboard });
    return r.ok ? { ok: true, result: r.result as string[] } : r;
  },
  selection: 'result',
});

export const selectAll = defineAction<string[]>({
  name: 'selectAll',
  label: 'Select every node',
  keys: 'Mod+A',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'a',
  perform: (ws) => ({ ok: true, result: ws.editor.getState().doc.nodes.map((n) => n.id) }),
  selection: 'result',
});

export const undo = defineAction({
  name: 'undo',
  label: 'Undo',
  keys: 'Mod+Z',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'z' && !e.shiftKey,
  perform: (ws) => {
    ws.editor.undo();
    return done;
  },
  selection: 'keep',
});

export const redo = defineAction({
  name: 'redo',
  label: 'Redo',
  keys: 'Mod+Shift+Z / Mod+Y',
  keyTest: (e) => mod(e) && ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y'),
  perform: (ws) => {
    ws.editor.redo();
    return done;
  },
  selection: 'keep',
});

export const saveFile = defineAction({
  name: 'save',
  label: 'Save the architecture to a file',
  keys: 'Mod+S',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 's',
  perform: (ws) => {
    exportFile(ws.editor.getState().doc);
    return done;
  },
  selection: 'keep',
});

export const autoLayout = defineAction({
  name: 'autoLayout',
  label: 'Auto-layout',
  keys: 'Mod+Shift+L',
  keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l',
  perform: (ws) => {
    // laid out once the layout module has loaded (a big canvas in the layout worker, with progress and a
    // cancel); the result lands as one step
    autoLayoutCanvas(ws);
    return done;
  },
  selection: 'keep',
});
