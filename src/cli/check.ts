/**
 * Grading one submission against the teacher's copy of a puzzle (format.md section 7): `sim SUBMISSION
 * --check --puzzle PUZZLE [--variant N]` and each row of `npm run grade`. The puzzle decides the goal,
 * the locks, the palette, the seed and the scenario's faults; the submission's own are ignored.
 */
import { readFileSync } from 'node:fs';
import { runDocument, type Report } from '../engine';
import { formatErrors, loadJson, loadText } from '../model/load';
import type { ArchDoc, Rulebook } from '../model/schema';
import { gradedDocument, lockViolations } from '../model/submission';
import { applyVariant, variantCount } from '../model/variants';
import { EXIT, type FileResult } from './run-files';

/** A file read and loaded, or why not (a sentence naming the file). */
export type Loaded = { ok: true; doc: ArchDoc } | { ok: false; reason: string };

/** Read and load an architecture file; never throws. */
export function readDocument(file: string, what = 'file'): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        `cannot read ${what} ${file}: ` +
        `${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`,
    };
  }
  const r = loadText(text);
  return r.ok
    ? r
    : { ok: false, reason: `${what} ${file} could not be loaded: ${formatErrors(r.errors).replace(/\n/g, '; ')}` };
}

/**
 * A puzzle document in variant `n` (validated again, since variables write props), or why it cannot be
 * made. `n` undefined leaves the puzzle as written.
 */
export function puzzleVariant(puzzle: ArchDoc, n: number | undefined): Loaded {
  if (n === undefined) return { ok: true, doc: puzzle };
  if (!puzzle.variables || !Object.keys(puzzle.variables).length) {
    return n === 0
      ? { ok: true, doc: puzzle }
      : { ok: false, reason: `variant ${n}: the puzzle declares no variables` };
  }
  const r = loadJson(applyVariant(puzzle, n));
  return r.ok
    ? r
    : {
        ok: false,
        reason:
          `variant ${n} of ${variantCount(puzzle)} is not a valid architecture: ` +
          `${formatErrors(r.errors).replace(/\n/g, '; ')}`,
      };
}

/** The variant a submission says it was made from (the page's export records it), if any. */
export function recordedVariant(doc: ArchDoc): number | undefined {
  const v = doc.attempt?.variant ?? doc.variant;
  return typeof v === 'number' ? v : undefined;
}

/** The outcome of grading a submission: the run's report with the combined goal, and the document run. */
export interface Graded {
  report: Report;
  doc: ArchDoc;
  variant: number | undefined;
}

/**
 * Grade `submission` against `puzzle` (already in its variant): run the graded document and put the lock
 * violations first in `report.goal.failed`. `met` holds only when there are none and the goal holds.
 */
export function gradeSubmission(
  puzzle: ArchDoc,
  submission: ArchDoc,
  o: { seed?: number; durationSec?: number; variant?: number; rulebook?: Rulebook } = {},
): Graded {
  const doc = gradedDocument(puzzle, submission);
  // the puzzle's rulebook unless the grader's `--rulebook` overrides it (never the submission's own)
  const { report } = runDocument(doc, { seed: o.seed, durationSec: o.durationSec, rulebook: o.rulebook });
  const broken = lockViolations(puzzle, submission);
  const failed = [...broken, ...(report.goal?.failed ?? [])];
  report.goal = { met: failed.length === 0, failed };
  return { report, doc, variant: o.variant };
}

/** The teacher's copy of a puzzle, loaded, with a goal to grade against; or why it cannot be used. */
export function readPuzzle(file: string): Loaded {
  const p = readDocument(file, 'puzzle');
  if (!p.ok) return p;
  if (!p.doc.goal) return { ok: false, reason: `puzzle ${file} has no "goal" to check` };
  return p;
}

/**
 * One submission file graded against the puzzle (`sim --check --puzzle`), as the runner's per-file result: exit
 * 0 when met, 3 when not (a lock broken or the goal unmet), 2 when the file or the variant cannot be loaded.
 */
export function checkFile(
  puzzle: ArchDoc,
  file: string,
  o: { seed?: number; durationSec?: number; variant?: number; rulebook?: Rulebook } = {},
): FileResult {
  const sub = readDocument(file, 'submission');
  if (!sub.ok) return { file, status: EXIT.load, error: sub.reason };
  const variant = o.variant ?? recordedVariant(sub.doc);
  const v = puzzleVariant(puzzle, variant);
  if (!v.ok) return { file, status: EXIT.load, error: `puzzle: ${v.reason}` };
  const { report } = gradeSubmission(v.doc, sub.doc, {
    seed: o.seed,
    durationSec: o.durationSec,
    variant,
    rulebook: o.rulebook,
  });
  return {
    file,
    status: report.goal!.met ? EXIT.ok : EXIT.goal,
    doc: sub.doc,
    title: sub.doc.title ?? file,
    report,
  };
}
