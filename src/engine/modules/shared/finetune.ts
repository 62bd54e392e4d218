import {
  FINE_TUNE_ACCEPTS,
  FINE_TUNE_FORMAT_NAMES,
  type FineTuneDataFormat,
  type FineTuneMethod,
} from '../../../catalog/automl';
import type { GNode, Graph } from '../../../model/graph';

/** How each customisation is named in a message. */
const METHOD_NAMES: Record<FineTuneMethod | 'bedrock', string> = {
  'domain-adaptation': 'domain adaptation',
  'instruction-tuning': 'instruction-based fine-tuning',
  bedrock: 'Bedrock fine-tuning',
};

/** The fine-tuning a JumpStart model runs before it is deployed, or null (fineTune none). */
export const fineTuneOf = (m: GNode<'jumpstart-model'>): FineTuneMethod | null =>
  m.props.fineTune === 'none' ? null : (m.props.fineTune as FineTuneMethod);

/** The name of the training job that fine-tunes a JumpStart model (SageSim's naming). */
export const fineTuneJobName = (m: GNode): string => `${m.id}-fine-tune`;

/**
 * fine-tuning-data-format: the first s3-bucket feeding a customisation whose dataFormat it does not read — a
 * jumpstart-model with a fineTune method, or an ai-service with service bedrock and customModel true. Null when every
 * bucket fits (or the node customises nothing).
 */
export function fineTuneDataProblem(
  g: Graph,
  n: GNode,
): { rule: string; vars: Record<string, string | number> } | null {
  let method: FineTuneMethod | 'bedrock' | null = null;
  let job = '';
  if (n.kind === 'jumpstart-model') {
    method = fineTuneOf(n as GNode<'jumpstart-model'>);
    job = `Training job ${fineTuneJobName(n)}`;
  } else if (n.kind === 'ai-service' && n.props.service === 'bedrock' && n.props.customModel === true) {
    method = 'bedrock';
    job = `Model customization job for ${n.id}`;
  }
  if (!method) return null;
  const accepts = FINE_TUNE_ACCEPTS[method];
  for (const b of g.in(n.id, 's3-bucket')) {
    const format = b.props.dataFormat as FineTuneDataFormat;
    if (!accepts.formats.includes(format))
      return {
        rule: 'fine-tuning-data-format',
        vars: {
          job,
          model: n.id,
          method: METHOD_NAMES[method],
          bucket: b.id,
          format: FINE_TUNE_FORMAT_NAMES[format] ?? String(format),
          expected: accepts.expected,
        },
      };
  }
  return null;
}
