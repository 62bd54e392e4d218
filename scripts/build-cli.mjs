#!/usr/bin/env node
/**
 * Bundle the headless runner (src/cli/bin.ts) into plain JavaScript with every dependency inside, so it starts
 * without compiling TypeScript: dist-cli/runner.cjs (the bundle), dist-cli/sim.mjs (the executable program, from
 * scripts/cli-loader.mjs), dist-cli/runner.cache (V8's code cache of the bundle, made by one representative run),
 * dist-cli/runner-<node version>.blob (a V8 start-up snapshot `npm run sim` starts from, see scripts/sim.sh) and
 * dist-cli/cfn.cjs (the CloudFormation side, which the snapshot loads only when a run needs it).
 * Run by `npm ci`/`npm install` (the `prepare` script), `npm run build`, `npm run build:cli` and before the tests
 * (test/global-setup.ts).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'dist-cli');

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

/**
 * For the start-up snapshot only: src/cli/cfn-loader.ts becomes a module that loads dist-cli/cfn.cjs (beside the blob
 * the process started from) the first time a run asks for the CloudFormation functions, so the snapshot holds neither
 * them nor the YAML parser and layout behind them. The snapshot's build never asks (its warm-up runs a document).
 */
const cfnOnDemand = {
  name: 'cfn-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/cfn-loader$/ }, () => ({ path: 'cfn-loader', namespace: 'cfn-on-demand' }));
    b.onLoad({ filter: /.*/, namespace: 'cfn-on-demand' }, () => ({
      loader: 'js',
      contents: `
        const { createRequire } = require('node:module');
        const { resolve } = require('node:path');
        let tools;
        function blobPath() {
          const a = process.execArgv;
          for (let i = 0; i < a.length; i++) {
            if (a[i] === '--snapshot-blob') return a[i + 1];
            if (a[i].startsWith('--snapshot-blob=')) return a[i].slice('--snapshot-blob='.length);
          }
          throw new Error('cfn-on-demand: this process did not start from a snapshot file');
        }
        exports.cfnTools = () => (tools ??= createRequire(resolve(blobPath()))('./cfn.cjs'));
      `,
    }));
  },
};

/**
 * esbuild options shared by the bundle and the snapshot entry. Minified: a smaller bundle to read and compile and a
 * smaller start-up snapshot to deserialize (nothing in the runner reads a function's or class's name).
 */
const bundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  plugins: [englishOnly],
};

/**
 * The V8 start-up snapshot `npm run sim` starts from (scripts/sim.sh): runner-<node version>.blob, made from
 * src/cli/snapshot.ts and tried once. Returns its file name, or null (with a warning) when this Node cannot make
 * one that works: the runner then starts from the bundle, as the bin always does.
 */
function snapshot(dir) {
  const name = `runner-${process.version}.blob`;
  try {
    execFileSync(process.execPath, ['--snapshot-blob', name, '--build-snapshot', 'snapshot.cjs'], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, SAGESIM_SNAPSHOT_WARMUP: resolve(root, 'scenarios/bench/mixed.json') },
    });
    const rules = execFileSync(process.execPath, ['--snapshot-blob', join(dir, name), '--', '--rules'], {
      encoding: 'utf8',
    });
    if (!JSON.parse(rules).length) throw new Error('the snapshot printed no rules');
    // and the CloudFormation side, loaded from cfn.cjs beside the blob: a document written as a template
    const yaml = execFileSync(
      process.execPath,
      ['--snapshot-blob', join(dir, name), '--', '--tool', 'export', resolve(root, 'scenarios/bench/realtime.json')],
      { encoding: 'utf8' },
    );
    if (!yaml.startsWith('AWSTemplateFormatVersion')) throw new Error('the snapshot wrote no template');
    return name;
  } catch (e) {
    console.warn(`build-cli: no start-up snapshot (${e.message.split('\n')[0]}); npm run sim starts from the bundle`);
    return null;
  }
}

/**
 * Build dist-cli/ from the sources (about a second). Everything is made in a scratch folder and then renamed into
 * place file by file, so a runner started meanwhile sees whole files (and V8 ignores a cache of another bundle).
 */
export async function buildCli() {
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(OUT, '.build-'));
  try {
    await build({ ...bundle, entryPoints: [resolve(root, 'src/cli/bin.ts')], outfile: join(tmp, 'runner.cjs') });
    await build({ ...bundle, entryPoints: [resolve(root, 'src/cli/cfn-tools.ts')], outfile: join(tmp, 'cfn.cjs') });
    await build({
      ...bundle,
      entryPoints: [resolve(root, 'src/cli/snapshot.ts')],
      outfile: join(tmp, 'snapshot.cjs'),
      plugins: [...bundle.plugins, cfnOnDemand],
    });
    copyFileSync(resolve(root, 'scripts/cli-loader.mjs'), join(tmp, 'sim.mjs'));
    chmodSync(join(tmp, 'sim.mjs'), 0o755);
    // The code cache: what V8 compiles while the runner loads, runs and reports the mixed benchmark scenario briefly.
    execFileSync(
      process.execPath,
      [join(tmp, 'sim.mjs'), resolve(root, 'scenarios/bench/mixed.json'), '--json', '--duration', '60'],
      { env: { ...process.env, SAGESIM_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' },
    );
    const blob = snapshot(tmp);
    for (const f of ['runner.cjs', 'runner.cache', 'sim.mjs', 'cfn.cjs', ...(blob ? [blob] : [])])
      renameSync(join(tmp, f), join(OUT, f));
    // blobs of other Node versions (or a failed snapshot) must not outlive the bundle they were made from
    for (const f of readdirSync(OUT)) if (/^runner-.*\.blob$/.test(f) && f !== blob) rmSync(join(OUT, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
