import { mapCodePipelines } from './map/codepipeline';
import { loadJson } from '../model/load';
import { computeLayout } from '../model/autolayout';
import { type ArchDoc, type ArchNode, FORMAT } from '../model/schema';
import { isKind } from '../catalog/kinds';
import { evaluateTemplate } from './evaluate';
import { Builder, META, rec, list } from './map/builder';
import { mapAutoML } from './map/automl';
import { mapSageMaker } from './map/sagemaker';
import { mapNetwork } from './map/network';
import { mapPipelines } from './map/pipeline';
import { mapGlue, mapSecurity, mapStores, noteTheRest } from './map/misc';
import { mapGuardrails } from './map/guardrails';
import { mapOrganizations } from './map/organizations';
import { parseTemplate } from './parse';
import { CfnError, type ImportNote, isSym } from './types';

/**
 * Import: a CloudFormation template (YAML or JSON, as written or as `cdk synth` emits it) → a SageSim design.
 * Throws a CfnError (with the template path and, when known, line and column) when the template cannot be read;
 * a MissingParamsError when a condition needs a parameter that has no default.
 */

export interface ImportOptions {
  /** Parameter values (`--param KEY=VALUE`), pseudo parameters too (`AWS::Region`). */
  params?: Readonly<Record<string, string>>;
  /** Title of the design (default: the template's Description). */
  title?: string;
}

export interface ImportResult {
  doc: ArchDoc;
  /** Resources with no kind, conditions that left resources out, what is not simulated. */
  notes: ImportNote[];
}

const SAM = 'AWS::Serverless-2016-10-31';

/** Physical-name properties: a plain string equal to one of them refers to that resource. */
const NAME_PROPS = [
  'EndpointName',
  'BucketName',
  'FunctionName',
  'QueueName',
  'TopicName',
  'ModelPackageGroupName',
  'PipelineName',
  'FeatureGroupName',
  'RepositoryName',
];

export function importTemplate(text: string, opts: ImportOptions = {}): ImportResult {
  const parsed = parseTemplate(text);
  const t = parsed.template;
  try {
    const notes: ImportNote[] = [];
    const transforms = (Array.isArray(t.Transform) ? t.Transform : t.Transform ? [t.Transform] : []).map(String);
    if (transforms.includes(SAM)) applySamGlobals(t);
    for (const tr of transforms.filter((x) => x !== SAM))
      notes.push({
        severity: 'warning',
        resource: '',
        type: '',
        message: `transform ${tr} is not applied offline: its macros are left as written`,
      });
    const ev = evaluateTemplate(t, opts.params ?? {});
    const b = new Builder(ev.resources);
    mapNetwork(b);
    mapStores(b);
    mapSecurity(b);
    mapOrganizations(b);
    mapSageMaker(b);
    mapAutoML(b);
    mapPipelines(b);
    mapGlue(b);
    mapCodePipelines(b);
    for (const r of ev.resources) {
      const owner = b.owner.get(r.id);
      if (!owner) continue;
      for (const p of NAME_PROPS) {
        const v = r.props[p];
        // a name built with Fn::Sub from a parameter with no value (`${Project}-prod`) is still the same name
        // wherever the template builds it the same way: it matches by its text
        if ((typeof v === 'string' && v.length >= 3) || (isSym(v) && v.kind === 'str')) b.names.set(String(v), owner);
      }
    }
    mapGuardrails(b);
    addDesignMetadata(b, rec(rec(t.Metadata)[META]));
    b.connectReferences();
    noteTheRest(b);
    for (const s of ev.skipped)
      b.notes.push({
        severity: 'info',
        resource: s.id,
        type: s.type,
        message: `not created: condition ${s.condition} is false`,
      });
    const doc: ArchDoc = {
      format: FORMAT,
      title: (
        opts.title ?? (typeof t.Description === 'string' ? t.Description : 'Imported CloudFormation template')
      ).slice(0, 200),
      nodes: b.nodes,
      edges: b.edges,
    };
    layout(doc);
    const loaded = loadJson(doc);
    if (!loaded.ok)
      throw new CfnError(
        `the template maps to a design SageSim refuses: ` +
          `${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    return { doc: loaded.doc, notes: [...notes, ...b.notes] };
  } catch (e) {
    if (e instanceof CfnError && e.line === undefined) {
      const pos = parsed.locate(e.path);
      if (pos) {
        e.line = pos.line;
        e.col = pos.col;
      }
    }
    throw e;
  }
}

/** Nodes and connections an exported template keeps in its Metadata (kinds with no resource: clients, jobs…). */
function addDesignMetadata(b: Builder, meta: Record<string, unknown>): void {
  for (const raw of list(meta.nodes).map(rec)) {
    if (!isKind(raw.kind) || typeof raw.id !== 'string') {
      b.note(null, `Metadata.${META}.nodes: an entry with no valid id and kind was skipped`, 'warning');
      continue;
    }
    const n = b.node(raw.id, raw.kind, typeof raw.label === 'string' ? raw.label : undefined);
    b.setProps(n, rec(raw.props));
    b.setTags(n, raw.tags);
    if (typeof raw.parent === 'string') (n as ArchNode & { _parent?: string })._parent = raw.parent;
  }
  for (const n of b.nodes as (ArchNode & { _parent?: string })[]) {
    if (n._parent === undefined) continue;
    b.setParent(n, b.get(n._parent));
    delete n._parent;
  }
  for (const c of list(meta.connections).map(rec)) {
    const from = b.get(String(c.from)),
      to = b.get(String(c.to));
    if (!b.connect(from, to))
      b.note(
        null,
        `Metadata.${META}.connections: ${String(c.from)} → ${String(c.to)} is not a connection SageSim allows; skipped`,
        'warning',
      );
  }
}

/** SAM's Globals.Function apply to every AWS::Serverless::Function (a function's own properties win). */
function applySamGlobals(t: Record<string, unknown>): void {
  const g = rec(rec(t.Globals).Function);
  if (!Object.keys(g).length) return;
  for (const r of Object.values(rec(t.Resources)).map(rec)) {
    if (r.Type !== 'AWS::Serverless::Function') continue;
    const own = rec(r.Properties);
    const merged: Record<string, unknown> = { ...g, ...own };
    for (const k of ['Environment', 'Tags']) if (g[k] && own[k]) merged[k] = { ...rec(g[k]), ...rec(own[k]) };
    r.Properties = merged;
  }
}

/** Positions and container sizes for every node (the model's automatic layout). */
function layout(doc: ArchDoc): void {
  const { positions, sizes } = computeLayout(doc);
  for (const n of doc.nodes) {
    const p = positions.get(n.id);
    if (p) n.position = p;
    const s = sizes.get(n.id);
    if (s) n.size = s;
  }
}
