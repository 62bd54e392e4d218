import { type Host, openDoc, openText, readFileText } from '../state/persist';
import { looksLikeTemplate } from '../../cfn/detect';
import { cell } from './store';

/**
 * Opening a CloudFormation template on the page: the CloudFormation layer (and its YAML parser) is loaded only now,
 * so the first screen does not carry it. A parameter without a default that decides a condition is asked for
 * (`askParams` → the parameters dialog); a template that cannot be read shows its reason and location in the banner.
 */

export interface ParamQuestion {
  name: string;
  description?: string;
  allowed?: readonly string[];
  condition: string;
}
export interface PendingTemplate {
  name: string;
  text: string;
  params: Record<string, string>;
  ask: readonly ParamQuestion[];
}

/** The template waiting for parameter values (the parameters dialog shows while it is set). */
export const paramsRequest = cell<PendingTemplate | null>(null);

/** Open a template's text as the design; `params` are values given so far. */
export async function openTemplate(
  host: Host,
  name: string,
  text: string,
  params: Record<string, string> = {},
): Promise<boolean> {
  const cfn = await import('../../cfn/index');
  try {
    const { doc, notes } = cfn.importTemplate(text, { params, title: undefined });
    paramsRequest.set(null);
    openDoc(host, doc, `CloudFormation template "${name}"`);
    if (notes.length)
      host.ui.setBanner({
        tone: 'info',
        title:
          `Opened "${name}": ${notes.length} ${notes.length === 1 ? 'thing' : 'things'} in the template ` +
          `${notes.length === 1 ? 'is' : 'are'} not on the canvas or not simulated.`,
        lines: notes.map(cfn.formatNote),
      });
    return true;
  } catch (e) {
    if (e instanceof cfn.MissingParamsError) {
      paramsRequest.set({ name, text, params, ask: e.params });
      return false;
    }
    if (e instanceof cfn.CfnError) {
      host.ui.setBanner({
        tone: 'error',
        title: `"${name}" could not be opened as a CloudFormation template; your work is unchanged.`,
        lines: [
          `${e.line ? `line ${e.line}, column ${e.col ?? 1}: ` : ''}${e.message}${
            e.path.length ? ` (at ` + `${e.where.replace(/ \(line.*$/, '')})` : ''
          }`,
        ],
      });
      return false;
    }
    throw e;
  }
}

/** Open a file someone chose or dropped: a template goes through the import, anything else through the loader. */
export function openAnyFile(host: Host, file: File, forceTemplate = false): void {
  // read as the runner reads files: size first, then UTF-8 or UTF-16 with a byte-order mark
  void readFileText(host, file).then((text) => {
    if (text === null) return;
    if (forceTemplate || looksLikeTemplate(file.name, text)) void openTemplate(host, file.name, text);
    else void openText(host, text, `"${file.name}"`);
  });
}
