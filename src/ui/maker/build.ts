import { kindDef } from '../../catalog/kinds';
import type { Domain, Kind } from '../../catalog/types';
import type { Report } from '../../engine';
import { DOMAIN_NAMES } from '../../model/domains';
import type { ArchDoc, Goal, Solution } from '../../model/schema';

/** What the author ticked to build the goal. */
export interface GoalDraft {
  noIncidents: string[];
  noFindings: string[];
  nodeStates: Record<string, string>;
  minServed: Record<string, number>;
  maxFailedRatio?: number;
  maxCostUSD?: number;
}
export const EMPTY_GOAL: GoalDraft = { noIncidents: [], noFindings: [], nodeStates: {}, minServed: {} };

export interface Draft {
  title: string;
  domain: Domain | '';
  story: string;
  hints: [string, string, string];
  goal: GoalDraft;
  locked: string[];
  /** null: every kind may be added. */
  palette: Kind[] | null;
}

/** The goal from the draft: only the keys the author filled. */
export function goalOf(g: GoalDraft): Goal {
  const out: Goal = {};
  if (g.noIncidents.length) out.noIncidents = [...g.noIncidents];
  if (g.noFindings.length) out.noFindings = [...g.noFindings];
  if (Object.keys(g.nodeStates).length) out.nodeStates = { ...g.nodeStates };
  if (Object.keys(g.minServed).length) out.minServed = { ...g.minServed };
  if (g.maxFailedRatio !== undefined) out.maxFailedRatio = g.maxFailedRatio;
  if (g.maxCostUSD !== undefined) out.maxCostUSD = g.maxCostUSD;
  return out;
}

/** The broken design as it runs (a fixed seed and duration, so the author's test is the player's run). */
export function runnable(doc: ArchDoc): ArchDoc {
  const {
    mode: _m,
    script: _s,
    goal: _g,
    hints: _h,
    locked: _l,
    palette: _p,
    solution: _so,
    story: _st,
    domain: _d,
    ...rest
  } = doc;
  return { ...rest, seed: doc.seed ?? 1, durationSec: doc.durationSec ?? 3600 };
}

/** The puzzle file: the broken design, the author's words, goal, locks, palette and the solution. */
export function buildPuzzle(broken: ArchDoc, d: Draft, solution: Solution | null): ArchDoc {
  const ids = new Set(broken.nodes.map((n) => n.id));
  const doc: ArchDoc = {
    ...runnable(broken),
    mode: 'puzzle',
    title: d.title.trim() || broken.title || 'Untitled puzzle',
  };
  if (d.domain) doc.domain = d.domain;
  if (d.story.trim()) doc.story = d.story.trim();
  doc.goal = goalOf(d.goal);
  const hints = d.hints.map((h) => h.trim()).filter(Boolean);
  if (hints.length) doc.hints = hints;
  const locked = d.locked.filter((id) => ids.has(id));
  if (locked.length) doc.locked = locked;
  if (d.palette) doc.palette = [...d.palette];
  if (solution) doc.solution = solution;
  return doc;
}

/** The state a node should end in once fixed: an endpoint in service, a pipeline succeeded, a job completed. */
export function wantedState(kind: Kind): string {
  const role = kindDef(kind).role;
  return role === 'endpoint' ? 'InService' : role === 'pipeline' ? 'Succeeded' : 'Completed';
}
export const STATES = [
  'Completed',
  'InService',
  'Succeeded',
  'InProgress',
  'Failed',
  'Stopped',
  'Creating',
  'Executing',
  'Pending',
];

/** Nodes of a report that have a state or served requests: what the goal can require. */
export function stateNodes(r: Report): [string, string][] {
  return Object.entries(r.nodes)
    .filter(([, n]) => typeof n.state === 'string')
    .map(([id, n]) => [id, n.state!]);
}
export function servingNodes(r: Report): [string, number][] {
  return Object.entries(r.nodes)
    .filter(([, n]) => typeof n.ok === 'number')
    .map(([id, n]) => [id, n.ok!]);
}
export const domainLabel = (d: Domain) => `${d} · ${DOMAIN_NAMES[d]}`;
