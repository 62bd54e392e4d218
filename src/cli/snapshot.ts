/**
 * The runner's entry for its V8 start-up snapshot (dist-cli/runner.blob, made by scripts/build-cli.mjs): the heap
 * after every module has initialised and every kind's prop schema is built, so `npm run sim` starts from there
 * instead of evaluating the bundle again. Nothing here runs a simulation: the snapshot holds exactly the state a
 * fresh process has after loading, so reports stay byte-identical.
 */
import { startupSnapshot } from 'node:v8';
import { KINDS } from '../catalog/types';
import { propsSchema } from '../model/props';
import { program } from './program';

for (const kind of KINDS) propsSchema(kind);
// `node --snapshot-blob runner.blob -- ARGS…`: process.argv is [node, ...ARGS].
startupSnapshot.setDeserializeMainFunction(() => {
  process.exitCode = program(process.argv.slice(1));
});
