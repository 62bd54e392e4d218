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

export { looksLikeTemplate, parseParams } from './detect';
