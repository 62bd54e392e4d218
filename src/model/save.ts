import type { ArchDoc } from './schema';

/**
 * Serialise a document as the file people save (stable key order of the document as given). Zod-free, for the
 * page's first screen; load.ts re-exports it.
 */
export function saveText(doc: ArchDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
