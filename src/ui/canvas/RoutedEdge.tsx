import { BaseEdge, type EdgeProps, useStore } from '@xyflow/react';
import { memo, useEffect, useMemo } from 'react';
import { type Box, ROUTES, labelPoint, pathOf, route } from './route';
import { boxesKey } from './obstacles';

/** An edge drawn around the components in its way (the router in route.ts), its label on its longest run. */
function RoutedEdge(p: EdgeProps) {
  const key = useStore(boxesKey);
  const { source, target, sourceX, sourceY, targetX, targetY } = p;
  const lean = typeof p.data?.lean === 'number' ? p.data.lean : 0.5;
  const { pts, all } = useMemo(() => {
    const obstacles: Box[] = [],
      all: Box[] = [];
    for (const part of key ? key.split(';') : []) {
      const [id, rest] = part.split(':');
      const [x, y, w, h] = rest.split(',').map(Number);
      all.push({ x, y, w, h });
      if (id !== source && id !== target) obstacles.push({ x, y, w, h });
    }
    return { pts: route({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, obstacles, lean), all };
  }, [key, source, target, sourceX, sourceY, targetX, targetY, lean]);
  const id = `${p.source}->${p.target}`;
  useEffect(() => {
    ROUTES.set(id, pts);
    return () => {
      if (ROUTES.get(id) === pts) ROUTES.delete(id);
    };
  }, [id, pts]);
  // about 6.5 canvas units per character of the 12 px label, plus its padding
  const l = labelPoint(pts, typeof p.label === 'string' ? p.label.length * 6.5 + 10 : 0, all);
  return (
    <BaseEdge
      id={p.id}
      path={pathOf(pts)}
      markerEnd={p.markerEnd}
      style={p.style}
      label={p.label}
      labelX={l.x}
      labelY={l.y}
      labelStyle={p.labelStyle}
      labelShowBg={p.labelShowBg}
      labelBgStyle={p.labelBgStyle}
      labelBgPadding={p.labelBgPadding}
      labelBgBorderRadius={p.labelBgBorderRadius}
      interactionWidth={p.interactionWidth}
    />
  );
}

export default memo(RoutedEdge);
