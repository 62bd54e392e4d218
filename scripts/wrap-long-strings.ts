/**
 * Wrap string literals that push a line past Prettier's width (issue 11 item 7: no line over the formatter's width).
 * Prettier never splits a string, so a long message stays one long line; this codemod splits each such literal at
 * spaces into a concatenation of pieces ('… ' + '…'), which Prettier then lays out one piece per line. The value of
 * every string is unchanged (the golden reports prove it byte for byte); regular expressions and URLs are left whole.
 *
 *   npx tsx scripts/wrap-long-strings.ts [--check] [files…]   (default: every tracked .ts/.tsx file)
 *
 * `--check` lists the literals it would split and exits 1 when there are any. Run Prettier after writing, and again
 * until it splits nothing (Prettier may indent a piece deeper than this script assumed).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const WIDTH = 120;
/** Room for a piece on a line indented by `indent`: the width less the indentation Prettier gives the pieces (two
 * more than the line's), the quotes, ` +` and a margin. A piece Prettier indents deeper is split on the next pass. */
const piece = (indent: number): number => Math.max(40, WIDTH - indent - 10);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Split raw literal text (between its delimiters) at spaces into pieces of at most `max` characters each. */
export function splitRaw(raw: string, max: number, canSplitAt: (i: number) => boolean = () => true): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (raw.length - from > max) {
    let cut = -1;
    for (let i = from + max - 1; i > from; i--)
      if (raw[i] === ' ' && canSplitAt(i)) {
        cut = i + 1;
        break;
      }
    if (cut < 0)
      for (let i = from + max; i < raw.length; i++)
        if (raw[i] === ' ' && canSplitAt(i)) {
          cut = i + 1;
          break;
        }
    if (cut < 0 || cut >= raw.length) break;
    pieces.push(raw.slice(from, cut));
    from = cut;
  }
  pieces.push(raw.slice(from));
  return pieces;
}

/** Offsets in a template literal's raw text that lie outside `${…}` substitutions. */
function outsideSubstitutions(raw: string): (i: number) => boolean {
  const inside = new Uint8Array(raw.length);
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i++;
      continue;
    }
    if (depth === 0 && raw[i] === '$' && raw[i + 1] === '{') {
      depth = 1;
      inside[i] = inside[i + 1] = 1;
      i++;
      continue;
    }
    if (depth > 0) {
      inside[i] = 1;
      if (raw[i] === '{') depth++;
      else if (raw[i] === '}') depth--;
    }
  }
  return (i) => inside[i] === 0;
}

/** Edits that split the long literals of one file. A literal is long when a line it sits on is over the width. */
export function editsFor(path: string, text: string): Edit[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lines = text.split('\n');
  const long = (pos: number, end: number): boolean => {
    const a = sf.getLineAndCharacterOfPosition(pos).line;
    const b = sf.getLineAndCharacterOfPosition(end).line;
    for (let l = a; l <= b; l++) if (lines[l].length > WIDTH) return true;
    return false;
  };
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
    if (literal && !isTypeOrKeyPosition(node) && long(node.getStart(sf), node.getEnd())) {
      const start = node.getStart(sf);
      const source = text.slice(start, node.getEnd());
      const quote = source[0];
      const raw = source.slice(1, -1);
      const line = lines[sf.getLineAndCharacterOfPosition(start).line];
      let max = piece(line.length - line.trimStart().length);
      // A literal that would fit on a line of its own but starts too far right: split it in two.
      if (raw.length <= max && raw.length > 40) max = Math.ceil(raw.length * 0.6);
      if (raw.length > max) {
        const canSplit = quote === '`' ? outsideSubstitutions(raw) : () => true;
        const pieces = splitRaw(raw, max, canSplit);
        if (pieces.length > 1) {
          const joined = pieces.map((p) => quote + p + quote).join(' +\n');
          // A literal that is an operand of something tighter than `+` keeps its meaning only in parentheses.
          const wrap = needsParens(node);
          edits.push({ start, end: node.getEnd(), text: wrap ? `(${joined})` : joined });
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edits;
}

/** Literal types, import specifiers, property names and enum members cannot become expressions. */
function isTypeOrKeyPosition(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return true;
  if (ts.isLiteralTypeNode(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
  if (ts.isExternalModuleReference(p) || ts.isImportTypeNode(p) || ts.isModuleDeclaration(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node)
    return true;
  if (ts.isPropertySignature(p) || ts.isEnumMember(p) || ts.isTaggedTemplateExpression(p)) return true;
  if (ts.isJsxAttribute(p)) return true;
  return false;
}

/** Whether replacing this literal by `a + b` changes how the surrounding expression parses. */
function needsParens(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p)) return p.operatorToken.kind !== ts.SyntaxKind.PlusToken;
  return (
    ts.isPropertyAccessExpression(p) ||
    ts.isElementAccessExpression(p) ||
    ts.isCallExpression(p) ||
    ts.isPrefixUnaryExpression(p) ||
    ts.isTypeOfExpression(p) ||
    (ts.isConditionalExpression(p) && p.condition === node)
  );
}

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  let files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0)
    files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('.d.ts'));
  let changed = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const edits = editsFor(f, text);
    if (edits.length === 0) continue;
    changed += edits.length;
    if (check) console.log(`${f}: ${edits.length} long literal(s)`);
    else writeFileSync(f, apply(text, edits));
  }
  console.log(`${changed} literal(s) ${check ? 'to split' : 'split'}`);
  if (check && changed > 0) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('wrap-long-strings.ts')) main();
