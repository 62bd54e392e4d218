#!/usr/bin/env node
/**
 * Bundle the headless runner (src/cli/bin.ts) into plain JavaScript: dist-cli/sim.mjs, executable, with every
 * dependency inside so it starts without compiling TypeScript. Run by `npm ci`/`npm install` (the `prepare`
 * script), `npm run build`, `npm run build:cli` and before the tests (test/global-setup.ts).
 */
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = resolve(root, 'dist-cli/sim.mjs');

/**
 * zod re-exports its 60-odd message locales as a namespace (`z.locales`), which a bundler cannot drop; the runner
 * speaks English only (zod's default, which zod itself configures from `locales/en.js`), so the bundle gets
 * a locales index holding just that one: a third less code to compile at every start.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: resolve(dirname(args.importer), '../locales/index.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(resolve(dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** Build dist-cli/sim.mjs from the sources (about 0.1–0.3 s). */
export async function buildCli() {
  await build({
    entryPoints: [resolve(root, 'src/cli/bin.ts')],
    outfile: CLI_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [englishOnly],
  });
  chmodSync(CLI_OUT, 0o755);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
