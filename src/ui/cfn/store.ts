import { useSyncExternalStore } from 'react';

/** A tiny observable value for the CloudFormation UI (the side view being open, a template waiting for parameters). */
export function cell<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(v: T) {
      value = v;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}
export type Cell<T> = ReturnType<typeof cell<T>>;

export function useCell<T>(c: Cell<T>): T {
  return useSyncExternalStore(c.subscribe, c.get, c.get);
}

/** Whether "View as CloudFormation" is open beside the canvas. */
export const cfnViewOpen = cell(false);
