import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Editor, EditorState } from './editor';

export const EditorContext = createContext<Editor | null>(null);

/** The editor instance (to send commands). */
export function useEditor(): Editor {
  const e = useContext(EditorContext);
  if (!e) throw new Error('useEditor outside <EditorContext>');
  return e;
}

/** A slice of the editor state; the component re-renders only when the slice changes (by identity). */
export function useEditorState<T>(select: (s: EditorState) => T): T {
  const e = useEditor();
  return useSyncExternalStore(e.subscribe, () => select(e.getState()));
}
