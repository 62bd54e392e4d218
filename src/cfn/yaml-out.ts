import { Document, Scalar, YAMLMap, YAMLSeq, isMap } from 'yaml';
import { SHORT_TAGS } from './parse';

/**
 * Writing a template as YAML, intrinsics in their short form (`{ Ref: X }` → `!Ref X`,
 * `{ "Fn::GetAtt": [A, B] }` → `!GetAtt A.B`, `{ "Fn::Sub": s }` → `!Sub s`…).
 */

const LONG_TO_SHORT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHORT_TAGS).map(([short, long]) => [long, short]),
);

function node(doc: Document, v: unknown): unknown {
  if (Array.isArray(v)) {
    const seq = new YAMLSeq();
    for (const x of v) seq.items.push(node(doc, x));
    return seq;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1) {
      const [k, arg] = entries[0];
      const tag = LONG_TO_SHORT[k];
      if (tag && tag !== '!Condition') {
        let inner: unknown;
        if (k === 'Fn::GetAtt' && Array.isArray(arg) && arg.every((x) => typeof x === 'string'))
          inner = new Scalar(arg.join('.'));
        else inner = node(doc, arg);
        if (!(inner instanceof Scalar) && !(inner instanceof YAMLSeq) && !(inner instanceof YAMLMap))
          inner = new Scalar(inner);
        (inner as Scalar).tag = tag;
        if (inner instanceof Scalar && typeof inner.value === 'string' && inner.value.includes('\n'))
          inner.type = 'BLOCK_LITERAL';
        return inner;
      }
    }
    const map = new YAMLMap();
    for (const [k, x] of entries) map.items.push(doc.createPair(k, node(doc, x)) as never);
    return map;
  }
  const s = new Scalar(v);
  // YAML 1.1 readers (CloudFormation's among them) take 2010-09-09 for a date: quote such strings
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) s.type = 'QUOTE_SINGLE';
  return s;
}

/** The template as YAML text with short-form tags. */
export function templateToYaml(template: Record<string, unknown>): string {
  const doc = new Document();
  doc.contents = node(doc, template) as YAMLMap;
  if (!isMap(doc.contents)) throw new Error('a template is a mapping');
  return doc.toString({ lineWidth: 0, customTags: undefined } as never);
}
