/**
 * The runner's entry for its V8 start-up snapshot (dist-cli/runner.blob, made by scripts/build-cli.mjs): the heap
 * after every module has initialised, so `npm run sim` starts from there instead of evaluating the bundle again.
 * Restoring the heap is most of a start (~20 ms per MB of it here), so it holds what every run needs and little more:
 * a kind's prop schema is built when a document first has that kind (the warm-up's kinds are built already), and the
 * CloudFormation side is loaded from dist-cli/cfn.cjs when a run reads a template (see build-cli.mjs). Nothing here
 * runs a simulation: the snapshot holds exactly the state a fresh process has after loading, so reports stay
 * byte-identical.
 */
import { startupSnapshot } from 'node:v8';
import { program } from './program';
import { main as simMain } from './sim';

// Warm-up (scripts/build-cli.mjs names a representative document): one zero-length run, in JSON and in text, with its
// output dropped, so the functions every run calls start compiled. The heap keeps no trace of the run itself.
const warmup = process.env.SAGESIM_SNAPSHOT_WARMUP;
if (warmup) {
  const drop = () => true;
  for (const json of [['--json'], []]) simMain([warmup, ...json, '--duration', '0.001'], drop, drop);
}
// `node --snapshot-blob runner.blob -- ARGS…`: process.argv is [node, ...ARGS].
startupSnapshot.setDeserializeMainFunction(() => {
  process.exitCode = program(process.argv.slice(1));
});
