import type { Finding } from '../../engine';
import type { ArchDoc } from '../../model/schema';

/** Runs the static checks of a document; resolves with its findings. Only the latest call matters. */
export type Checker = (doc: ArchDoc) => Promise<Finding[]>;

/** The checks in-process, loaded on demand: where workers do not exist (tests in node/jsdom). */
export const inProcessChecker: Checker = async (doc) => (await import('../../engine')).checkDocument(doc);
