import type { ArchDoc } from '../model/schema';
import { exportDesign } from './export/index';
import { templateToYaml } from './yaml-out';

/** A design as CloudFormation YAML (what `npm run export` prints and the page shows). */
export function designToYaml(doc: ArchDoc): string {
  return templateToYaml(exportDesign(doc).template);
}
