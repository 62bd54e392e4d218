/**
 * Limits of the architecture file and of a run (format.md sections 1 and 4): the one place they are written.
 * The schema, the loader, the editor's commands, the run dock and the runner's flags all read them here.
 */
export const LIMITS = {
  /** Largest architecture file, in bytes (5 MB). */
  bytes: 5 * 1024 * 1024,
  /** Most nodes in a document (and in a solution's `addNodes`). */
  nodes: 2000,
  /** Most edges in a document (and in a solution's `addEdges`). */
  edges: 10_000,
  /** Most faults in a document. */
  faults: 10_000,
  /** Longest run, in simulated seconds (30 days); also the latest `atSec` of a fault or a script step. */
  durationSec: 30 * 86_400,
  /** Seeds are unsigned 32-bit integers: 0 to 4294967295. */
  seedMax: 2 ** 32 - 1,
  /** Largest |x| or |y| of a position, in px (sums of positions stay finite; the editor keeps moves inside). */
  coord: 1_000_000,
  /** Smallest and largest width or height of a container on the canvas, in px. */
  containerSize: { min: 20, max: 20_000 },
} as const;

/** True for a valid seed: a whole number from 0 to `LIMITS.seedMax`. */
export const isSeed = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.seedMax;

/** True for a valid run length: more than 0 and at most `LIMITS.durationSec` simulated seconds. */
export const isDurationSec = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= LIMITS.durationSec;

/** The limits in words, for error messages. */
export const LIMIT_WORDS = {
  seed: `a whole number from 0 to ${LIMITS.seedMax}`,
  durationSec: `more than 0 s and at most ${LIMITS.durationSec / 86_400} days`,
  bytes: `${LIMITS.bytes / (1024 * 1024)} MB`,
} as const;
