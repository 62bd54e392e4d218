import { CfnError, formatNote, importTemplate } from '../cfn/index';
import type { ArchDoc } from '../model/schema';

/**
 * Reading a CloudFormation template for the runner and `npm run import`: the design, or the reason it cannot be read
 * (`FILE:LINE:COL: message (at Resources.X.Properties.Y)`). Notes (resources with no kind…) go to `note`, one line
 * each.
 */
export function readTemplate(
  file: string,
  text: string,
  params: Readonly<Record<string, string>>,
  note: (line: string) => unknown,
): { doc: ArchDoc } | { error: string } {
  try {
    const { doc, notes } = importTemplate(text, { params });
    for (const n of notes) note(formatNote(n));
    return { doc };
  } catch (e) {
    if (!(e instanceof CfnError)) throw e;
    const at = e.line ? `${file}:${e.line}:${e.col ?? 1}` : file;
    const path = e.path.length ? ` (at ${e.where.replace(/ \(line.*$/, '')})` : '';
    return { error: `${at}: ${e.message}${path}` };
  }
}
