/**
 * The CloudFormation layer: read a template into a design (`importTemplate`), write a design as a template
 * (`exportDesign` + `templateToYaml`). Imports only the catalog and the model; no engine, no React.
 */
export { importTemplate, type ImportOptions, type ImportResult } from './import';
export { exportDesign, type ExportResult } from './export/index';
export { templateToYaml } from './yaml-out';
export { CfnError, MissingParamsError, formatNote, type ImportNote } from './types';

/** The YAML text of a design's template. */
export { designToYaml } from './design-yaml';

/**
 * Whether a file is a CloudFormation template rather than a SageSim document: YAML by its name, or JSON whose
 * top level has `Resources` or `AWSTemplateFormatVersion` and no SageSim `format`.
 */
export function looksLikeTemplate(name: string, text: string): boolean {
  if (/\.(ya?ml|template)$/i.test(name)) return true;
  const head = text.trimStart();
  if (!head.startsWith('{'))
    return /^(AWSTemplateFormatVersion|Resources|Transform|Description|Parameters)\s*:/m.test(text);
  if (/"format"\s*:\s*"sagesim\//.test(text)) return false;
  return /"(Resources|AWSTemplateFormatVersion)"\s*:/.test(text);
}

/** `--param KEY=VALUE` values into a record; an error message for a malformed one. */
export function parseParams(values: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) return `--param needs KEY=VALUE, got ${v || 'nothing'}`;
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}
