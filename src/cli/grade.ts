/**
 * `npm run --silent grade -- --puzzle PUZZLE [--variant N] FILE_OR_DIR…` (format.md section 7): grade a
 * class. Every submission (a file, or each `*.json` under a directory, recursively, in path order) is
 * graded against the teacher's PUZZLE as `sim --check --puzzle` does; standard output gets one CSV row per
 * submission. A file that cannot be read or loaded gets a row with the reason, never a crash.
 * Exit status: 0 when every submission was graded (met or not), 2 when the command line or the puzzle
 * cannot be used.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchDoc } from '../model/schema';
import { gradeSubmission, puzzleVariant, readDocument, recordedVariant } from './check';

const USAGE = 'usage: npm run --silent grade -- --puzzle PUZZLE [--variant N] FILE_OR_DIR…';

/** The CSV columns, in order (the first six are the contract's). */
export const COLUMNS = [
  'file',
  'met',
  'failed',
  'hints',
  'solutionShown',
  'variant',
  'learner',
  'timeSpentSec',
  'questionsRight',
  'costUSD',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | boolean | undefined>;

/** One CSV field (RFC 4180: quoted when it holds a comma, a quote or a line break). */
export function csvField(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (r: Row) => COLUMNS.map((c) => csvField(r[c])).join(',');

/**
 * The submissions a path names: itself, or every `.json` file under it (sorted); a missing path is kept (its row says
 * why).
 */
export function submissionFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [path];
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** How many of the puzzle's questions the attempt answered right, as "right/asked" (blank when none were recorded). */
function questionsRight(puzzle: ArchDoc, sub: ArchDoc): string | undefined {
  const answers = sub.attempt?.answers;
  const qs = puzzle.questions ?? [];
  if (!answers || !qs.length) return undefined;
  return `${qs.filter((q, i) => answers[i] === q.answer).length}/${qs.length}`;
}

/** Grade one submission file against the puzzle: its CSV row. */
export function gradeFile(puzzle: ArchDoc, file: string, variantArg?: number): Row {
  const empty: Row = Object.fromEntries(COLUMNS.map((c) => [c, undefined])) as Row;
  const loaded = readDocument(file, 'submission');
  if (!loaded.ok) return { ...empty, file, met: false, failed: loaded.reason };
  const sub = loaded.doc;
  const variant = variantArg ?? recordedVariant(sub);
  const att = sub.attempt ?? {};
  const base: Row = {
    ...empty,
    file,
    hints: att.hints,
    solutionShown: att.solutionShown,
    variant,
    learner: att.learner,
    timeSpentSec: att.timeSpentSec === undefined ? undefined : Math.round(att.timeSpentSec),
    questionsRight: questionsRight(puzzle, sub),
  };
  const p = puzzleVariant(puzzle, variant);
  if (!p.ok) return { ...base, met: false, failed: p.reason };
  try {
    const { report } = gradeSubmission(p.doc, sub, { variant });
    return { ...base, met: report.goal!.met, failed: report.goal!.failed.join('; '), costUSD: report.costUSD };
  } catch (e) {
    return { ...base, met: false, failed: `the run failed: ${(e as Error).message}` };
  }
}

/** The command: parse, load the puzzle, print the header and a row per submission. */
export function main(
  argv: string[],
  out: (s: string) => unknown = (s) => process.stdout.write(s),
  err: (s: string) => unknown = (s) => process.stderr.write(s),
): number {
  let puzzleFile: string | undefined;
  let variant: number | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--puzzle') puzzleFile = argv[++i];
    else if (a === '--variant') {
      const v = argv[++i];
      variant = Number(v);
      if (v === undefined || v.trim() === '' || !Number.isInteger(variant) || variant < 0) {
        err(`grade: --variant needs a whole number from 0, got ${v ?? 'nothing'}\n${USAGE}\n`);
        return 2;
      }
    } else if (a === '-h' || a === '--help') {
      out(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) {
      err(`grade: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (!puzzleFile || puzzleFile.startsWith('-')) {
    err(`grade: --puzzle PUZZLE is required (the teacher's copy)\n${USAGE}\n`);
    return 2;
  }
  if (!paths.length) {
    err(`grade: no FILE_OR_DIR to grade\n${USAGE}\n`);
    return 2;
  }
  const p = readDocument(puzzleFile, 'puzzle');
  if (!p.ok) {
    err(`grade: ${p.reason}\n`);
    return 2;
  }
  if (!p.doc.goal) {
    err(`grade: puzzle ${puzzleFile} has no "goal" to grade against\n`);
    return 2;
  }
  out(`${COLUMNS.join(',')}\n`);
  for (const path of paths)
    for (const file of submissionFiles(path)) out(`${csvRow(gradeFile(p.doc, file, variant))}\n`);
  return 0;
}

const invoked = process.argv[1] && /grade\.(ts|js|mjs)$/.test(process.argv[1]);
if (invoked) process.exitCode = main(process.argv.slice(2));
