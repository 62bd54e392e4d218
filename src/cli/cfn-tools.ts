/**
 * The runner's CloudFormation side: reading a template into a design and writing a design as YAML — the YAML parser,
 * the resource maps and the layout behind them. The runner reaches it only through `cfnTools()` (cfn-loader.ts), so
 * the start-up snapshot can leave it out (scripts/build-cli.mjs bundles it apart as dist-cli/cfn.cjs). Telling a
 * template from a document (`looksLikeTemplate`) and reading `--param` values need none of it: cfn/detect.ts.
 */
export { readTemplate } from './template';
export { designToYaml } from '../cfn/index';
