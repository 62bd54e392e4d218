import { propsByName } from '../../../catalog/kinds';
import { instanceType, type InstanceType } from '../../../catalog/instances';
import type { GNode } from '../../../model/graph';
import { DATA_SIZES } from './constants';

export { sourcesOf, datasetGB, positiveRatio, imbalanced, type Source } from '../shared/data';

/** The instance type of a job, or undefined when the name is unknown. */
export const instanceOf = (n: GNode): InstanceType | undefined => {
  const type = propsByName(n.props).instanceType;
  return typeof type === 'string' ? instanceType(type) : undefined;
};

/** Number of objects a labelling job sends to workers (1,000 per GB, see DATA_SIZES.objectsPerGB). */
export const objectsOf = (gb: number): number => Math.ceil(gb * DATA_SIZES.objectsPerGB);

/**
 * Size of one record a batch transform sends, MB. SplitType "None" sends each file whole: images are
 * one 0.5 MB file each, other formats part files of 64 MB (or the whole dataset when it is smaller).
 * "Line" and "RecordIO" split files into 1 KB records packed into mini-batches.
 */
export function recordMB(splitType: string, format: string, gb: number): number {
  if (splitType !== 'None') return DATA_SIZES.recordMB;
  if (format === 'image') return DATA_SIZES.imageFileMB;
  return Math.min(DATA_SIZES.partFileMB, gb * 1024);
}

/**
 * Size of one mini-batch request, MB: one file with SplitType "None"; with "Line"/"RecordIO" records are
 * packed up to MaxPayloadInMB (0 = no limit, chunked: 64 MB batches) with BatchStrategy MultiRecord, or
 * sent one per request with SingleRecord (BatchStrategy needs a SplitType other than None).
 */
export function miniBatchMB(
  splitType: string,
  maxPayloadMB: number,
  format: string,
  gb: number,
  batchStrategy = 'MultiRecord',
): number {
  const rec = recordMB(splitType, format, gb);
  if (splitType === 'None' || batchStrategy === 'SingleRecord') return rec;
  const cap = maxPayloadMB > 0 ? maxPayloadMB : DATA_SIZES.unlimitedBatchMB;
  return Math.max(rec, Math.floor(cap / rec) * rec);
}
