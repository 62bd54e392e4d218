import { type Node, getNodesBounds, getViewportForBounds } from '@xyflow/react';

/** Render the whole diagram (not just the visible part) to a PNG data URL; html-to-image loads lazily. */
export async function exportPng(nodes: Node[], background: string): Promise<string> {
  const { toPng } = await import('html-to-image');
  const el = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!el) throw new Error('no canvas');
  const b = getNodesBounds(nodes);
  const width = Math.min(4096, Math.max(640, Math.ceil(b.width + 160)));
  const height = Math.min(4096, Math.max(400, Math.ceil(b.height + 160)));
  const v = getViewportForBounds(b, width, height, 0.1, 2, 0.06);
  return toPng(el, {
    backgroundColor: background,
    width,
    height,
    pixelRatio: 1,
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
  });
}
