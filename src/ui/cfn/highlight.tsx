import type { ReactNode } from 'react';

/**
 * A small YAML highlighter for the CloudFormation view (no editor dependency): comments, keys, short-form tags
 * (`!Ref`, `!Sub`…), quoted strings, numbers and booleans, each a span with a class.
 */
const TOKEN =
  /(#.*$)|(^\s*(?:- )?)([A-Za-z0-9_:.$-]+)(?=:(?:\s|$))|(![A-Za-z]+)|('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")|((?<=(?:[:,[]|^\s*-)\s?)(?:true|false|null|-?\d+(?:\.\d+)?)(?=\s*(?:$|,|\])))/gm;

export function highlightYaml(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    if (start > last) out.push(text.slice(last, start));
    if (m[1])
      out.push(
        <span key={k++} className="yaml-comment">
          {m[1]}
        </span>,
      );
    else if (m[3]) {
      out.push(m[2]);
      out.push(
        <span key={k++} className="yaml-key">
          {m[3]}
        </span>,
      );
    } else if (m[4])
      out.push(
        <span key={k++} className="yaml-tag">
          {m[4]}
        </span>,
      );
    else if (m[5])
      out.push(
        <span key={k++} className="yaml-string">
          {m[5]}
        </span>,
      );
    else if (m[6])
      out.push(
        <span key={k++} className="yaml-scalar">
          {m[6]}
        </span>,
      );
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
