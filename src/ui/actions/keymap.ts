import { useEffect } from 'react';
import type { Workspace } from '../workspace';
import { ACTIONS, perform } from './registry';
import type { Action, KeyLike } from './types';

/** Whether a key event comes from a field being typed in. */
export const isTyping = (t: EventTarget | null): boolean =>
  typeof HTMLElement !== 'undefined' &&
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The action a key triggers now (typing in a field, a dialog open and each action's `enabled` decide), or null. */
export function actionForKey(ws: Workspace, e: KeyLike, typing: boolean): Action<unknown> | null {
  const dialog = ws.ui.getState().dialog !== null;
  for (const a of ACTIONS) {
    if (typing && !a.whileTyping) continue;
    if (dialog && !a.inDialog) continue;
    if (!a.keyTest(e)) continue;
    if (a.enabled && !a.enabled(ws)) continue;
    return a;
  }
  return null;
}

/** Handle a keydown: perform the action it triggers (and keep the browser's default from running). */
export function handleKeyDown(ws: Workspace, e: KeyboardEvent): Action<unknown> | null {
  const a = actionForKey(ws, e, isTyping(e.target));
  if (!a) return null;
  e.preventDefault();
  perform(ws, a);
  return a;
}

/** Listen for the registry's keys on `target` (the window); returns the function that stops listening. */
export function installKeymap(ws: Workspace, target: EventTarget = window): () => void {
  const onKey = (e: Event) => handleKeyDown(ws, e as KeyboardEvent);
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

/** The keymap for as long as the component is mounted. */
export function useKeymap(ws: Workspace): void {
  useEffect(() => installKeymap(ws), [ws]);
}
