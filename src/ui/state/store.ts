import { useSyncExternalStore } from 'react';

/**
 * The one store base class of the UI: an immutable state snapshot, replaced on every change, and its
 * listeners. Framework-free (the editor, the UI store, the run, the puzzle, presenter and maker sessions
 * extend it); React reads a slice with `useStore`.
 */
export class Store<T extends object> {
  private readonly listeners = new Set<() => void>();
  constructor(protected s: T) {}

  /** Call `fn` after every change; returns the unsubscribe function. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  /** The current snapshot (the same object until the next change). */
  getState = (): T => this.s;

  /** Replace the snapshot with `p` merged in, and tell the listeners. */
  protected patch(p: Partial<T>): void {
    this.s = { ...this.s, ...p };
    this.emit();
  }
  /** Tell the listeners (after changing `s` directly). */
  protected emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/** A slice of a store's state; the component re-renders only when the slice changes (by identity). */
export function useStore<T extends object, U>(store: Store<T>, select: (s: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
