#!/usr/bin/env node
/**
 * The runner's program file (copied to dist-cli/sim.mjs by scripts/build-cli.mjs): it runs the bundled runner,
 * dist-cli/runner.cjs, through V8's code cache (dist-cli/runner.cache, made at build time), so a call does not
 * parse and compile 800 KB of JavaScript again. A cache that does not fit this Node (another version) is ignored
 * by V8 and the code is compiled as usual: the output never depends on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./runner.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('./runner.cache', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined; // no cache yet (the build makes it): compile as usual
}
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`,
  {
    filename: file,
    cachedData,
  },
);
// The build runs one representative call with this set, then keeps what V8 compiled during it.
if (process.env.SAGESIM_WRITE_CODE_CACHE === '1')
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
