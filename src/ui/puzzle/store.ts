import { useSyncExternalStore } from 'react';

/** A small observable state (the puzzle, presenter and maker sessions); React reads it with `useStore`. */
export class Store<T extends object> {
  private readonly listeners = new Set<() => void>();
  constructor(protected s: T) {}
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  get = (): T => this.s;
  protected patch(p: Partial<T>): void {
    this.s = { ...this.s, ...p };
    for (const fn of this.listeners) fn();
  }
}

export function useStore<T extends object, U>(store: Store<T>, select: (s: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
