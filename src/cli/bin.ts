/**
 * The runner as a program: the entry point `scripts/build-cli.mjs` bundles into `dist-cli/sim.mjs`
 * (`npm run sim`, the `sagesim-sim` bin; `npm run grade|import|export` through `--tool`, see program.ts). `sim.ts`
 * stays a module without side effects for the tests.
 */
import { program } from './program';

process.exitCode = program(process.argv.slice(2));
