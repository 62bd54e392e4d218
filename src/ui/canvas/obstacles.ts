/**
 * What edges go around: the components' boxes and the title bands of containers, read from the canvas store
 * once per store update and shared by every edge (each edge used to walk every component on every update:
 * 4,000 edges × 2,000 components froze the page for minutes, issue 13 item 4).
 */
import type { ReactFlowState } from '@xyflow/react';
import { TITLE_BAND } from './route';

/**
 * Above this many components or edges, edges are drawn as plain steps instead of being routed around the
 * components: routing costs edges × components × candidate paths. The shipped documents have at most a few dozen.
 */
export const ROUTE_LIMIT = { components: 200, edges: 400 } as const;

let lastState: ReactFlowState | undefined;
let lastKey = '';

/**
 * The boxes as one string, `id:x,y,w,h` joined by `;` (edges re-route only when it changes); empty above
 * `ROUTE_LIMIT`. Read once per store state: every edge's selector gets the same string.
 */
export function boxesKey(s: ReactFlowState): string {
  if (s === lastState) return lastKey;
  lastState = s;
  lastKey = s.nodeLookup.size > ROUTE_LIMIT.components || s.edges.length > ROUTE_LIMIT.edges ? '' : readBoxes(s);
  return lastKey;
}

function readBoxes(s: ReactFlowState): string {
  const out: string[] = [];
  for (const n of s.nodeLookup.values()) {
    if (n.hidden) continue;
    const p = n.internals.positionAbsolute;
    const h = n.type === 'group-node' ? TITLE_BAND : (n.measured.height ?? 0);
    out.push(`${n.id}:${Math.round(p.x)},${Math.round(p.y)},${n.measured.width ?? 0},${h}`);
  }
  return out.join(';');
}
