/**
 * The runner as a program: the entry point `scripts/build-cli.mjs` bundles into `dist-cli/sim.mjs`
 * (`npm run sim`, the `sagesim-sim` bin). `sim.ts` stays a module without side effects for the tests.
 */
import { main } from './sim';

process.exitCode = main(process.argv.slice(2));
