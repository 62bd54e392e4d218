/**
 * Compare two pictures in the browser (no image library needed): both are drawn at the same size and compared
 * pixel by pixel, and tile by tile, leaving out the given regions.
 */
import type { Page } from 'playwright-core';

export interface PictureDiff {
  /** Share of pixels whose colour differs by more than 64 (of 255) in some channel. */
  pixels: number;
  /** Share of 12×12 tiles whose mean colour differs by more than 24 in some channel. */
  tiles: number;
  width: number;
  height: number;
}

/** Draw `a` and `b` (data URLs) at width×height and measure how much they differ. */
export async function diffPictures(
  page: Page,
  a: string,
  b: string,
  width: number,
  height: number,
  skip: { x: number; y: number; width: number; height: number }[] = [],
) {
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  return page.evaluate(
    `(async ([a, b, w, h, skip]) => {${COMPARE}})(${JSON.stringify([a, b, width, height, skip])})`,
  ) as Promise<PictureDiff>;
}

const COMPARE = `
      const load = (src) =>
        new Promise((ok, ko) => {
          const i = new Image();
          i.onload = () => ok(i);
          i.onerror = () => ko(new Error('a picture did not load'));
          i.src = src;
        });
      const pixels = async (src) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const g = c.getContext('2d');
        g.imageSmoothingQuality = 'high';
        g.drawImage(await load(src), 0, 0, w, h);
        return g.getImageData(0, 0, w, h).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      // regions to leave out (what floats over the canvas): the same in both pictures
      for (const r of skip)
        for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(h, Math.ceil(r.y + r.height)); y++)
          for (let x = Math.max(0, Math.floor(r.x)); x < Math.min(w, Math.ceil(r.x + r.width)); x++) {
            const i = (y * w + x) * 4;
            pb[i] = pa[i];
            pb[i + 1] = pa[i + 1];
            pb[i + 2] = pa[i + 2];
          }
      let off = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
        if (d > 64) off++;
      }
      const T = 12;
      let tiles = 0,
        tilesOff = 0;
      for (let ty = 0; ty + T <= h; ty += T)
        for (let tx = 0; tx + T <= w; tx += T) {
          const sa = [0, 0, 0],
            sb = [0, 0, 0];
          for (let y = ty; y < ty + T; y++)
            for (let x = tx; x < tx + T; x++) {
              const i = (y * w + x) * 4;
              for (let k = 0; k < 3; k++) {
                sa[k] += pa[i + k];
                sb[k] += pb[i + k];
              }
            }
          tiles++;
          if (Math.max(...[0, 1, 2].map((k) => Math.abs(sa[k] - sb[k]) / (T * T))) > 24) tilesOff++;
        }
      return { pixels: off / (w * h), tiles: tilesOff / tiles, width: w, height: h };
`;
