/**
 * Shared shapes of the CloudFormation layer: a template error with its location, the notes an import
 * leaves (resources with no SageSim kind, transforms not applied…), and the symbolic values that stand for
 * what cannot be known offline (a resource's physical name, an attribute, an account id not given).
 */

/** A template path: `["Resources", "Endpoint", "Properties", "EndpointConfigName"]`. */
export type CfnPath = readonly (string | number)[];

/** `Resources.Endpoint.Properties.ProductionVariants[0]`. */
export function formatCfnPath(path: CfnPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(template)';
}

/** Why a template could not be read or evaluated; `where` is a path and, when known, `line:col`. */
export class CfnError extends Error {
  constructor(
    message: string,
    readonly path: CfnPath = [],
    /** 1-based line and column in the template text, when known. */
    public line?: number,
    public col?: number,
  ) {
    super(message);
  }
  /** `Resources.X.Properties.Y (line 12, col 7)`. */
  get where(): string {
    const p = formatCfnPath(this.path);
    return this.line ? `${p} (line ${this.line}, col ${this.col ?? 1})` : p;
  }
}

/** Parameters a condition needs that have no default and were not given: the page asks for them, the CLI names them. */
export class MissingParamsError extends CfnError {
  constructor(
    readonly params: readonly { name: string; description?: string; allowed?: readonly string[]; condition: string }[],
    path: CfnPath,
  ) {
    super(
      `parameter ${params.map((p) => p.name).join(', ')} has no default and decides condition ` +
        `${[...new Set(params.map((p) => p.condition))].join(', ')}: give it with --param ${params[0].name}=VALUE`,
      path,
    );
  }
}

/** What an import could not turn into the design, shown to the user (never silently dropped). */
export interface ImportNote {
  severity: 'info' | 'warning';
  /** Logical id of the resource the note is about (empty for the template as a whole). */
  resource: string;
  /** Its CloudFormation type, e.g. `AWS::EC2::SecurityGroup`. */
  type: string;
  message: string;
}

/** One line per note: `info: Resources.Sg (AWS::EC2::SecurityGroup): no SageSim kind…`. */
export const formatNote = (n: ImportNote): string =>
  `${n.severity}: ${n.resource ? `Resources.${n.resource}${n.type ? ` (${n.type})` : ''}: ` : ''}${n.message}`;

/**
 * A value that cannot be evaluated offline, kept as what it is: a reference to a resource, one of its
 * attributes, a parameter or pseudo parameter with no value, an imported export, or a function over such values
 * (a string built by Fn::Sub / Fn::Join keeps its literal parts and its symbolic ones in order).
 */
export class Sym {
  constructor(
    readonly kind: 'ref' | 'getatt' | 'param' | 'import' | 'str' | 'fn',
    /** ref/getatt: the logical id; param: the parameter name; fn: the intrinsic name. */
    readonly name: string,
    /** getatt: the attribute; str: the parts; fn/import: the evaluated arguments. */
    readonly arg?: unknown,
  ) {}
  /** CloudFormation-like text: `${Bucket}`, `${Role.Arn}`, `${AWS::AccountId}`. */
  toString(): string {
    switch (this.kind) {
      case 'ref':
      case 'param':
        return '${' + this.name + '}';
      case 'getatt':
        return '${' + this.name + '.' + String(this.arg) + '}';
      case 'str':
        return (this.arg as unknown[]).map((p) => (typeof p === 'string' ? p : String(p))).join('');
      case 'import':
        return '${ImportValue:' + String(this.arg) + '}';
      default:
        return '${' + this.name + '}';
    }
  }
}

export const isSym = (v: unknown): v is Sym => v instanceof Sym;

/** Logical ids of the resources a value refers to (through Ref, GetAtt, Sub, Join…), in order of appearance. */
export function refsIn(v: unknown, out: string[] = []): string[] {
  if (v instanceof Sym) {
    if (v.kind === 'ref' || v.kind === 'getatt') {
      if (!out.includes(v.name)) out.push(v.name);
    } else refsIn(v.arg, out);
  } else if (Array.isArray(v)) v.forEach((x) => refsIn(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => refsIn(x, out));
  else if (typeof v === 'string' && v.includes('{{cfn:')) {
    for (const m of v.matchAll(/\{\{cfn:([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}\}/g))
      if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * A string with its symbolic parts written as `{{cfn:Id}}` / `{{cfn:Id.Attr}}` placeholders (for JSON bodies built by
 * Fn::Sub).
 */
export function withPlaceholders(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof Sym && v.kind === 'str')
    return (v.arg as unknown[])
      .map((p) =>
        typeof p === 'string'
          ? p
          : p instanceof Sym && (p.kind === 'ref' || p.kind === 'getatt')
            ? `{{cfn:${p.name}${p.kind === 'getatt' ? '.' + String(p.arg) : ''}}}`
            : `{{sym:${String(p).replace(/[${}]/g, '')}}}`,
      )
      .join('');
  if (v instanceof Sym && (v.kind === 'ref' || v.kind === 'getatt'))
    return `{{cfn:${v.name}${v.kind === 'getatt' ? '.' + String(v.arg) : ''}}}`;
  return null;
}
