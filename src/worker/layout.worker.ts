/// <reference lib="webworker" />
import { computeLayout } from '../model/autolayout';
import type { ArchDoc } from '../model/schema';

/**
 * Auto-layout off the main thread: the page posts a document, the worker posts progress (nodes placed of all,
 * at most every 100 ms) and then the positions and sizes. The page cancels by terminating the worker.
 */
export type LayoutMessage =
  | { type: 'progress'; placed: number; total: number }
  | {
      type: 'done';
      positions: [string, { x: number; y: number }][];
      sizes: [string, { width: number; height: number }][];
    }
  | { type: 'error'; message: string };

self.onmessage = (e: MessageEvent<{ doc: ArchDoc }>) => {
  const post = (m: LayoutMessage) => self.postMessage(m);
  try {
    let last = 0;
    const l = computeLayout(e.data.doc, (placed, total) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      post({ type: 'progress', placed, total });
    });
    post({ type: 'done', positions: [...l.positions], sizes: [...l.sizes] });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
