import type { Workspace } from '../workspace';
import * as edit from './edit';
import * as run from './run';
import type { Action, Gesture } from './types';
import * as view from './view';

/**
 * Every key action, in the order the `?` sheet lists them and the keymap tries them (the first enabled
 * action whose key test matches handles the key).
 */
export const ACTIONS: readonly Action<unknown>[] = [
  edit.deleteSelection,
  edit.duplicate,
  edit.copySelection,
  edit.cutSelection,
  edit.paste,
  edit.selectAll,
  edit.undo,
  edit.redo,
  edit.saveFile,
  edit.autoLayout,
  run.playPause,
  run.step,
  view.closeDialog,
  view.clearSelection,
  view.focusCanvas,
  view.togglePalette,
  view.toggleInspector,
  view.shortcutSheet,
] as readonly Action<unknown>[];

/** What the `?` sheet lists besides the key actions: pointer gestures and keys one component handles. */
export const GESTURES: readonly Gesture[] = [
  { keys: 'Shift+drag', label: 'Select with a box' },
  { keys: 'Mod+click', label: 'Add to the selection' },
  { keys: 'Enter (in the palette)', label: 'Add the focused component' },
];

/** The action named `name` (throws on an unknown name: a typo in a test or a caller). */
export function action(name: string): Action<unknown> {
  const a = ACTIONS.find((x) => x.name === name);
  if (!a) throw new Error(`No action named "${name}" (known: ${ACTIONS.map((x) => x.name).join(', ')})`);
  return a;
}

/**
 * Perform an action and apply its effect on the selection. Returns its outcome (null: nothing to do).
 * A refused command has already been shown as a toast by the editor.
 */
export function perform<R>(ws: Workspace, a: Action<R>): ReturnType<Action<R>['perform']> {
  const out = a.perform(ws);
  if (out?.ok) {
    if (a.selection === 'clear') ws.editor.select([], []);
    else if (a.selection === 'result') ws.editor.select(out.result as readonly string[]);
  }
  return out;
}
