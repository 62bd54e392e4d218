import { readFileSync } from 'node:fs';
import { cfnTools } from './cfn-loader';
import { formatErrors, loadText } from '../model/load';

const USAGE = 'usage: npm run --silent export -- FILE';

/**
 * `npm run --silent export -- FILE`: prints a CloudFormation template (YAML) of a SageSim design.
 * Exit 0, or 2 when the file cannot be loaded (the JSON path on stderr).
 */
export function main(
  argv: string[],
  out: (s: string) => unknown = (s) => process.stdout.write(s),
  err: (s: string) => unknown = (s) => process.stderr.write(s),
): number {
  const files = argv.filter((a) => !a.startsWith('-'));
  const opts = argv.filter((a) => a.startsWith('-'));
  if (opts.includes('-h') || opts.includes('--help')) {
    err(`${USAGE}\n`);
    return 0;
  }
  if (opts.length) return fail(err, `unknown option ${opts[0]}`);
  if (files.length !== 1) return fail(err, files.length ? `only one FILE, got ${files.join(' and ')}` : 'missing FILE');
  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(
      `export: cannot read ${file}: ` +
        `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return 2;
  }
  const loaded = loadText(text);
  if (!loaded.ok) {
    err(`export: ${file} could not be loaded:\n${formatErrors(loaded.errors).replace(/^/gm, '  ')}\n`);
    return 2;
  }
  out(cfnTools().designToYaml(loaded.doc));
  return 0;
}

function fail(err: (s: string) => unknown, msg: string): number {
  err(`export: ${msg}\n${USAGE}\n`);
  return 2;
}

const invoked = process.argv[1] && /export\.(ts|js|mjs)$/.test(process.argv[1]);
if (invoked) process.exitCode = main(process.argv.slice(2));
