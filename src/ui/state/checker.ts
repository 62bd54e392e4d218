import type { Finding } from '../../engine';
import type { ArchDoc } from '../../model/schema';

/** Runs the static checks of a document; resolves with its findings. Only the latest call matters. */
export type Checker = (doc: ArchDoc) => Promise<Finding[]>;

/**
 * The browser's checker: a small worker that holds the engine's checks, so the first screen does not load
 * the engine. Where workers do not exist (tests in node/jsdom) the checks load on demand in-process.
 */
export function createChecker(): Checker {
  if (typeof Worker === 'undefined') {
    return async (doc) => (await import('../../engine')).checkDocument(doc);
  }
  const worker = new Worker(new URL('../../worker/check.worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  const waiting = new Map<number, (f: Finding[]) => void>();
  worker.onmessage = (e: MessageEvent<{ id: number; findings: Finding[] }>) => {
    waiting.get(e.data.id)?.(e.data.findings);
    waiting.delete(e.data.id);
  };
  return (doc) =>
    new Promise((resolve) => {
      const id = ++seq;
      waiting.set(id, resolve);
      worker.postMessage({ id, doc });
    });
}
