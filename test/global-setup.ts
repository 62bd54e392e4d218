import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: bundle the runner (dist-cli/sim.mjs) from the current sources before any test spawns it,
 * so the tests of the real process never run a stale build (`npm ci` builds it too, through `prepare`).
 */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
