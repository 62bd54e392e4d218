/// <reference lib="webworker" />
import { checkDocument } from '../engine';
import type { ArchDoc } from '../model/schema';

/** Static checks off the main thread: the editor's findings without the engine in the first-screen bundle. */
self.onmessage = (e: MessageEvent<{ id: number; doc: ArchDoc }>) => {
  let findings: ReturnType<typeof checkDocument> = [];
  try {
    findings = checkDocument(e.data.doc);
  } catch (err) {
    console.error('static checks failed', err);
  }
  self.postMessage({ id: e.data.id, findings });
};
