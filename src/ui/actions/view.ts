import { defineAction } from './types';

const plain = (e: { ctrlKey: boolean; metaKey: boolean }) => !(e.ctrlKey || e.metaKey);
const done = { ok: true as const, result: undefined };

export const closeDialog = defineAction({
  name: 'closeDialog',
  label: 'Close the dialog',
  keys: 'Escape',
  keyTest: (e) => e.key === 'Escape',
  whileTyping: true,
  inDialog: true,
  enabled: (ws) => ws.ui.getState().dialog !== null,
  perform: (ws) => {
    ws.ui.setDialog(null);
    return done;
  },
  selection: 'keep',
});

export const clearSelection = defineAction({
  name: 'clearSelection',
  label: 'Clear the selection',
  keys: 'Escape',
  keyTest: (e) => e.key === 'Escape',
  perform: () => done,
  selection: 'clear',
});

export const focusCanvas = defineAction({
  name: 'focusCanvas',
  label: 'Focus the canvas: hide or show both side panels (for a projector)',
  keys: 'F',
  keyTest: (e) => plain(e) && !e.altKey && e.key.toLowerCase() === 'f',
  perform: (ws) => {
    ws.ui.toggleFocus();
    return done;
  },
  selection: 'keep',
});

export const togglePalette = defineAction({
  name: 'togglePalette',
  label: 'Hide or show the palette',
  keys: '[',
  keyTest: (e) => plain(e) && e.key === '[',
  perform: (ws) => {
    ws.ui.togglePanel('palette');
    return done;
  },
  selection: 'keep',
});

export const toggleInspector = defineAction({
  name: 'toggleInspector',
  label: 'Hide or show the inspector',
  keys: ']',
  keyTest: (e) => plain(e) && e.key === ']',
  perform: (ws) => {
    ws.ui.togglePanel('inspector');
    return done;
  },
  selection: 'keep',
});

export const shortcutSheet = defineAction({
  name: 'shortcuts',
  label: 'This sheet: every keyboard shortcut',
  keys: '?',
  keyTest: (e) => plain(e) && e.key === '?',
  perform: (ws) => {
    ws.ui.setDialog('shortcuts');
    return done;
  },
  selection: 'keep',
});
