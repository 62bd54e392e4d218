import { type Dispatch, type SetStateAction, useState } from 'react';

/**
 * Local state that starts as `value` and is reset to it whenever `value` (or any of `resetOn`) changes: a field's
 * text while it is typed, re-synced when the document changes (undo, another node). The reset happens during render
 * (React's "adjusting state when a prop changes" pattern), so no render ever shows the stale copy.
 */
export function useSyncedState<T>(value: T, ...resetOn: unknown[]): [T, Dispatch<SetStateAction<T>>] {
  const [local, setLocal] = useState(value);
  const now = [value, ...resetOn];
  const [seen, setSeen] = useState(now);
  if (now.length !== seen.length || now.some((d, i) => !Object.is(d, seen[i]))) {
    setSeen(now);
    setLocal(value);
    return [value, setLocal];
  }
  return [local, setLocal];
}
