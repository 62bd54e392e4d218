import { CfnError, type CfnPath, MissingParamsError, Sym, isSym, refsIn } from './types';

/**
 * Evaluating a template offline: Parameters (defaults and given values), Mappings, Conditions, pseudo
 * parameters and the intrinsic functions. What only a deployed stack knows (a resource's name or ARN, an
 * account id not given, an import) stays symbolic (a `Sym`), never guessed. A condition that cannot be
 * decided offline is an error naming the parameter to give, not a silent choice.
 */

/** Removes the property or list item it is in (`!Ref AWS::NoValue`). */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Pseudo parameters with the value they have when not given; null = only a deployed stack knows it. */
export const PSEUDO: Readonly<Record<string, string | null>> = {
  'AWS::Region': 'us-east-1',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': null,
  'AWS::StackName': null,
  'AWS::StackId': null,
  'AWS::NotificationARNs': null,
};

export interface EvaluatedResource {
  id: string;
  type: string;
  /** Properties with every intrinsic evaluated (symbolic where it cannot be). */
  props: Record<string, unknown>;
  dependsOn: string[];
  metadata: Record<string, unknown>;
}

export interface Evaluated {
  /** Resources that exist (their condition, if any, is true), in template order. */
  resources: EvaluatedResource[];
  /** Resources left out because their condition is false: id → condition. */
  skipped: { id: string; type: string; condition: string }[];
  /** Parameter values used (given or default); symbolic ones are absent. */
  params: Record<string, unknown>;
  transforms: string[];
}

interface ParamDef {
  Type?: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  Description?: string;
}

const obj = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !isSym(v);
const isListType = (t: string | undefined) => !!t && (t === 'CommaDelimitedList' || t.startsWith('List<'));

/** Evaluate a parsed template with the given parameter values (`KEY=VALUE` pairs as a record). */
export function evaluateTemplate(t: Record<string, unknown>, given: Readonly<Record<string, string>> = {}): Evaluated {
  const paramDefs = (obj(t.Parameters) ? t.Parameters : {}) as Record<string, ParamDef>;
  const mappings = (obj(t.Mappings) ? t.Mappings : {}) as Record<string, unknown>;
  const conditions = (obj(t.Conditions) ? t.Conditions : {}) as Record<string, unknown>;
  const resources = t.Resources as Record<string, unknown>;
  const transforms = (Array.isArray(t.Transform) ? t.Transform : t.Transform ? [t.Transform] : []).map(String);

  for (const name of Object.keys(given))
    if (!(name in paramDefs) && !(name in PSEUDO))
      throw new CfnError(
        `--param ${name}: the template has no parameter ${name} (parameters: ` +
          `${Object.keys(paramDefs).join(', ') || 'none'})`,
        ['Parameters'],
      );

  /* ---------- parameters ---------- */
  const params: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(paramDefs)) {
    const path = ['Parameters', name];
    if (!obj(def)) throw new CfnError(`parameter ${name} must be a mapping with a Type`, path);
    const raw = given[name] ?? (def.Default === undefined || def.Default === null ? undefined : def.Default);
    if (raw === undefined) continue;
    if (String(def.Type ?? '').startsWith('AWS::SSM::Parameter::Value')) continue; // its value lives in SSM
    const str = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
    if (Array.isArray(def.AllowedValues) && !def.AllowedValues.map(String).includes(str))
      throw new CfnError(
        `parameter ${name} is "${str}"; allowed values are ${def.AllowedValues.map(String).join(', ')}`,
        path,
      );
    params[name] = isListType(String(def.Type)) ? (str === '' ? [] : str.split(',').map((s) => s.trim())) : str;
  }
  const pseudo = (name: string): unknown => {
    if (name in given) return given[name];
    const v = PSEUDO[name];
    return v === null ? new Sym('param', name) : v;
  };

  /* ---------- conditions ---------- */
  type Cond = boolean | { unknown: Set<string> };
  const condCache = new Map<string, Cond>();
  const condStack: string[] = [];
  const paramsIn = (v: unknown, out: Set<string>) => {
    if (isSym(v)) {
      if (v.kind === 'param') out.add(v.name);
      else paramsIn(v.arg, out);
    } else if (Array.isArray(v)) v.forEach((x) => paramsIn(x, out));
    else if (obj(v)) Object.values(v).forEach((x) => paramsIn(x, out));
  };
  const condition = (name: string, path: CfnPath): Cond => {
    const hit = condCache.get(name);
    if (hit !== undefined) return hit;
    if (!(name in conditions)) throw new CfnError(`condition ${name} is not defined in Conditions`, path);
    if (condStack.includes(name))
      throw new CfnError(`circular condition: ${[...condStack, name].join(' → ')}`, ['Conditions', name]);
    condStack.push(name);
    const c = condValue(conditions[name], ['Conditions', name]);
    condStack.pop();
    condCache.set(name, c);
    return c;
  };
  const condValue = (v: unknown, path: CfnPath): Cond => {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    if (!obj(v) || Object.keys(v).length !== 1)
      throw new CfnError('a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition', path);
    const [fn, arg] = Object.entries(v)[0];
    const p = [...path, fn];
    const list = (n: [number, number]) => {
      if (!Array.isArray(arg) || arg.length < n[0] || arg.length > n[1])
        throw new CfnError(`${fn} takes a list of ${n[0] === n[1] ? n[0] : `${n[0]} to ${n[1]}`} conditions`, p);
      return arg;
    };
    switch (fn) {
      case 'Condition':
        return condition(String(arg), p);
      case 'Fn::Equals': {
        const [a, b] = list([2, 2]).map((x, i) => value(x, [...p, i]));
        if (!isSym(a) && !isSym(b) && !hasSym(a) && !hasSym(b))
          return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
        const u = new Set<string>();
        paramsIn([a, b], u);
        return { unknown: u };
      }
      case 'Fn::Not': {
        const c = condValue(list([1, 1])[0], [...p, 0]);
        return typeof c === 'boolean' ? !c : c;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const cs = list([2, 10]).map((x, i) => condValue(x, [...p, i]));
        const decisive = fn === 'Fn::And' ? false : true;
        if (cs.includes(decisive)) return decisive;
        const u = cs.filter((c): c is { unknown: Set<string> } => typeof c !== 'boolean');
        return u.length ? { unknown: new Set(u.flatMap((c) => [...c.unknown])) } : !decisive;
      }
      default:
        throw new CfnError(`${fn} is not a condition function (use Fn::Equals, Fn::And, Fn::Or, Fn::Not)`, p);
    }
  };
  const decide = (name: string, path: CfnPath): boolean => {
    const c = condition(name, path);
    if (typeof c === 'boolean') return c;
    const missing = [...c.unknown];
    if (missing.some((m) => m in paramDefs))
      throw new MissingParamsError(
        missing
          .filter((m) => m in paramDefs)
          .map((m) => ({
            name: m,
            description: paramDefs[m].Description ? String(paramDefs[m].Description) : undefined,
            allowed: paramDefs[m].AllowedValues?.map(String),
            condition: name,
          })),
        ['Conditions', name],
      );
    throw new CfnError(
      `condition ${name} cannot be decided offline: it depends on ` +
        `${missing.join(', ') || 'a value only a deployed stack knows'}; give it with --param ` +
        `${missing[0] ?? 'NAME'}=VALUE`,
      ['Conditions', name],
    );
  };

  /* ---------- values ---------- */
  const value = (v: unknown, path: CfnPath): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => value(x, [...path, i])).filter((x) => x !== NO_VALUE);
    if (!obj(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')))
      return intrinsic(keys[0], v[keys[0]], [...path, keys[0]]);
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if (k.startsWith('Fn::') && keys.length > 1)
        throw new CfnError(`${k} must be the only key of its mapping`, [...path, k]);
      const x = value(v[k], [...path, k]);
      if (x !== NO_VALUE) out[k] = x;
    }
    return out;
  };

  const ref = (name: unknown, path: CfnPath): unknown => {
    if (typeof name !== 'string') throw new CfnError('Ref takes the name of a parameter or resource', path);
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in PSEUDO) return pseudo(name);
    if (name in paramDefs) return name in params ? params[name] : new Sym('param', name);
    if (name in resources) return new Sym('ref', name);
    throw new CfnError(`Ref to ${name}, which is not a parameter, pseudo parameter or resource`, path);
  };

  const str = (parts: unknown[]): unknown => {
    const merged: unknown[] = [];
    for (const p of parts) {
      if (isSym(p) && p.kind === 'str') merged.push(...(p.arg as unknown[]));
      else merged.push(isSym(p) ? p : String(p));
    }
    const out: unknown[] = [];
    for (const p of merged) {
      if (typeof p === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += p;
      else if (p !== '') out.push(p);
    }
    if (out.every((p) => typeof p === 'string')) return out.join('');
    return new Sym('str', 'Fn::Sub', out);
  };

  const intrinsic = (fn: string, raw: unknown, path: CfnPath): unknown => {
    const args = (n: number, m = n): unknown[] => {
      if (!Array.isArray(raw) || raw.length < n || raw.length > m)
        throw new CfnError(`${fn} takes a list of ${n === m ? n : `${n} to ${m}`} items`, path);
      return raw;
    };
    switch (fn) {
      case 'Ref':
        return ref(value(raw, path), path);
      case 'Fn::GetAtt': {
        const a =
          typeof raw === 'string' ? raw.split(/\.(.*)/s).slice(0, 2) : args(2).map((x, i) => value(x, [...path, i]));
        const [id, attr] = a;
        if (typeof id !== 'string' || !(id in resources))
          throw new CfnError(`Fn::GetAtt names ${String(id)}, which is not a resource`, path);
        if (typeof attr !== 'string' || !attr) throw new CfnError(`Fn::GetAtt ${id} needs an attribute name`, path);
        return new Sym('getatt', id, attr);
      }
      case 'Fn::Sub': {
        const [tmpl, varsRaw] = typeof raw === 'string' ? [raw, {}] : args(1, 2);
        if (typeof tmpl !== 'string')
          throw new CfnError('Fn::Sub takes a string, or a string and a mapping of variables', path);
        const vars = varsRaw === undefined ? {} : value(varsRaw, [...path, 1]);
        if (!obj(vars)) throw new CfnError('the variables of Fn::Sub must be a mapping', [...path, 1]);
        const parts: unknown[] = [];
        let last = 0;
        for (const m of tmpl.matchAll(/\$\{([^}]*)\}/g)) {
          parts.push(tmpl.slice(last, m.index));
          last = m.index! + m[0].length;
          const name = m[1].trim();
          if (name.startsWith('!')) parts.push('${' + name.slice(1) + '}');
          else if (name in vars) parts.push(vars[name]);
          else if (name in paramDefs || name in PSEUDO || name in resources) parts.push(ref(name, path));
          else if (name.includes('.') && name.split('.')[0] in resources) {
            const dot = name.indexOf('.');
            parts.push(new Sym('getatt', name.slice(0, dot), name.slice(dot + 1)));
          } else
            throw new CfnError(
              `Fn::Sub names \${${name}}, which is not a parameter, resource, attribute or variable`,
              path,
            );
        }
        parts.push(tmpl.slice(last));
        const flat = parts.map((p) => (Array.isArray(p) ? p.join(',') : p));
        if (flat.some((p) => p === NO_VALUE)) throw new CfnError('Fn::Sub cannot use AWS::NoValue', path);
        return str(flat);
      }
      case 'Fn::Join': {
        const [delim, listRaw] = args(2);
        const list = value(listRaw, [...path, 1]);
        if (typeof delim !== 'string') throw new CfnError('Fn::Join takes a delimiter string first', path);
        if (isSym(list)) return new Sym('fn', fn, [delim, list]);
        if (!Array.isArray(list)) throw new CfnError('Fn::Join takes a list of values to join', path);
        const parts: unknown[] = [];
        list.forEach((x, i) => {
          if (i) parts.push(delim);
          parts.push(x);
        });
        return str(parts);
      }
      case 'Fn::Select': {
        const [iRaw, listRaw] = args(2);
        const i = Number(value(iRaw, [...path, 0]));
        const list = value(listRaw, [...path, 1]);
        if (!Number.isInteger(i) || i < 0) throw new CfnError('Fn::Select needs a non-negative integer index', path);
        if (isSym(list)) return new Sym('fn', fn, [i, list]);
        if (!Array.isArray(list)) throw new CfnError('Fn::Select takes an index and a list', path);
        if (i >= list.length)
          throw new CfnError(`Fn::Select index ${i} is past the end of a list of ${list.length}`, path);
        return list[i];
      }
      case 'Fn::Split': {
        const [delim, sRaw] = args(2);
        const s = value(sRaw, [...path, 1]);
        if (typeof delim !== 'string') throw new CfnError('Fn::Split takes a delimiter string first', path);
        return typeof s === 'string' ? s.split(delim) : new Sym('fn', fn, [delim, s]);
      }
      case 'Fn::If': {
        const [name, a, b] = args(3);
        return decide(String(name), path) ? value(a, [...path, 1]) : value(b, [...path, 2]);
      }
      case 'Fn::FindInMap': {
        const [m, k1, k2] = args(3, 4).map((x, i) => (i < 3 ? value(x, [...path, i]) : x));
        if ([m, k1, k2].some(isSym)) return new Sym('fn', fn, [m, k1, k2]);
        const map = mappings[String(m)];
        if (!obj(map)) throw new CfnError(`Fn::FindInMap: no mapping ${String(m)} in Mappings`, path);
        const top = map[String(k1)];
        if (!obj(top)) {
          if (Array.isArray(raw) && raw.length === 4 && obj(raw[3]))
            return value((raw[3] as Record<string, unknown>).DefaultValue, path);
          throw new CfnError(`Fn::FindInMap: mapping ${String(m)} has no key ${String(k1)}`, path);
        }
        if (!(String(k2) in top))
          throw new CfnError(`Fn::FindInMap: ${String(m)}.${String(k1)} has no key ${String(k2)}`, path);
        return top[String(k2)];
      }
      case 'Fn::Base64': {
        const s = value(raw, path);
        return typeof s === 'string' ? base64(s) : new Sym('fn', fn, [s]);
      }
      case 'Fn::ToJsonString': {
        const v = value(raw, path);
        return hasSym(v) ? new Sym('fn', fn, [v]) : JSON.stringify(v);
      }
      case 'Fn::Length': {
        const v = value(raw, path);
        return Array.isArray(v) ? v.length : new Sym('fn', fn, [v]);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const c = condValue({ [fn]: raw }, path.slice(0, -1));
        return typeof c === 'boolean' ? String(c) : new Sym('fn', fn, [raw]);
      }
      case 'Fn::GetAZs':
      case 'Fn::Cidr':
        return new Sym('fn', fn, [value(raw, path)]);
      case 'Fn::ImportValue':
        return new Sym('import', fn, value(raw, path));
      case 'Fn::Transform':
        return new Sym('fn', fn, [raw]);
      default:
        throw new CfnError(`unknown intrinsic function ${fn}`, path);
    }
  };

  /* ---------- resources ---------- */
  const out: EvaluatedResource[] = [];
  const skipped: Evaluated['skipped'] = [];
  for (const [id, r] of Object.entries(resources)) {
    const path = ['Resources', id];
    if (!obj(r) || typeof r.Type !== 'string')
      throw new CfnError(`resource ${id} needs a Type (e.g. AWS::S3::Bucket)`, path);
    if (r.Condition !== undefined && !decide(String(r.Condition), [...path, 'Condition'])) {
      skipped.push({ id, type: r.Type, condition: String(r.Condition) });
      continue;
    }
    const props = r.Properties === undefined ? {} : value(r.Properties, [...path, 'Properties']);
    if (!obj(props)) throw new CfnError('Properties must be a mapping', [...path, 'Properties']);
    const dependsOn = (Array.isArray(r.DependsOn) ? r.DependsOn : r.DependsOn ? [r.DependsOn] : []).map(String);
    for (const d of dependsOn)
      if (!(d in resources))
        throw new CfnError(`DependsOn names ${d}, which is not a resource`, [...path, 'DependsOn']);
    out.push({ id, type: r.Type, props, dependsOn, metadata: obj(r.Metadata) ? r.Metadata : {} });
  }
  checkCycles(out);
  return { resources: out, skipped, params, transforms };
}

/** Circular references between resources (Ref, GetAtt, Sub and DependsOn) are refused, naming the cycle. */
function checkCycles(resources: readonly EvaluatedResource[]): void {
  const deps = new Map(resources.map((r) => [r.id, [...new Set([...refsIn(r.props), ...r.dependsOn])]]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 1);
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (!deps.has(d)) continue;
      if (state.get(d) === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        throw new CfnError(`circular reference between resources: ${cycle.join(' → ')}`, ['Resources', d]);
      }
      if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const r of resources) if (!state.has(r.id)) visit(r.id);
}

function hasSym(v: unknown): boolean {
  if (isSym(v)) return true;
  if (Array.isArray(v)) return v.some(hasSym);
  if (obj(v)) return Object.values(v).some(hasSym);
  return false;
}

/** CloudFormation compares scalars as strings: `!Equals [!Ref Count, 2]` with Count "2" is true. */
function norm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(norm);
  if (obj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v === null || v === undefined ? v : String(v);
}

/** Base64 of UTF-8 text, in node and the browser alike. */
function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
