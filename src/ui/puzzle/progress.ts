import { keepAside } from '../state/keep-aside';

/**
 * Puzzle progress in local storage, versioned (`sagesim:progress@1`). Anything unreadable (a damaged
 * value, another version, a bad entry) counts as no progress for that part: never a crash, and it is kept
 * aside (`sagesim:kept-aside:progress:…`) before the next solved puzzle is written.
 */
export const PROGRESS_KEY = 'sagesim:progress@1';
export const PROGRESS_FORMAT = 'sagesim/progress@1';

export interface Solved {
  solvedAt: string;
  withSolution?: boolean;
}
export type Progress = Readonly<Record<string, Solved>>;

export function readProgress(storage: Pick<Storage, 'getItem'>): Progress {
  return readStored(storage).progress;
}

/** The progress, and whether what is stored lost anything when read (damaged, another version, bad entries). */
function readStored(storage: Pick<Storage, 'getItem'>): { progress: Progress; raw: string | null; damaged: boolean } {
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: {}, raw: null, damaged: false };
  }
  if (!raw) return { progress: {}, raw, damaged: false };
  try {
    const v = JSON.parse(raw) as { format?: unknown; puzzles?: unknown };
    if (v?.format !== PROGRESS_FORMAT || !v.puzzles || typeof v.puzzles !== 'object' || Array.isArray(v.puzzles))
      return { progress: {}, raw, damaged: true };
    const out: Record<string, Solved> = Object.create(null);
    let damaged = false;
    for (const [k, e] of Object.entries(v.puzzles as Record<string, unknown>)) {
      const s = e as Partial<Solved> | null;
      if (k.length > 300 || !s || typeof s !== 'object' || typeof s.solvedAt !== 'string') {
        damaged = true;
        continue;
      }
      out[k] = s.withSolution === true ? { solvedAt: s.solvedAt, withSolution: true } : { solvedAt: s.solvedAt };
    }
    return { progress: out, raw, damaged };
  } catch {
    return { progress: {}, raw, damaged: true };
  }
}

/** Record a solved puzzle (solving it without the solution later clears the "with solution" mark). */
export function markSolved(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  key: string,
  withSolution: boolean,
  now = Date.now(),
): Progress {
  const { progress: cur, raw, damaged } = readStored(storage);
  // what could not be read is kept aside before it is replaced; when it cannot be, it is not replaced
  if (damaged && raw !== null && !keepAside(storage, raw, 'progress', now)) return cur;
  const before = cur[key];
  const entry: Solved = { solvedAt: new Date(now).toISOString() };
  if (withSolution && (!before || before.withSolution)) entry.withSolution = true;
  const next = { ...cur, [key]: entry };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify({ format: PROGRESS_FORMAT, puzzles: next }));
  } catch {
    /* storage full or blocked */
  }
  return next;
}

/** The progress key of a puzzle: its shipped file, or its title for a puzzle opened from a file or link. */
export const progressKey = (file: string | null, title: string | undefined): string =>
  file ?? `custom:${title ?? 'untitled'}`;
