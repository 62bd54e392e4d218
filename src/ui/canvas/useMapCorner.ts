import { type PanelPosition, type ReactFlowState, useStore } from '@xyflow/react';
import { useMemo } from 'react';

/** The overview map's size on screen, and React Flow's panel margin. */
export const MAP_SIZE = { width: 168, height: 112 } as const;
const PANEL_MARGIN = 15;
/** Room kept around a component so its connection dots (which stick out of its box) stay clear too. */
const HANDLE_ROOM = 10;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The screen rectangle a panel of MAP_SIZE takes in a corner of a width×height canvas. */
export function cornerRect(corner: PanelPosition, width: number, height: number): Rect {
  const w = MAP_SIZE.width,
    h = MAP_SIZE.height;
  const x = corner.endsWith('right') ? width - PANEL_MARGIN - w : PANEL_MARGIN;
  const y = corner.startsWith('bottom') ? height - PANEL_MARGIN - h : PANEL_MARGIN;
  return { x, y, w, h };
}

/** Screen boxes of the components (containers excluded: they have no connection dots) — one string per change. */
const boxesKey = (s: ReactFlowState): string => {
  const [tx, ty, z] = s.transform;
  const out: string[] = [`${s.width}x${s.height}`];
  for (const n of s.nodeLookup.values()) {
    if (n.type === 'group-node' || n.hidden) continue;
    const p = n.internals.positionAbsolute;
    const w = n.measured.width ?? n.width ?? 0,
      h = n.measured.height ?? n.height ?? 0;
    const box = [
      p.x * z + tx - HANDLE_ROOM,
      p.y * z + ty - HANDLE_ROOM,
      w * z + 2 * HANDLE_ROOM,
      h * z + 2 * HANDLE_ROOM,
    ];
    out.push(box.map(Math.round).join(','));
  }
  return out.join(';');
};

/**
 * The first corner where the overview map covers no component and no connection dot: bottom-right, then
 * top-left, then top-right (unless the run legend is there; the zoom controls hold bottom-left). `null` when
 * every corner is busy: the map steps aside until the view changes, so a drag that starts on a dot always
 * reaches the dot.
 */
export function useMapCorner(legendTopRight: boolean): PanelPosition | null {
  const key = useStore(boxesKey);
  return useMemo(() => {
    const [size, ...rest] = key.split(';');
    const [width, height] = size.split('x').map(Number);
    const boxes = rest.map((r) => {
      const [x, y, w, h] = r.split(',').map(Number);
      return { x, y, w, h };
    });
    const corners: PanelPosition[] = legendTopRight
      ? ['bottom-right', 'top-left']
      : ['bottom-right', 'top-left', 'top-right'];
    for (const c of corners) {
      const r = cornerRect(c, width, height);
      if (!boxes.some((b) => overlaps(b, r))) return c;
    }
    return null;
  }, [key, legendTopRight]);
}
