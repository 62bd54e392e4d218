import { readFileSync } from 'node:fs';
import { RULES } from '../catalog/rules';
import { applySolution } from '../model/solution';
import { formatErrors, loadJson, loadText, solutionErrors } from '../model/load';
import { LIMITS } from '../model/schema';
import { runDocument } from '../engine/run';
import { formatReport } from './format';
import { looksLikeTemplate, parseParams } from '../cfn/index';
import { readTemplate } from './template';

const USAGE = `usage: npm run --silent sim -- FILE [--seed N] [--duration SEC] [--json] [--apply-solution] [--check]
       npm run --silent sim -- TEMPLATE [--param KEY=VALUE]… [--seed N] [--duration SEC] [--json]
       npm run --silent sim -- --rules`;

/** Exit statuses of format.md section 4 (a bad command line exits 2 too: nothing could be loaded). */
export const EXIT = { ok: 0, load: 2, goal: 3 } as const;

interface Args {
  file?: string;
  seed?: number;
  duration?: number;
  json: boolean;
  rules: boolean;
  applySolution: boolean;
  check: boolean;
  /** CloudFormation parameters (`--param KEY=VALUE`) when FILE is a template. */
  params: string[];
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, rules: false, applySolution: false, check: false, params: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const num = (name: string) => {
      const v = argv[++i];
      const n = Number(v);
      if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0)
        throw new Error(`${name} needs a non-negative number, got ${v ?? 'nothing'}`);
      return n;
    };
    try {
      if (arg === '--json') a.json = true;
      else if (arg === '--rules') a.rules = true;
      else if (arg === '--apply-solution') a.applySolution = true;
      else if (arg === '--check') a.check = true;
      else if (arg === '--param') a.params.push(argv[++i] ?? '');
      else if (arg === '--seed') {
        a.seed = num('--seed');
        if (!Number.isInteger(a.seed) || a.seed > 2 ** 32 - 1) return '--seed needs an integer from 0 to 4294967295';
      } else if (arg === '--duration') {
        a.duration = num('--duration');
        if (a.duration <= 0 || a.duration > LIMITS.durationSec)
          return `--duration needs a number of seconds above 0 and at most ${LIMITS.durationSec} (30 days)`;
      } else if (arg === '-h' || arg === '--help') return USAGE;
      else if (arg.startsWith('-')) return `unknown option ${arg}`;
      else if (a.file) return `only one FILE, got ${a.file} and ${arg}`;
      else a.file = arg;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!a.rules && !a.file) return 'missing FILE';
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
    return args === USAGE ? EXIT.ok : EXIT.load; // a bad command line runs nothing: the same status as a file that cannot be loaded
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
  let text: string;
  try {
    text = readFileSync(args.file!, 'utf8');
  } catch (e) {
    err(
      `sim: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return EXIT.load;
  }
  // CloudFormation: a template is converted to a design before it is loaded (notes on stderr).
  if (looksLikeTemplate(args.file!, text)) {
    const params = parseParams(args.params);
    const r =
      typeof params === 'string' ? { error: params } : readTemplate(args.file!, text, params, (l) => err(`${l}\n`));
    if ('error' in r) {
      err(`sim: ${r.error}\n`);
      return EXIT.load;
    }
    text = JSON.stringify(r.doc);
  } else if (args.params.length) {
    err(`sim: --param applies to CloudFormation templates; ${args.file} is a SageSim document\n`);
    return EXIT.load;
  }
  let loaded = loadText(text);
  if (!loaded.ok) {
    err(`sim: ${args.file} could not be loaded:\n${formatErrors(loaded.errors).replace(/^/gm, '  ')}\n`);
    return EXIT.load;
  }
  if (args.applySolution) {
    if (!loaded.doc.solution) {
      err(`sim: ${args.file} has no "solution" to apply\n`);
      return EXIT.load;
    }
    const wrong = solutionErrors(loaded.doc);
    if (wrong.length) {
      err(`sim: the solution of ${args.file} names what is not there:\n${formatErrors(wrong).replace(/^/gm, '  ')}\n`);
      return EXIT.load;
    }
    loaded = loadJson(applySolution(loaded.doc, loaded.doc.solution));
    if (!loaded.ok) {
      err(
        `sim: the solution of ${args.file} does not give a valid architecture:\n${formatErrors(loaded.errors).replace(/^/gm, '  ')}\n`,
      );
      return EXIT.load;
    }
  }
  const doc = loaded.doc;
  if (args.check && !doc.goal) {
    err(`sim: ${args.file} has no "goal" to check\n`);
    return EXIT.load;
  }
  const { report } = runDocument(doc, { seed: args.seed, durationSec: args.duration });
  out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(doc.title ?? args.file!, report));
  if (args.check && report.goal && !report.goal.met) return EXIT.goal;
  return EXIT.ok;
}

const invoked = process.argv[1] && /sim\.(ts|js|mjs)$/.test(process.argv[1]);
if (invoked) process.exitCode = main(process.argv.slice(2));
