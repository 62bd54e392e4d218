import { looksLikeTemplate, parseParams } from '../cfn/detect';
import { applySolution } from '../model/solution';
import { formatErrors, loadJson, loadText, solutionErrors } from '../model/load';
import type { ArchDoc, Rulebook } from '../model/schema';
import { runDocument, type Report } from '../engine';
import { cfnTools } from './cfn-loader';
import { puzzleVariant } from './check';
import { readDocumentFile } from './read';
import { WORK_BUDGET, durationThatFits, estimateWork, overBudget } from '../model/budget';

/** Exit statuses of format.md section 4 (a bad command line exits 2 too: nothing could be loaded). */
export const EXIT = { ok: 0, load: 2, goal: 3 } as const;
export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** What to do with each file (the runner's flags that apply per file). */
export interface FileRunOptions {
  seed?: number;
  durationSec?: number;
  /** Overrides the document's `rulebook` (`--rulebook`). */
  rulebook?: Rulebook;
  /** Apply the puzzle's `solution` before the run (`--apply-solution`). */
  applySolution?: boolean;
  /** Grade the run against the file's `goal` (`--check`): a file without one cannot be checked. */
  check?: boolean;
  /** CloudFormation parameters (`--param KEY=VALUE`) for a file that is a template. */
  params?: readonly string[];
  /** A puzzle variant to build before the run (`--variant N`, the file's `variables`). */
  variant?: number;
  /** Where a template's import notes go, one line each (the runner: standard error). */
  note?: (line: string) => unknown;
}

/** One file's outcome: its exit status (format.md section 4) and either its report or why it could not be run. */
export type FileResult =
  | {
      file: string;
      status: typeof EXIT.ok | typeof EXIT.goal;
      /** The document as run (after `--apply-solution`). */
      doc: ArchDoc;
      /** The document's title, or the file name: the heading of the text report. */
      title: string;
      report: Report;
    }
  | {
      file: string;
      status: typeof EXIT.load;
      /** What went wrong, naming the file and the JSON path (the runner prints it after `sim: `). */
      error: string;
    };

const indent = (s: string) => s.replace(/^/gm, '  ');

/** Load the file, apply its solution if asked, run it and grade it if asked. Never throws for bad input. */
export function runFile(file: string, o: FileRunOptions = {}): FileResult {
  const fail = (error: string): FileResult => ({ file, status: EXIT.load, error });
  // a regular file only, at most 5 MB, decoded as the page decodes files (UTF-8, or UTF-16 with a BOM)
  const read = readDocumentFile(file);
  if (!read.ok) return fail(`cannot read ${file}: ${read.message}`);
  let text = read.text;
  // CloudFormation: a template is converted to a design before it is loaded (notes to `note`).
  if (looksLikeTemplate(file, text)) {
    const params = parseParams(o.params ?? []);
    const r =
      typeof params === 'string' ? { error: params } : cfnTools().readTemplate(file, text, params, (l) => o.note?.(l));
    if ('error' in r) return fail(r.error);
    text = JSON.stringify(r.doc);
  } else if (o.params?.length)
    return fail(`--param applies to CloudFormation templates; ${file} is a SageSim document`);
  let loaded = loadText(text);
  if (!loaded.ok) return fail(`${file} could not be loaded:\n${indent(formatErrors(loaded.errors))}`);
  if (o.variant !== undefined) {
    const v = puzzleVariant(loaded.doc, o.variant);
    if (!v.ok) return fail(`${file}: ${v.reason}`);
    loaded = v;
  }
  if (o.applySolution) {
    if (!loaded.doc.solution) return fail(`${file} has no "solution" to apply`);
    const wrong = solutionErrors(loaded.doc);
    if (wrong.length) return fail(`the solution of ${file} names what is not there:\n${indent(formatErrors(wrong))}`);
    loaded = loadJson(applySolution(loaded.doc, loaded.doc.solution));
    if (!loaded.ok)
      return fail(
        `the solution of ${file} does not give a valid architecture:\n${indent(formatErrors(loaded.errors))}`,
      );
  }
  const doc = loaded.doc;
  if (o.check && !doc.goal) return fail(`${file} has no "goal" to check`);
  // the work budget: a run that would not end in reasonable time is refused before it starts
  const durationSec = o.durationSec ?? doc.durationSec ?? 3600;
  const tooMuch = overBudget(estimateWork(doc, durationSec));
  if (tooMuch) {
    const fits = durationThatFits(doc, durationSec);
    return fail(
      `${file} is over the work budget of a run (${WORK_BUDGET.requests.toLocaleString('en')} simulated ` +
        `requests, ${WORK_BUDGET.peakRps.toLocaleString('en')} per simulated second):\n  ` +
        `${tooMuch}${fits ? `\n  --duration ${fits} fits the budget.` : ''}`,
    );
  }
  const { report } = runDocument(doc, { seed: o.seed, durationSec: o.durationSec, rulebook: o.rulebook });
  const status = o.check && report.goal && !report.goal.met ? EXIT.goal : EXIT.ok;
  return { file, status, doc, title: doc.title ?? file, report };
}

/**
 * Run many files in this one process, in order (batch grading: `sim --check A B …`, `npm run grade`).
 * `onResult` sees each result as soon as it is ready, so a caller can print while the rest run.
 */
export function runFiles(
  files: readonly string[],
  o: FileRunOptions = {},
  onResult?: (r: FileResult, index: number) => void,
): FileResult[] {
  return files.map((f, i) => {
    const r = runFile(f, o);
    onResult?.(r, i);
    return r;
  });
}

/** The exit status of a batch: 2 when any file could not be loaded, else 3 when any goal is unmet, else 0. */
export function batchStatus(results: readonly FileResult[]): ExitStatus {
  if (results.some((r) => r.status === EXIT.load)) return EXIT.load;
  if (results.some((r) => r.status === EXIT.goal)) return EXIT.goal;
  return EXIT.ok;
}
