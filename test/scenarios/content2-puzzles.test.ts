/**
 * Puzzles that close the exam-skill gap (content2). Proven like every puzzle (test/scenarios/prove.ts): each fails
 * as shipped and passes with its solution on seeds 1–20; the tempting wrong fixes fail.
 * - d4/19 trains setting up a CloudTrail trail with S3 data events (S4.2.2). AWS: CloudTrail logs no data events by
 *   default and Event history never records them; S3 GetObject/PutObject are data events
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html).
 * - d3/17 (capstone) trains shrinking models by quantisation (S2.2.8) when the hosting instance cannot grow: int8
 *   weights take a quarter of float32's bytes, so a multi-model endpoint holds four times as many models.
 */
import { props, provePuzzles, type PuzzleCase } from './prove';

const CASES: PuzzleCase[] = [
  {
    file: 'd4/19-who-read-the-patient-files.json',
    alternatives: [],
    wrong: [
      // a trail with management events only: the SageMaker calls again, still no GetObject
      { addNodes: [{ id: 'trail', kind: 'cloudtrail', label: 'Audit trail' }] },
      { addNodes: [{ id: 'trail', kind: 'cloudtrail', label: 'Audit trail', props: { s3DataEvents: false } }] },
      // Macie finds PII in objects; it does not record who read them
      { addNodes: [{ id: 'macie', kind: 'macie', label: 'Macie' }] },
    ],
  },
  {
    file: 'd3/17-one-instance-eighty-stores.json',
    // any size at which all 80 models fit in 16 GiB passes: int8 after pruning is smaller still
    alternatives: [props('mme', { modelSizeMB: 150, coldLoadSec: 15 })],
    wrong: [
      // float16 halves size and load time: no more 429s, but 40 of the 80 models fit and the rest still thrash
      props('mme', { modelSizeMB: 400, coldLoadSec: 40 }),
      // the cap is not the limit: memory decides how many models stay loaded
      props('mme', { cachedModels: 100000 }),
      // retries hide the 429s; the loads are still too slow and the models still do not fit
      props('stores', { retries: 3 }),
      // a smaller model that still loads as slowly as before
      props('mme', { modelSizeMB: 200 }),
    ],
  },
];

provePuzzles(CASES, /^[SK][1-4]\.[1-3]\.\d+$/);
