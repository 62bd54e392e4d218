import { RULES } from '../catalog/rules';
import { LIMITS, isDurationSec, isSeed } from '../catalog/limits';
import { RULEBOOKS, type Rulebook } from '../model/schema';
import { formatReport } from './format';
import { EXIT, type FileResult, type FileRunOptions, batchStatus, runFile } from './run-files';
import { checkFile, readPuzzle } from './check';

export { EXIT } from './run-files';

const USAGE =
  `usage: npm run --silent sim -- FILE [--seed N] [--duration SEC] [--json] [--apply-solution] [--check] ` +
  `[--rulebook sheet|aws] [--variant N]
       npm run --silent sim -- --check FILE... [--seed N] [--duration ` +
  `SEC] [--json] [--apply-solution] [--rulebook sheet|aws]
       npm run --silent sim -- SUBMISSION... --check ` +
  `--puzzle PUZZLE [--variant N] [--json]
       npm run --silent sim -- TEMPLATE [--param KEY=VALUE]… [--seed ` +
  `N] [--duration SEC] [--json] [--rulebook sheet|aws]
       npm run --silent sim -- --rules
       ` +
  `(sagesim-sim or node dist-cli/sim.mjs take the same arguments)`;

interface Args {
  files: string[];
  seed?: number;
  duration?: number;
  json: boolean;
  rules: boolean;
  applySolution: boolean;
  check: boolean;
  /** Overrides the file's `rulebook` (`--rulebook sheet|aws`). */
  rulebook?: Rulebook;
  /** CloudFormation parameters (`--param KEY=VALUE`) when FILE is a template. */
  params: string[];
  /** The teacher's copy of a puzzle to grade the files against (`--check --puzzle`). */
  puzzle?: string;
  /** A puzzle variant (`--variant N`, its `variables`). */
  variant?: number;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], json: false, rules: false, applySolution: false, check: false, params: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // plain decimal digits only: Number() would also take " 7", "0x10" and "1e3"
    const num = (name: string) => {
      const v = argv[++i];
      if (v === undefined || !/^\d+(\.\d+)?$/.test(v))
        throw new Error(
          `${name} needs a non-negative decimal number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`,
        );
      return Number(v);
    };
    try {
      if (arg === '--json') a.json = true;
      else if (arg === '--rules') a.rules = true;
      else if (arg === '--apply-solution') a.applySolution = true;
      else if (arg === '--check') a.check = true;
      else if (arg === '--param') a.params.push(argv[++i] ?? '');
      else if (arg === '--puzzle') {
        a.puzzle = argv[++i];
        if (!a.puzzle || a.puzzle.startsWith('-')) return "--puzzle needs the teacher's PUZZLE file";
      } else if (arg === '--variant') {
        a.variant = num('--variant');
        if (!Number.isInteger(a.variant)) return '--variant needs a whole number';
      } else if (arg === '--seed') {
        a.seed = num('--seed');
        if (!isSeed(a.seed)) return `--seed needs an integer from 0 to ${LIMITS.seedMax}`;
      } else if (arg === '--duration') {
        a.duration = num('--duration');
        if (!isDurationSec(a.duration))
          return (
            `--duration needs a number of seconds above 0 and at most ${LIMITS.durationSec} ` +
            `(${LIMITS.durationSec / 86_400} days)`
          );
      } else if (arg === '--rulebook') {
        const v = argv[++i];
        if (!(RULEBOOKS as readonly string[]).includes(v ?? ''))
          return `--rulebook needs sheet or aws, got ${v ?? 'nothing'}`;
        a.rulebook = v as Rulebook;
      } else if (arg === '-h' || arg === '--help') return USAGE;
      else if (arg.startsWith('-')) return `unknown option ${arg}`;
      else a.files.push(arg);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!a.rules && !a.files.length) return 'missing FILE';
  // Many files are a batch of checks; a plain run takes one file.
  if (!a.rules && !a.check && a.files.length > 1) return `only one FILE, got ${a.files[0]} and ${a.files[1]}`;
  if (a.puzzle && !a.check) return '--puzzle grades a submission: use it with --check';
  if (a.puzzle && a.applySolution) return '--apply-solution and --puzzle do not mix: grade the submission as it is';
  return a;
}

export function main(
  argv: string[],
  out: (s: string) => unknown = (s) => process.stdout.write(s),
  err: (s: string) => unknown = (s) => process.stderr.write(s),
): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(`${args === USAGE ? '' : `sim: ${args}\n`}${USAGE}\n`);
    // a bad command line runs nothing: the same status as a file that cannot be loaded
    return args === USAGE ? EXIT.ok : EXIT.load;
  }
  if (args.rules) {
    out(
      `${JSON.stringify(
        RULES.map((r) => ({
          id: r.id,
          domain: r.domain,
          severity: r.severity,
          sheet: r.sheet,
          fix: r.fix,
          title: r.title,
          docs: r.docs,
          aws: r.aws ?? null,
          http: r.http ?? null,
          message: r.message,
          area: r.area,
          static: r.static,
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  let one = (f: string) => runFile(f, opts(args, err));
  if (args.puzzle) {
    // --check --puzzle: every file is graded against the teacher's copy (check.ts)
    const p = readPuzzle(args.puzzle);
    if (!p.ok) {
      err(`sim: ${p.reason}\n`);
      return EXIT.load;
    }
    one = (f) =>
      checkFile(p.doc, f, {
        seed: args.seed,
        durationSec: args.duration,
        variant: args.variant,
        rulebook: args.rulebook,
      });
  }
  if (args.files.length === 1) {
    const r = one(args.files[0]);
    if (r.status === EXIT.load) err(`sim: ${r.error}\n`);
    else out(args.json ? `${JSON.stringify(r.report, null, 2)}\n` : formatReport(r.title, r.report));
    return r.status;
  }
  // Many files (only with --check): one process, one report per file, in order (format.md section 7).
  const results = args.files.map((f, i) => {
    const r = one(f);
    if (r.status === EXIT.load) err(`sim: ${r.error}\n`);
    else if (!args.json) out(`${i ? '\n' : ''}${formatReport(r.title, r.report)}`);
    return r;
  });
  if (args.json) out(`${JSON.stringify(results.map(batchEntry), null, 2)}\n`);
  return batchStatus(results);
}

const opts = (a: Args, err: (s: string) => unknown): FileRunOptions => ({
  seed: a.seed,
  durationSec: a.duration,
  rulebook: a.rulebook,
  applySolution: a.applySolution,
  check: a.check,
  params: a.params,
  variant: a.variant,
  note: (line) => err(`${line}\n`),
});

/** One element of the `--json` array of a batch: the file, its exit status, and its report or its error. */
const batchEntry = (r: FileResult) =>
  r.status === EXIT.load
    ? { file: r.file, status: r.status, error: r.error }
    : { file: r.file, status: r.status, report: r.report };
