import * as tools from './cfn-tools';

/**
 * The runner's CloudFormation functions (cfn-tools.ts). Here they are bundled with the rest; the start-up snapshot's
 * build (scripts/build-cli.mjs) puts in this module's place one that loads dist-cli/cfn.cjs the first time a run needs
 * them, so the snapshot every `npm run sim` restores holds no CloudFormation code (a smaller blob to restore).
 */
export const cfnTools = (): typeof tools => tools;
