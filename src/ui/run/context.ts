import { useContext, useSyncExternalStore } from 'react';
import type { LiveNode } from '../../worker/protocol';
import { WorkspaceContext, useWorkspace } from '../state/context';
import type { RunStore, RunView } from './store';
import { own } from '../../model/own';

/** The run store (to send run commands). */
export function useRun(): RunStore {
  return useWorkspace().run;
}

/** A slice of the run view; re-renders only when the slice changes (by identity). */
export function useRunState<T>(select: (v: RunView) => T): T {
  const r = useRun();
  return useSyncExternalStore(r.subscribe, () => select(r.getState()));
}

/** One node's live figures (the same object while its painted figures are unchanged); undefined before a run. */
export function useRunNode(id: string): LiveNode | undefined {
  const r = useContext(WorkspaceContext)?.run;
  return useSyncExternalStore(r ? r.subscribe : noop, () => own(r?.getState().nodes, id));
}
const noop = () => () => {};
