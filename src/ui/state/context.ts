import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Workspace } from '../workspace';
import type { Editor, EditorState } from './editor';
import type { FindingsState } from './findings';
import { useStore } from './store';
import type { UiState, UiStore } from './ui';

/** The one React context of the UI: the page's workspace (editor, UI store, run, sessions, worker pool). */
export const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace (its stores and sessions). */
export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside <WorkspaceContext>');
  return w;
}

/** The editor instance (to send commands). */
export function useEditor(): Editor {
  return useWorkspace().editor;
}

/** A slice of the editor state; the component re-renders only when the slice changes (by identity). */
export function useEditorState<T>(select: (s: EditorState) => T): T {
  const e = useEditor();
  return useSyncExternalStore(e.subscribe, () => select(e.getState()));
}

/** The UI store (toasts, dialogs, panels, theme). */
export function useUi(): UiStore {
  return useWorkspace().ui;
}

/** A slice of the UI state. */
export function useUiState<T>(select: (s: UiState) => T): T {
  return useStore(useWorkspace().ui, select);
}

/** The static findings of the open document. */
export function useFindings(): FindingsState['findings'] {
  return useStore(useWorkspace().findings, (s) => s.findings);
}
