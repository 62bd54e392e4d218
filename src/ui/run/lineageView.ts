import type { LineageEntity, ModelLineage } from '../../engine';

/** What each role of a lineage chain is called on the page. */
export const ROLE_LABEL: Record<LineageEntity['role'], string> = {
  data: 'Dataset',
  processing: 'Processing',
  training: 'Training job',
  automl: 'Autopilot job',
  candidate: 'Best candidate',
  model: 'Model',
  package: 'Model package',
  endpoint: 'Endpoint',
};

/** One box of a lineage chain as the Experiments tab shows it. */
export interface LineageStep {
  key: string;
  role: string;
  /** The node's label for nodes of the design; the entity's own id for models, candidates and packages. */
  name: string;
  detail: string;
  className: string;
}

/** Entities that are not nodes of the design: named by their own id. */
const OWN_NAMES: readonly LineageEntity['role'][] = ['model', 'candidate', 'package'];

/** The boxes of a model's lineage, in order (data → … → endpoint), named with the design's labels. */
export function lineageSteps(l: ModelLineage, label: (id: string) => string): LineageStep[] {
  return l.chain.map((e) => ({
    key: `${e.role}:${e.id}`,
    role: ROLE_LABEL[e.role],
    name: OWN_NAMES.includes(e.role) ? e.id : label(e.id),
    detail: e.detail,
    className:
      `lineage-step role-${e.role}` + (e.pinned === false ? ' is-unpinned' : '') + (e.pinned ? ' is-pinned' : ''),
  }));
}

/** The line above a chain: the model and the packages that register it. */
export const lineageTitle = (l: ModelLineage): string =>
  `${l.model}${l.packages.length ? ` · registered as ${l.packages.join(', ')}` : ''}`;
