import { applyLayout, type Layout } from '../../model/layout';
import type { ArchDoc } from '../../model/schema';
import type { LayoutMessage } from '../../worker/layout.worker';

/**
 * Auto-layout of big documents in a worker, with progress and a cancel, so opening 2,000 nodes without
 * positions never freezes the page. Documents with at most LAYOUT_SYNC_MAX nodes to place are laid out on
 * the spot (a few milliseconds) once the layout module (dagre) is loaded: the page loads it on first use, not
 * with the first screen.
 */
export const LAYOUT_SYNC_MAX = 150;

let autolayout: Promise<typeof import('../../model/autolayout')> | undefined;
/** The layout module, loaded once, on first use. */
export const loadAutolayout = () => (autolayout ??= import('../../model/autolayout'));
/** The layout of a document, computed on this thread (for documents up to LAYOUT_SYNC_MAX nodes to place). */
export const layoutOf = async (doc: ArchDoc): Promise<Layout> => (await loadAutolayout()).computeLayout(doc);

export interface LayoutJob {
  /** What is being laid out ("the shared link", a file name). */
  what: string;
  placed: number;
  total: number;
}

let job: LayoutJob | null = null;
let cancelJob: (() => void) | null = null;
const listeners = new Set<() => void>();
const set = (j: LayoutJob | null) => {
  job = j;
  for (const l of listeners) l();
};

/** The running layout (null: none), for useSyncExternalStore. */
export const layoutJob = {
  get: (): LayoutJob | null => job,
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

/** Stop the running layout; its document is not opened. */
export function cancelLayout(): void {
  cancelJob?.();
}

/**
 * Lay out `doc` (only the nodes without a position when `onlyMissing`) off the main thread, then call `done`
 * with the laid-out document; `cancelled` when the person cancels (or another layout replaces this one).
 */
export function layoutInBackground(
  doc: ArchDoc,
  o: {
    what: string;
    onlyMissing: boolean;
    done: (doc: ArchDoc) => void;
    cancelled?: () => void;
    failed?: (message: string) => void;
  },
): void {
  cancelJob?.();
  let over = false;
  const finish = () => {
    over = true;
    cancelJob = null;
    set(null);
  };
  set({ what: o.what, placed: 0, total: doc.nodes.length });
  const complete = (l: Layout) => {
    if (over) return;
    finish();
    o.done(applyLayout(doc, l, o.onlyMissing));
  };
  if (typeof Worker === 'undefined') {
    // no workers (tests in jsdom): lay out here once the layout module is loaded, still cancellable until then
    void layoutOf(doc).then(complete, (e: Error) => {
      if (over) return;
      finish();
      o.failed?.(e.message);
    });
    cancelJob = () => {
      finish();
      o.cancelled?.();
    };
    return;
  }
  const worker = new Worker(new URL('../../worker/layout.worker.ts', import.meta.url), { type: 'module' });
  cancelJob = () => {
    worker.terminate();
    finish();
    o.cancelled?.();
  };
  worker.onmessage = (e: MessageEvent<LayoutMessage>) => {
    const m = e.data;
    if (m.type === 'progress') {
      if (!over) set({ what: o.what, placed: m.placed, total: m.total });
      return;
    }
    worker.terminate();
    if (m.type === 'done') complete({ positions: new Map(m.positions), sizes: new Map(m.sizes) });
    else if (!over) {
      finish();
      o.failed?.(m.message);
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    if (over) return;
    finish();
    o.failed?.(e.message || 'the layout worker failed');
  };
  worker.postMessage({ doc });
}
