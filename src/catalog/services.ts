/**
 * Buy vs build (exam skills S2.1.3, S2.1.5): the managed AI services and Amazon Bedrock as a kind, what each can be
 * customised to learn from your labelled data, and how a customised Bedrock model is invoked.
 *
 * Sources (AWS documentation):
 * - Amazon Comprehend custom classification trains classifiers on your labelled documents:
 *   https://docs.aws.amazon.com/comprehend/latest/dg/concepts-custom.html
 * - Amazon Rekognition Custom Labels trains models that find your objects and scenes in images:
 *   https://docs.aws.amazon.com/rekognition/latest/customlabels-dg/what-is.html
 * - Amazon Personalize trains recommendation models (solutions) on your interaction data:
 *   https://docs.aws.amazon.com/personalize/latest/dg/what-is-personalize.html
 * - Amazon Textract extracts text, forms and tables from documents; Amazon Transcribe converts speech to text;
 *   Amazon Translate translates text: https://docs.aws.amazon.com/textract/latest/dg/what-is.html,
 *   https://docs.aws.amazon.com/transcribe/latest/dg/what-is.html, https://docs.aws.amazon.com/translate/latest/dg/what-is.html
 * - Amazon Bedrock: after a customisation (fine-tuning, continued pre-training), a custom model is invoked through
 *   Provisioned Throughput or, for custom Amazon Nova models, a custom model deployment for on-demand inference:
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-use.html,
 *   https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html
 */
import type { Task } from './learning';

export const AI_SERVICES = [
  'comprehend',
  'rekognition',
  'textract',
  'transcribe',
  'translate',
  'personalize',
  'bedrock',
] as const;
export type AiService = (typeof AI_SERVICES)[number];

/** How a Bedrock model is invoked. */
export const BEDROCK_INFERENCE = ['on-demand', 'provisioned-throughput', 'custom-model-deployment'] as const;

/** Display names of the services. */
export const AI_SERVICE_NAMES: Record<AiService, string> = {
  comprehend: 'Amazon Comprehend',
  rekognition: 'Amazon Rekognition',
  textract: 'Amazon Textract',
  transcribe: 'Amazon Transcribe',
  translate: 'Amazon Translate',
  personalize: 'Amazon Personalize',
  bedrock: 'Amazon Bedrock',
};

/**
 * The ML tasks (of a dataset's `task`) each service can learn from your labelled data, with the feature that does
 * it. Textract, Transcribe and Translate do their one job (documents, speech, translation) and learn none of them;
 * tabular classification, regression, forecasting, anomaly detection and clustering are built on SageMaker.
 */
export const AI_SERVICE_TASKS: Record<AiService, { tasks: readonly Task[]; how: string }> = {
  comprehend: { tasks: ['text-classification'], how: 'custom classification of documents' },
  rekognition: { tasks: ['image-classification'], how: 'Custom Labels for objects and scenes in images' },
  textract: { tasks: [], how: 'text, forms and tables extracted from documents' },
  transcribe: { tasks: [], how: 'speech converted to text' },
  translate: { tasks: [], how: 'text translated between languages' },
  personalize: { tasks: ['recommendation'], how: 'recommendations trained on interaction data' },
  bedrock: { tasks: ['text-classification'], how: 'fine-tuning or continued pre-training of a foundation model' },
};
