import { Alias, LineCounter, type Node, parseDocument, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { CfnError, type CfnPath } from './types';

/**
 * Reading a template: YAML (with the short-form tags `!Ref`, `!Sub`, `!GetAtt`…) or JSON (a subset of YAML,
 * so `cdk synth` output goes the same way). Short tags become the long form (`!Ref X` → `{ Ref: "X" }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`), and every value keeps its line and column for messages.
 */

/** Short-form tags and the long-form key each stands for. */
export const SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    [
      'And',
      'Base64',
      'Cidr',
      'Equals',
      'FindInMap',
      'GetAtt',
      'GetAZs',
      'If',
      'ImportValue',
      'Join',
      'Length',
      'Not',
      'Or',
      'Select',
      'Split',
      'Sub',
      'ToJsonString',
      'Transform',
    ].map((f) => [`!${f}`, `Fn::${f}`]),
  ),
};

/** Custom tags for the yaml package: each short tag on a scalar, a sequence or a mapping, kept as written. */
const CUSTOM_TAGS = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'seq' as const, resolve: (n: unknown) => n },
  { tag, collection: 'map' as const, resolve: (n: unknown) => n },
]);

export interface ParsedTemplate {
  /** The template with every short tag in its long form. */
  template: Record<string, unknown>;
  /** Line and column (1-based) of the value at a path, or of its nearest ancestor that has one. */
  locate(path: CfnPath): { line: number; col: number } | undefined;
  /** True when the text was JSON. */
  json: boolean;
}

const key = (path: CfnPath) => path.join('\u0000');

/** Parse template text, or throw a CfnError with the line and column of the first problem. */
export function parseTemplate(text: string): ParsedTemplate {
  const lc = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter: lc, prettyErrors: false, merge: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lc.linePos(first.pos[0]);
    throw new CfnError(`not valid YAML or JSON: ${first.message.split('\n')[0]}`, [], pos?.line, pos?.col);
  }
  const positions = new Map<string, number>();
  const at = (offset: number | undefined) => (offset === undefined ? undefined : lc.linePos(offset));

  const convert = (node: Node | null | undefined | unknown, path: (string | number)[]): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return convert((node as Alias).resolve(doc), path);
    const n = node as Node;
    if (n.range && !positions.has(key(path))) positions.set(key(path), n.range[0]);
    let value: unknown;
    if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
        if (item.key && (item.key as Node).range) positions.set(key([...path, k]), (item.key as Node).range![0]);
        obj[k] = convert(item.value, [...path, k]);
      }
      value = obj;
    } else if (isSeq(n)) value = n.items.map((it, i) => convert(it, [...path, i]));
    else if (isScalar(n)) value = n.value;
    else value = null;
    const tag = n.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const long = SHORT_TAGS[tag];
      if (!long) {
        const start = n.range?.[0];
        const p = at(start === undefined ? undefined : Math.max(0, text.lastIndexOf(tag, start)));
        throw new CfnError(`unknown intrinsic function tag ${tag}`, path, p?.line, p?.col);
      }
      if (long === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
      value = { [long]: value };
    }
    return value;
  };

  const template = convert(doc.contents, []);
  if (template === null || typeof template !== 'object' || Array.isArray(template))
    throw new CfnError('not a CloudFormation template: expected a mapping with a "Resources" section', [], 1, 1);
  const t = template as Record<string, unknown>;
  if (typeof t.format === 'string' && t.format.startsWith('sagesim/'))
    throw new CfnError(
      `not a CloudFormation template: this is a SageSim document ("${t.format}"); open it as a design`,
      ['format'],
    );
  if (!t.Resources || typeof t.Resources !== 'object' || Array.isArray(t.Resources)) {
    const p = t.Resources === undefined ? undefined : positions.get(key(['Resources']));
    const pos = p === undefined ? { line: 1, col: 1 } : lc.linePos(p);
    throw new CfnError(
      t.Resources === undefined
        ? 'not a CloudFormation template: no "Resources" section'
        : 'not a CloudFormation template: "Resources" must be a mapping of logical ids to resources',
      ['Resources'],
      pos.line,
      pos.col,
    );
  }
  return {
    template: t,
    json: /^\s*[{[]/.test(text),
    locate(path) {
      for (let i = path.length; i >= 0; i--) {
        const off = positions.get(key(path.slice(0, i)));
        if (off !== undefined) return lc.linePos(off);
      }
      return undefined;
    },
  };
}
