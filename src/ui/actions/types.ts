import type { Workspace } from '../workspace';

/** What a key event offers an action's key test (a DOM `KeyboardEvent` has all of it). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** An action's outcome: its result, or why it was refused (a refusal is already shown as a toast). */
export type Outcome<R> = { ok: true; result: R } | { ok: false; reason: string };

/**
 * What an action does to the selection when it succeeds: `keep` it, `clear` it, or select the node ids
 * it returned (`result`, only for actions whose result is a list of node ids).
 */
export type SelectionEffect<R> = 'keep' | 'clear' | (R extends readonly string[] ? 'result' : never);

/**
 * A named user action (after Excalidraw's actions): its label, the keys that trigger it and how the `?`
 * sheet writes them, when it applies, what it does and what it returns, and its effect on the selection.
 * The keymap and the `?` sheet are both generated from the registry of these (`registry.ts`).
 */
export interface Action<R = unknown> {
  /** Unique name (tests and the sheet refer to it). */
  name: string;
  /** What it does, as the `?` sheet says it. */
  label: string;
  /** The keys as the `?` sheet writes them ("Mod" = Ctrl, ⌘ on a Mac). */
  keys: string;
  /** Whether a key event triggers it. */
  keyTest: (e: KeyLike) => boolean;
  /** Also while typing in a field (default: no). */
  whileTyping?: boolean;
  /** Also while a dialog is open (default: no). */
  inDialog?: boolean;
  /** Whether it applies now; when not, its key is left to the browser (Mod+C with nothing selected copies text). */
  enabled?: (ws: Workspace) => boolean;
  /** Do it. `null`: there was nothing to do (the selection is left alone). */
  perform: (ws: Workspace) => Outcome<R> | null;
  selection: SelectionEffect<R>;
}

/** Declare an action, checking its selection effect against its result type. */
export const defineAction = <R>(a: Action<R>): Action<R> => a;

/** A gesture the `?` sheet lists that is not a key action (pointer gestures, keys a component handles). */
export interface Gesture {
  keys: string;
  label: string;
}
