/**
 * Domain-4 puzzles on the data side (issue 16, data-d1): the security of data stores. Proven like every puzzle
 * (test/scenarios/prove.ts): fails as shipped and passes with its solution on seeds 1–20, wrong fixes fail.
 */
import { provePuzzles, props, type PuzzleCase } from './prove';

const CASES: PuzzleCase[] = [
  {
    file: 'd4/18-one-store-of-two.json',
    alternatives: [],
    // encrypting the source bucket or the training volume does not encrypt the feature group's offline store
    wrong: [
      props('cards', { encryption: 'sse-kms', kmsKey: 'cmk' }),
      props('train', { VolumeKmsKeyId: 'cmk', OutputKmsKeyId: 'cmk' }),
    ],
  },
];

provePuzzles(CASES, /^[SK][14]\.[1-3]\.\d+$/);
