import { readFileSync } from 'node:fs';
import { parseParams } from '../cfn/detect';
import { cfnTools } from './cfn-loader';

const USAGE = 'usage: npm run --silent import -- TEMPLATE [--param KEY=VALUE]…';

/**
 * `npm run --silent import -- TEMPLATE [--param KEY=VALUE]…`: prints the sagesim/architecture@1 document of a
 * CloudFormation template (YAML or JSON) on stdout; notes about what is not simulated on stderr.
 * Exit 0, or 2 when the template cannot be read (the reason with FILE:LINE:COL on stderr).
 */
export function main(
  argv: string[],
  out: (s: string) => unknown = (s) => process.stdout.write(s),
  err: (s: string) => unknown = (s) => process.stderr.write(s),
): number {
  let file: string | undefined;
  const raw: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--param') raw.push(argv[++i] ?? '');
    else if (a.startsWith('--param=')) raw.push(a.slice(8));
    else if (a === '-h' || a === '--help') {
      err(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) return fail(err, `unknown option ${a}`);
    else if (file) return fail(err, `only one TEMPLATE, got ${file} and ${a}`);
    else file = a;
  }
  if (!file) return fail(err, 'missing TEMPLATE');
  const params = parseParams(raw);
  if (typeof params === 'string') return fail(err, params);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(
      `import: cannot read ${file}: ` +
        `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return 2;
  }
  const r = cfnTools().readTemplate(file, text, params, (line) => err(`${line}\n`));
  if ('error' in r) {
    err(`import: ${r.error}\n`);
    return 2;
  }
  out(`${JSON.stringify(r.doc, null, 2)}\n`);
  return 0;
}

function fail(err: (s: string) => unknown, msg: string): number {
  err(`import: ${msg}\n${USAGE}\n`);
  return 2;
}

const invoked = process.argv[1] && /import\.(ts|js|mjs)$/.test(process.argv[1]);
if (invoked) process.exitCode = main(process.argv.slice(2));
