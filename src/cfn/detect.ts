/**
 * Small helpers with no YAML parser behind them, so that the page can decide what a file is before loading the
 * CloudFormation layer.
 */

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
