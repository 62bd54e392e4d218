import { type Node, getNodesBounds } from '@xyflow/react';

/** Margin around the diagram in an exported picture, in canvas units. */
export const EXPORT_MARGIN = 40;

/**
 * SVG properties that the canvas sets through style sheets. html-to-image deep-clones an `<svg>` without
 * copying its descendants' computed styles, and the picture it draws has no style sheets: unstyled edge
 * paths draw nothing and edge-label boxes come out black. These are copied inline before the picture is taken.
 */
const SVG_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'color',
  'animation',
] as const;

/** Inline the computed SVG styles under `root` (returns a function that puts the old `style` attributes back). */
function inlineSvgStyles(root: Element): () => void {
  const saved: [Element, string | null][] = [];
  for (const svg of root.querySelectorAll('svg')) {
    for (const el of svg.querySelectorAll('*')) {
      if (!(el instanceof SVGElement)) continue;
      const cs = getComputedStyle(el);
      saved.push([el, el.getAttribute('style')]);
      for (const p of SVG_PROPS) {
        const v = p === 'animation' ? 'none' : cs.getPropertyValue(p);
        if (v) el.style.setProperty(p, v);
      }
    }
  }
  return () => {
    for (const [el, s] of saved) {
      if (s === null) el.removeAttribute('style');
      else el.setAttribute('style', s);
    }
  };
}

/** The picture's size and the transform that draws every node inside it at `zoom`. */
export function exportFrame(nodes: Node[], zoom = 1) {
  const b = getNodesBounds(nodes);
  const m = EXPORT_MARGIN;
  const width = Math.min(4096, Math.ceil((b.width + 2 * m) * zoom));
  const height = Math.min(4096, Math.ceil((b.height + 2 * m) * zoom));
  return { width, height, x: (m - b.x) * zoom, y: (m - b.y) * zoom, zoom };
}

/**
 * Render the whole diagram (not just the visible part: every node, edge, edge label, container, icon, in the
 * current theme) as a PNG or SVG data URL, at `zoom` screen pixels per canvas unit. html-to-image loads lazily.
 */
export async function exportImage(format: 'png' | 'svg', nodes: Node[], background: string, zoom = 1): Promise<string> {
  if (!nodes.length) throw new Error('the canvas is empty');
  const { toPng, toSvg } = await import('html-to-image');
  const el = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!el) throw new Error('no canvas');
  const f = exportFrame(nodes, zoom);
  const restore = inlineSvgStyles(el);
  try {
    const opts = {
      backgroundColor: background,
      width: f.width,
      height: f.height,
      pixelRatio: 1,
      skipFonts: true,
      style: {
        width: `${f.width}px`,
        height: `${f.height}px`,
        transform: `translate(${f.x}px, ${f.y}px) scale(${f.zoom})`,
      },
    };
    if (format === 'png') return await toPng(el, opts);
    // The SVG paints its background only under the (moved) viewport: give the whole picture the canvas colour.
    const svg = decodeURIComponent((await toSvg(el, opts)).replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    const bg = `<rect width="100%" height="100%" fill="${background.replace(/["<>&]/g, '')}"/>`;
    const painted = svg.replace('<foreignObject', `${bg}<foreignObject`);
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(painted)}`;
  } finally {
    restore();
  }
}
