/**
 * The bundled program's command line (dist-cli/, see scripts/build-cli.mjs): the runner (`sim.ts`) by default, or
 * one of the project's other tools when the first argument is `--tool NAME` — `grade`, `import`, `export` — so
 * `npm run grade|import|export` start from the same bundle, code cache and start-up snapshot as `npm run sim`
 * instead of compiling TypeScript on each call. Arguments, output and exit status are each tool's own.
 */
import { main as exportMain } from './export';
import { main as gradeMain } from './grade';
import { main as importMain } from './import';
import { main as simMain } from './sim';

const TOOLS: Record<string, (argv: string[]) => number> = {
  grade: (a) => gradeMain(a),
  import: (a) => importMain(a),
  export: (a) => exportMain(a),
};

/** Run the command line `argv` (without node and the script); returns the exit status. */
export function program(argv: string[]): number {
  if (argv[0] !== '--tool') return simMain(argv);
  const tool = TOOLS[argv[1] ?? ''];
  if (!tool) {
    process.stderr.write(`sagesim: --tool takes one of ${Object.keys(TOOLS).join(', ')}, got "${argv[1] ?? ''}"\n`);
    return 2;
  }
  return tool(argv.slice(2));
}
